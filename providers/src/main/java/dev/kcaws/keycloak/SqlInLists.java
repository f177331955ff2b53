package dev.kcaws.keycloak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * IDs for a SQL {@code IN (…)} list, in pieces of at most {@value #MAX} distinct values: databases cap
 * a statement's bind parameters (PostgreSQL at 32,767, Oracle's IN list at 1,000), and a realm
 * can hold far more users, groups or roles than that.
 */
public final class SqlInLists {

    static final int MAX = 500;

    private SqlInLists() {
    }

    /** The distinct IDs in their first order, cut into lists of at most {@value #MAX}. */
    public static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX) {
            chunks.add(all.subList(i, Math.min(all.size(), i + MAX)));
        }
        return chunks;
    }
}
