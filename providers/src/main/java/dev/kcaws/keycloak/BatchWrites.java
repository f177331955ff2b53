package dev.kcaws.keycloak;

import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;

/**
 * Many model writes in one transaction without Hibernate's per-write flush over everything the
 * request loaded (O(n²) for n grants): Keycloak's own batch mode, as its realm import uses it.
 *
 * <p>Keycloak internals used (keycloak-server-spi-private, public static; same in 26.4.7, 26.5.6
 * and 26.7.x): {@code EntityManagers.runInBatch(session, runnable, flushAndClearAtEnd)}
 * and {@code EntityManagers.flush(session, clear)}.
 */
public final class BatchWrites {

    private BatchWrites() {
    }

    /** Runs {@code writes} in batch mode on the request's connection and transaction; flushes and clears at the end. */
    public static void run(KeycloakSession session, Runnable writes) {
        EntityManagers.runInBatch(session, writes, true);
    }

    /** Inside {@link #run}: writes the pending changes and empties the batch's persistence context. */
    public static void flushAndClear(KeycloakSession session) {
        EntityManagers.flush(session, true);
    }
}
