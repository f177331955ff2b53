package dev.kcaws.keycloak;

import dev.kcaws.aws.IdentityCenterUserName;
import dev.kcaws.aws.NotAnAddress;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.Collection;
import java.util.List;

import static dev.kcaws.keycloak.SqlInLists.chunks;

/**
 * Counts the users whose username Identity Center would refuse as a NameID ({@link NotAnAddress}),
 * in the database: one count and one page of examples, whatever the number of users, none loaded.
 * Local users only (service accounts left out, as the push leaves them out); users a storage
 * provider keeps without importing them have no row here.
 *
 * <p>Internal API used: the EntityManager of {@link JpaConnectionProvider} and the JPA entities
 * {@code UserEntity} ({@code realmId}, {@code username}, {@code serviceAccountClientLink}) and
 * {@code UserGroupMembershipEntity} ({@code user}, {@code groupId}), as {@link GroupMemberQueries}.
 */
public final class UserNameQueries {

    /** Oracle refuses IN lists longer than 1,000: groups go in lists of this size. */

    /** How many such users, and the first few usernames in order. */
    public record Found(long count, List<String> examples) {
    }

    private UserNameQueries() {
    }

    /**
     * The realm's users whose username is not an address; with {@code groupIds} not null, only the
     * direct members of those groups (pass a group with its sub-groups to count theirs).
     */
    public static Found notAnAddress(KeycloakSession session, RealmModel realm, Collection<String> groupIds, int maxExamples) {
        List<List<String>> groups = groupIds == null ? null : chunks(groupIds);
        if (groups != null && groups.isEmpty()) {
            return new Found(0, List.of());
        }
        StringBuilder where = new StringBuilder(" from UserEntity u where u.realmId = :realm and u.serviceAccountClientLink is null")
                .append(" and (u.username not like :shape or length(u.username) > :max");
        for (int i = 0; i < NotAnAddress.REFUSED_SHAPES.size(); i++) {
            where.append(" or u.username like :refused").append(i);
        }
        where.append(')');
        if (groups != null) {
            where.append(" and exists (select m.groupId from UserGroupMembershipEntity m where m.user = u and (");
            for (int i = 0; i < groups.size(); i++) {
                where.append(i == 0 ? "" : " or ").append("m.groupId in :groups").append(i);
            }
            where.append("))");
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        TypedQuery<Long> count = bind(em.createQuery("select count(u)" + where, Long.class), realm, groups);
        TypedQuery<String> examples = bind(em.createQuery("select u.username" + where + " order by u.username", String.class), realm, groups);
        long found = count.getSingleResult();
        return new Found(found, found == 0 ? List.of() : examples.setMaxResults(maxExamples).getResultList());
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, RealmModel realm, List<List<String>> groups) {
        query.setParameter("realm", realm.getId())
                .setParameter("shape", NotAnAddress.ADDRESS_SHAPE)
                .setParameter("max", IdentityCenterUserName.MAX_CHARS);
        for (int i = 0; i < NotAnAddress.REFUSED_SHAPES.size(); i++) {
            query.setParameter("refused" + i, NotAnAddress.REFUSED_SHAPES.get(i));
        }
        if (groups != null) {
            for (int i = 0; i < groups.size(); i++) {
                query.setParameter("groups" + i, groups.get(i));
            }
        }
        return query;
    }
}
