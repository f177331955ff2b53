package dev.kcaws.keycloak;

import java.util.Optional;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.storage.StoreSyncEvent;

/**
 * A realm updated through Keycloak's realm API ({@code PUT /admin/realms/{realm}}), seen inside the
 * update's transaction.
 *
 * <p>Keycloak's model announces no realm update (its {@code RealmAttributeUpdateEvent} is published
 * only for the admin-permissions switch), but its realm resource publishes {@code StoreSyncEvent}
 * (server-spi-private) right after writing the representation into the model, so the realm's new
 * attributes can be checked there and a refusal rolls the whole update back. Also published, with
 * {@code removed}, when the realm goes, and on 26.7 after a user-storage provider's creation or
 * update has committed ({@code UserStorageManager}, an after-completion transaction): no realm
 * update then, and no database transaction left to write in, so those are not passed on. Checked in 26.4.7, 26.5.6 and 26.7.0 sources ({@code RealmAdminResource.updateRealm}).
 */
public final class RealmUpdates {

    /** The realm updated and the session of the update. */
    public record Updated(KeycloakSession session, RealmModel realm) {
    }

    private RealmUpdates() {
    }

    public static Optional<Updated> of(ProviderEvent event) {
        if (event instanceof StoreSyncEvent sync && !sync.getRemoved() && sync.getRealm() != null && sync.getSession() != null
                && inTransaction(sync.getSession())) {
            return Optional.of(new Updated(sync.getSession(), sync.getRealm()));
        }
        return Optional.empty();
    }

    private static boolean inTransaction(KeycloakSession session) {
        JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
        return jpa != null && jpa.getEntityManager().isJoinedToTransaction();
    }
}
