package dev.kcaws.identitycenter.push;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a user-storage sync asks for a reconcile ({@link UserStorageSyncs#unseen}). */
class UserStorageSyncsTest {

    static final long RECONCILE_START = 1_000_000_000L; // ms: second 1,000,000

    @Test
    void noSyncEverRanAsksForNothing() {
        assertThat(UserStorageSyncs.unseen(0, 0, 0, RECONCILE_START)).isFalse();
    }

    @Test
    void aSyncTheLastReconcileReadTheRealmAfterAsksForNothing() {
        assertThat(UserStorageSyncs.unseen(999_990, 999_990, 999_990, RECONCILE_START)).isFalse();
    }

    @Test
    void aSyncThatEndedAfterTheLastReconcileStartedAsksForOne() {
        assertThat(UserStorageSyncs.unseen(1_000_005, 999_990, 1_000_005, RECONCILE_START)).isTrue();
    }

    /** Keycloak 26.4 writes the sync's start: a sync running while the reconcile read the realm leaves an earlier time behind. */
    @Test
    void aSyncThatStartedBeforeTheLastReconcileButFinishedAfterItAsksForOne() {
        assertThat(UserStorageSyncs.unseen(999_995, 999_990, 999_995, RECONCILE_START)).isTrue();
    }

    /** Two syncs in one second write the same value: the second may have run after the reconcile read the realm. */
    @Test
    void aSyncInTheSecondTheLastReconcileStartedAsksForOneEvenWithTheMarkSeen() {
        assertThat(UserStorageSyncs.unseen(1_000_000, 1_000_000, 1_000_000, RECONCILE_START + 500)).isTrue();
        assertThat(UserStorageSyncs.unseen(1_000_000, 1_000_000, 1_000_000, RECONCILE_START + 1_000)).isFalse();
    }

    /** A provider removed (its users go with it) or a second provider's first sync: any change of the mark. */
    @Test
    void anyChangeOfTheMarkAsksForOne() {
        assertThat(UserStorageSyncs.unseen(500_000, 1_999_990, 999_990, RECONCILE_START)).isTrue();
    }
}
