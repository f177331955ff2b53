package dev.kcaws.identitycenter.push;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Changes a user-storage sync makes (LDAP's periodic or console "Sync changed users" / "Sync all
 * users": a user created, renamed, given a new email or disabled in LDAP, a group mapper's
 * memberships) announce nothing: Keycloak imports each user in a transaction of its own without an
 * event, and memberships a group mapper keeps in LDAP are never written to Keycloak's tables. What
 * a finished sync does leave is its end time, {@code lastSync}, in the provider's component (the
 * user-storage SPI's {@link UserStorageProviderModel#getLastSync()}, written only after a sync that
 * ran). Every node's push timer compares it with the realm's last reconcile start: a sync that
 * ended after the last reconcile started asks for a full reconcile through the outbox (a REALM
 * row, unless one waits already), which the realm's lease runs once per cluster.
 */
final class UserStorageSyncs {

    private UserStorageSyncs() {
    }

    /** Whether a user-storage provider of the realm finished a sync the last reconcile may not have seen. */
    static boolean syncedSince(RealmModel realm, long reconcileStartedAtMillis) {
        long lastSyncSeconds = lastSync(realm);
        // lastSync is in whole seconds: a reconcile started in the sync's last second may have missed it.
        return lastSyncSeconds > 0 && (lastSyncSeconds + 1) * 1000L > reconcileStartedAtMillis;
    }

    /** The end (seconds) of the realm's latest user-storage sync, 0 when none ran. */
    static long lastSync(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .mapToLong(component -> new UserStorageProviderModel(component).getLastSync())
                .max().orElse(0L);
    }

    /** Asks for the realm's reconcile when a sync ended after the last one started (called in the timer's transaction). */
    static void reconcileIfSynced(KeycloakSession session, RealmModel realm, long lastReconcileStart) {
        if (syncedSince(realm, lastReconcileStart) && !Outbox.of(session).hasRealmRow(realm.getId())) {
            Capture.of(session, realm).ifPresent(Capture::wholeRealm);
        }
    }
}
