package dev.kcaws.identitycenter.push;

import dev.kcaws.identitycenter.IdentityCenterSettings;
import dev.kcaws.scim.PushFailure;
import dev.kcaws.scim.PushResult;
import dev.kcaws.scim.ScimException;
import dev.kcaws.scim.ScimPush;
import dev.kcaws.scim.ScimUnavailableException;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pushing one realm to its Identity Center, under the realm's lease (one pusher per realm in the
 * cluster): the delivery of its outbox ({@link #drain}) and the full reconcile ({@link #reconcile}).
 *
 * <p>Each outbox item is pushed in a transaction of its own, which also deletes its rows: a node
 * that dies mid-push leaves the rows (claimed until the claim runs out), and the item is pushed
 * again (the engine compares with the ledger, so a repeat sends no duplicate). When Identity
 * Center cannot be used ({@link ScimUnavailableException}: down, throttling after the retries,
 * refusing the token) the claimed rows go back with their attempt counted and wait for the backoff;
 * what the engine had sent before is recorded in the ledger, as that transaction still commits.
 *
 * <p>A full reconcile (a REALM item, sync now, the schedule) is too long for one transaction: it
 * runs as a {@link RealmReconcile}, with no transaction around its requests, its ledger writes
 * flushed in short transactions that also renew the lease (and a REALM item's claim).
 */
final class RealmPush {

    private static final Logger LOG = Logger.getLogger(RealmPush.class);

    /** Rows claimed at a time. */
    private static final int BATCH = 200;
    /**
     * How long claimed rows and the realm's delivery lease are ours without a sign of life: both
     * are renewed before each item, so a node killed mid-delivery holds them at most this long
     * after its last item started (not a fixed quarter of an hour). An item whose retries run
     * longer (5 attempts of up to 30 s each) may see another node start on the realm; the engine's
     * create-or-adopt keeps such a repeat from duplicating anything.
     */
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration DRAIN_LEASE = CLAIM;
    /** A reconcile renews the lease at each flush of its ledger; a node that died mid-reconcile blocks the realm's push this long at most. */
    private static final Duration RECONCILE_LEASE = RealmReconcile.HOLD;

    private RealmPush() {
    }

    /** What one item's push came to. */
    private record Step(PushResult result, String unavailable) {
    }

    // ---- delivery ----

    /**
     * Delivers the realm's due outbox rows, unless another pusher holds the realm (it delivers
     * them). Loops while rows committed during the delivery are due, so none waits for the timer.
     */
    static void drain(KeycloakSessionFactory factory, String realmId) {
        for (int round = 0; round < 5; round++) {
            Optional<RealmLeases.Lease> lease = RealmLeases.tryAcquire(factory, realmId, RealmLeases.Purpose.DRAIN, DRAIN_LEASE);
            if (lease.isEmpty()) {
                return;
            }
            try {
                drainHeld(factory, realmId, lease.get());
            } finally {
                RealmLeases.release(factory, lease.get());
            }
            boolean due = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> Outbox.of(session).hasDue(realmId, Time.currentTimeMillis()));
            if (!due) {
                return;
            }
        }
    }

    private static void drainHeld(KeycloakSessionFactory factory, String realmId, RealmLeases.Lease lease) {
        String token = UUID.randomUUID().toString();
        long startedAt = Time.currentTimeMillis();
        PushResult total = PushResult.empty();
        String error = null;
        int pushed = 0;
        while (error == null) {
            List<Outbox.Item> items = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> Outbox.of(session).claim(realmId, token, BATCH, Time.currentTimeMillis(), CLAIM));
            if (items.isEmpty()) {
                break;
            }
            for (Outbox.Item item : items) {
                if (error != null) {
                    // Identity Center cannot be used now: the rest waits as long as the item that failed.
                    String why = error;
                    KeycloakModelUtils.runJobInTransaction(factory, session -> Outbox.of(session).retryLater(token, item, why, Time.currentTimeMillis()));
                    continue;
                }
                // A REALM item is a whole reconcile (minutes for a large realm): it renews the
                // lease and the claim itself, at each flush of its ledger.
                Duration hold = item.kind() == Outbox.Kind.REALM ? RECONCILE_LEASE : DRAIN_LEASE;
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmLeases.renew(session, lease, hold);
                    Outbox.of(session).extendClaim(token, Time.currentTimeMillis() + hold.toMillis());
                });
                Step step = item.kind() == Outbox.Kind.REALM
                        ? reconcileItem(factory, realmId, token, lease, item)
                        : pushOne(factory, realmId, token, item);
                error = step.unavailable();
                if (item.kind() != Outbox.Kind.REALM) { // a REALM item is a reconcile: its run is lastReconcile
                    pushed++;
                    total = PushRun.plus(total, step.result());
                } else if (error != null) {
                    pushed++;
                }
            }
        }
        if (pushed > 0) {
            PushRun run = PushRun.of(startedAt, Time.currentTimeMillis(), total, error);
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    new PushRuns(Outbox.of(session).entityManager(), realmId).record(PushRuns.PUSH, startedAt, run));
        }
    }

    /** A USER or GROUP item: a few requests, in one transaction with its ledger writes and the removal of its rows. */
    private static Step pushOne(KeycloakSessionFactory factory, String realmId, String token, Outbox.Item item) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                Outbox outbox = Outbox.of(session);
                Optional<Pusher> pusher = Pusher.of(session, realmId);
                if (pusher.isEmpty()) {
                    outbox.done(token, item); // realm gone or push switched off: a later reconcile repairs
                    return new Step(PushResult.empty(), null);
                }
                try {
                    PushResult result = pusher.get().push(item);
                    outbox.done(token, item);
                    return new Step(result, null);
                } catch (ScimUnavailableException e) {
                    String why = why(e);
                    outbox.retryLater(token, item, why, Time.currentTimeMillis());
                    return new Step(PushResult.empty(), why);
                }
            });
        } catch (RuntimeException e) {
            // Not Identity Center's answer (a bug, the database): this item waits and is shown as a
            // failure of the delivery; the others go on.
            LOG.errorf(e, "Realm %s: pushing %s %s to IAM Identity Center failed", realmId, item.kind(), item.keycloakId());
            String why = internalError(e);
            KeycloakModelUtils.runJobInTransaction(factory, session -> Outbox.of(session).retryLater(token, item, why, Time.currentTimeMillis()));
            String kind = item.kind() == Outbox.Kind.USER ? PushFailure.USER : PushFailure.GROUP;
            return new Step(new PushResult(0, 0, 0, 0, 0, 0, List.of(new PushFailure(kind, item.keycloakId(), null, why))), null);
        }
    }

    /**
     * A REALM item: a full reconcile ({@link RealmReconcile}), renewing the realm's lease and the
     * item's claim at each flush of its ledger; its run is recorded as the last reconcile, failed
     * ones too (Identity Center unavailable, or an internal error: the item waits for the backoff).
     */
    private static Step reconcileItem(KeycloakSessionFactory factory, String realmId, String token, RealmLeases.Lease lease, Outbox.Item item) {
        long startedAt = Time.currentTimeMillis();
        RealmReconcile.Hold hold = (session, duration) -> {
            Outbox.of(session).extendClaim(token, Time.currentTimeMillis() + duration.toMillis());
            return RealmLeases.renew(session, lease, duration);
        };
        String why;
        boolean unavailable = false;
        try {
            Optional<PushResult> result = RealmReconcile.run(factory, realmId, hold, (session, realm, settings) -> true);
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                Outbox outbox = Outbox.of(session);
                outbox.done(token, item); // when empty: realm gone or push switched off, a later reconcile repairs
                result.ifPresent(done -> {
                    outbox.realmReconciled(realmId, startedAt);
                    new PushRuns(outbox.entityManager(), realmId).record(PushRuns.RECONCILE, startedAt,
                            PushRun.of(startedAt, Time.currentTimeMillis(), done, null));
                });
            });
            return new Step(result.orElse(PushResult.empty()), null);
        } catch (ScimUnavailableException e) {
            why = why(e);
            unavailable = true;
        } catch (RealmReconcile.HoldLost e) {
            LOG.warnf("Realm %s: %s", realmId, e.getMessage());
            why = e.getMessage();
            unavailable = true; // the realm is another node's now: this delivery stops
        } catch (RuntimeException e) {
            LOG.errorf(e, "Realm %s: the IAM Identity Center reconcile of an outbox item failed", realmId);
            why = internalError(e);
        }
        String error = why;
        PushRun run = PushRun.of(startedAt, Time.currentTimeMillis(), PushResult.empty(), error);
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            Outbox outbox = Outbox.of(session);
            outbox.retryLater(token, item, error, Time.currentTimeMillis());
            new PushRuns(outbox.entityManager(), realmId).record(PushRuns.RECONCILE, startedAt, run);
        });
        return new Step(PushResult.empty(), unavailable ? error : null);
    }

    /** What the admin sees of a failure that is not Identity Center's answer: its kind only, never its message (it may hold anything). */
    static String internalError(RuntimeException e) {
        return "internal error: " + e.getClass().getSimpleName() + " (see the server log)";
    }

    /** What the admin sees of an unavailable Identity Center: the client's message (AWS's own, never the token). */
    static String why(ScimUnavailableException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.status() == 0 ? "IAM Identity Center could not be reached" : "IAM Identity Center answered HTTP " + e.status();
        }
        return message;
    }

    // ---- reconcile ----

    /** Whether the realm's push is configured and enabled. */
    static boolean configured(KeycloakSession session, RealmModel realm) {
        return IdentityCenterSettings.of(session, realm).isPresent();
    }

    /**
     * A full reconcile now, unless another pusher holds the realm (empty). With {@code onlyIfDue}
     * (the schedule), only when the interval has passed since the last one started: checked again
     * under the lease, so two nodes never run one twice.
     */
    static Optional<PushRun> reconcile(KeycloakSessionFactory factory, String realmId, boolean onlyIfDue) {
        Optional<RealmLeases.Lease> lease = RealmLeases.tryAcquire(factory, realmId, RealmLeases.Purpose.RECONCILE, RECONCILE_LEASE);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        long startedAt = Time.currentTimeMillis();
        try {
            PushResult result = PushResult.empty();
            String error = null;
            try {
                Optional<PushResult> done = RealmReconcile.run(factory, realmId, (session, duration) -> RealmLeases.renew(session, lease.get(), duration),
                        (session, realm, settings) -> !onlyIfDue || reconcileDue(session, realm, settings, startedAt));
                if (done.isEmpty()) {
                    return Optional.empty();
                }
                result = done.get();
            } catch (ScimUnavailableException e) {
                error = why(e);
            } catch (RealmReconcile.HoldLost e) {
                LOG.warnf("Realm %s: %s", realmId, e.getMessage());
                error = e.getMessage();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Realm %s: the IAM Identity Center reconcile failed", realmId);
                error = internalError(e);
            }
            PushRun run = PushRun.of(startedAt, Time.currentTimeMillis(), result, error);
            boolean complete = error == null;
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                if (complete) {
                    Outbox.of(session).realmReconciled(realmId, startedAt);
                }
                new PushRuns(Outbox.of(session).entityManager(), realmId).record(PushRuns.RECONCILE, startedAt, run);
            });
            return Optional.of(run);
        } finally {
            RealmLeases.release(factory, lease.get());
        }
    }

    /** Whether the realm's reconcile interval has passed since its last reconcile started (the schedule). */
    private static boolean reconcileDue(KeycloakSession session, RealmModel realm, IdentityCenterSettings settings, long now) {
        return PushSchedule.reconcileDue(settings, new PushRuns(Outbox.of(session).entityManager(), realm.getId()).lastReconcileStart(), now);
    }

    /** The engine wired to one realm in one session, for a USER or GROUP item: its settings, source and ledger. */
    private record Pusher(KeycloakSession session, RealmModel realm, IdentityCenterSettings settings) {

        static Optional<Pusher> of(KeycloakSession session, String realmId) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                return Optional.empty();
            }
            session.getContext().setRealm(realm);
            return IdentityCenterSettings.of(session, realm).map(settings -> new Pusher(session, realm, settings));
        }

        PushResult push(Outbox.Item item) {
            return switch (item.kind()) {
                case USER -> engine().pushUser(item.keycloakId(), source(), ledger());
                case GROUP -> engine().pushGroup(item.keycloakId(), source(), ledger());
                case REALM -> throw new IllegalStateException("a REALM item is a RealmReconcile");
            };
        }

        private ScimPush engine() {
            try {
                return new ScimPush(settings.client(session), settings.userNameSource(), settings.leavePolicy());
            } catch (ScimException e) {
                throw new ScimUnavailableException(e); // a vault reference without a secret: as if the token were refused
            }
        }

        private KeycloakPushSource source() {
            return new KeycloakPushSource(session, realm, settings.groupIds());
        }

        private JpaPushLedger ledger() {
            return new JpaPushLedger(Outbox.of(session).entityManager(), realm.getId());
        }
    }
}
