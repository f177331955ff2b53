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
 * a finished sync does leave is {@code lastSync} in the provider's component (the user-storage
 * SPI's {@link UserStorageProviderModel#getLastSync()}, written only once a sync has run): its end
 * on 26.7, its <em>start</em> on 26.4. Every node's push timer asks for a full reconcile through the
 * outbox (a REALM row, unless one waits already), which the realm's lease runs once per cluster,
 * when either
 * <ul>
 *   <li>the realm's {@link #mark} differs from the one the last reconcile read the realm after
 *       ({@link PushRuns#syncsSeen()}): a sync finished since, even one that started before that
 *       reconcile and so wrote an earlier time (26.4), or</li>
 *   <li>a sync's {@code lastSync} falls in or after the second the last reconcile started: two syncs
 *       in one second write the same mark.</li>
 * </ul>
 */
final class UserStorageSyncs {

    private UserStorageSyncs() {
    }

    /** Whether a user-storage provider of the realm finished a sync the last reconcile may not have seen. */
    static boolean syncedSince(RealmModel realm, long reconcileStartedAtMillis, long markSeen) {
        return unseen(mark(realm), markSeen, lastSync(realm), reconcileStartedAtMillis);
    }

    /** The rule of the class comment, on plain values (seconds for the marks, milliseconds for the reconcile start). */
    static boolean unseen(long mark, long markSeen, long lastSyncSeconds, long reconcileStartedAtMillis) {
        // lastSync is in whole seconds: a reconcile started in the sync's last second may have missed it.
        return mark != markSeen || lastSyncSeconds > 0 && (lastSyncSeconds + 1) * 1000L > reconcileStartedAtMillis;
    }

    /** The sum of every user-storage provider's {@code lastSync}: changes with every sync of any of them. */
    static long mark(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .mapToLong(component -> new UserStorageProviderModel(component).getLastSync()).sum();
    }

    /** The latest {@code lastSync} (seconds) of the realm's user-storage providers, 0 when none ran. */
    static long lastSync(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .mapToLong(component -> new UserStorageProviderModel(component).getLastSync())
                .max().orElse(0L);
    }

    /** Asks for the realm's reconcile when a sync finished that the last one may not have seen (called in the timer's transaction). */
    static void reconcileIfSynced(KeycloakSession session, RealmModel realm, PushRuns runs, long lastReconcileStart) {
        if (syncedSince(realm, lastReconcileStart, runs.syncsSeen()) && !Outbox.of(session).hasRealmRow(realm.getId())) {
            Capture.of(session, realm).ifPresent(Capture::wholeRealm);
        }
    }

    /** Records the mark the reconcile about to read the realm sees (in its reading transaction, under the realm's lease). */
    static void seen(RealmModel realm, PushRuns runs) {
        runs.syncsSeen(mark(realm));
    }
}
