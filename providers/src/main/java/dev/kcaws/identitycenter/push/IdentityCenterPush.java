package dev.kcaws.identitycenter.push;

import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SCIM push on Keycloak, as the rest of the bundle sees it: registration (change capture and
 * the timer), the status of a realm's push, a reconcile now, and the hook for a settings change.
 */
public final class IdentityCenterPush {

    /** How long {@link #syncNow} waits for a delivery in progress to finish before answering "busy". */
    private static final Duration WAIT_FOR_DELIVERY = Duration.ofSeconds(30);
    /**
     * How long {@link #syncNow} waits for the reconcile's result before answering that it runs. The
     * request's own transaction lasts while it waits, and Keycloak's transaction timeout
     * ({@code transaction-default-timeout}, 5 minutes by default) would roll it back under a longer
     * wait (the answer would be a 500): a reconcile of a large realm takes minutes.
     */
    private static final Duration WAIT_FOR_RESULT = Duration.ofSeconds(10);

    private IdentityCenterPush() {
    }

    /** What {@code GET push/status} answers. */
    public record Status(long pending, PushRun lastPush, PushRun lastReconcile) {
    }

    /** What {@link #syncNow} came to: the reconcile's run, or null while it still runs (it then shows as lastReconcile when done). */
    public record Sync(PushRun run) {
        public boolean running() {
            return run == null;
        }
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
     * A full reconcile of the realm now, on one of the push's worker threads; its run when it ends
     * within {@link #WAIT_FOR_RESULT}, else {@link Sync#running()} (it goes on); empty when a
     * reconcile is running already (anywhere in the cluster). A delivery in progress is waited for
     * (it takes seconds). The realm must be {@link #configured}.
     */
    public static Optional<Sync> syncNow(KeycloakSession session, RealmModel realm) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(Capture.EXECUTOR);
        String realmId = realm.getId();
        long deadline = System.nanoTime() + WAIT_FOR_DELIVERY.toNanos();
        while (true) {
            Callable<Optional<PushRun>> reconcile = () -> {
                Optional<PushRun> run = RealmPush.reconcile(factory, realmId, false);
                if (run.isPresent()) {
                    Capture.deliverLater(executor, factory, List.of(realmId));
                }
                return run;
            };
            Optional<PushRun> run;
            try {
                Future<Optional<PushRun>> started = executor.submit(reconcile);
                run = started.get(WAIT_FOR_RESULT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                return Optional.of(new Sync(null));
            } catch (RejectedExecutionException full) {
                run = callHere(reconcile); // no worker free: as before, on this thread
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (run.isPresent()) {
                return Optional.of(new Sync(run.get()));
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

    private static Optional<PushRun> callHere(Callable<Optional<PushRun>> reconcile) {
        try {
            return reconcile.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
