package dev.kcaws.identitycenter.push;

import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SCIM push on Keycloak, as the rest of the bundle sees it: registration (change capture and
 * the timer), the status of a realm's push, a reconcile now, and the hook for a settings change.
 */
public final class IdentityCenterPush {

    /** How long {@link #syncNow} waits for a delivery in progress to finish before answering "busy". */
    private static final Duration WAIT_FOR_DELIVERY = Duration.ofSeconds(30);

    private IdentityCenterPush() {
    }

    /** What {@code GET push/status} answers. */
    public record Status(long pending, PushRun lastPush, PushRun lastReconcile) {
    }

    /** Once per session factory (from {@code BundleSetup}). */
    public static void register(KeycloakSessionFactory factory) {
        ChangeCapture.register(factory);
        PushScheduler.register(factory);
    }

    /** Whether the realm's push is configured and enabled. */
    public static boolean configured(KeycloakSession session, RealmModel realm) {
        return RealmPush.configured(session, realm);
    }

    /** Changes waiting in the outbox, and the last delivery and the last reconcile (null when none ran). */
    public static Status status(KeycloakSession session, RealmModel realm) {
        Outbox outbox = Outbox.of(session);
        PushRuns runs = new PushRuns(outbox.entityManager(), realm.getId());
        return new Status(outbox.pending(realm.getId()), runs.last(PushRuns.PUSH).orElse(null), runs.last(PushRuns.RECONCILE).orElse(null));
    }

    /**
     * A full reconcile of the realm now, on this thread; empty when a reconcile is running already
     * (anywhere in the cluster). A delivery in progress is waited for (it takes seconds). The realm
     * must be {@link #configured}.
     */
    public static Optional<PushRun> syncNow(KeycloakSession session, RealmModel realm) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        long deadline = System.nanoTime() + WAIT_FOR_DELIVERY.toNanos();
        while (true) {
            Optional<PushRun> run = RealmPush.reconcile(factory, realm.getId(), false);
            if (run.isPresent()) {
                Capture.deliverLater(session.getProvider(ExecutorsProvider.class).getExecutor(Capture.EXECUTOR), factory, List.of(realm.getId()));
                return run;
            }
            Optional<RealmLeases.Purpose> holder = RealmLeases.holder(factory, realm.getId());
            if (holder.orElse(RealmLeases.Purpose.DRAIN) == RealmLeases.Purpose.RECONCILE || System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * The realm's push settings were saved (in this session's transaction): a full reconcile is
     * queued with the change, so newly chosen groups go out and dropped ones are removed at once,
     * and the changes waiting for a backoff are due now (the admin may have fixed the token).
     */
    public static void settingsChanged(KeycloakSession session, RealmModel realm) {
        Capture.settingsSaved(session, realm);
        Capture.of(session, realm).ifPresent(capture -> {
            Outbox.of(session).dueNow(realm.getId(), Time.currentTimeMillis());
            capture.wholeRealm();
        });
    }
}
