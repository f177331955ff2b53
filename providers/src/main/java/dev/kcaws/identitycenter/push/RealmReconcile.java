package dev.kcaws.identitycenter.push;

import dev.kcaws.identitycenter.IdentityCenterSettings;
import dev.kcaws.scim.PushLedger;
import dev.kcaws.scim.PushResult;
import dev.kcaws.scim.PushSource;
import dev.kcaws.scim.PushSourceSnapshot;
import dev.kcaws.scim.ScimException;
import dev.kcaws.scim.ScimPush;
import dev.kcaws.scim.ScimUnavailableException;
import dev.kcaws.scim.WriteBehindLedger;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One full reconcile of a realm with no database transaction around its requests to Identity
 * Center (a first push of 10,000 users is about 10,800 requests: at AWS's latency a quarter of an
 * hour, far past Keycloak's transaction timeout of 5 minutes):
 * <ol>
 *   <li>one short transaction reads the settings, what should be in Identity Center
 *       ({@link PushSourceSnapshot} of the realm) and the ledger ({@link WriteBehindLedger} over
 *       {@link JpaPushLedger});</li>
 *   <li>the engine runs outside any transaction; the ledger's writes go to the database in short
 *       transactions of their own every {@link #FLUSH_WRITES} writes or {@link #FLUSH_INTERVAL},
 *       each also renewing what the run holds (the realm's lease, a REALM item's claim) for
 *       {@link #HOLD};</li>
 *   <li>at the end, and when the run ends early (Identity Center unavailable, a failure), the
 *       rest of the journal is flushed.</li>
 * </ol>
 * A node killed mid-reconcile loses at most the writes of the last {@link #FLUSH_INTERVAL} (or
 * {@link #FLUSH_WRITES}): the next reconcile adopts what they had created by {@code userName} /
 * {@code displayName} and reads the memberships from Identity Center, so nothing is duplicated;
 * the realm is blocked for at most {@link #HOLD} after the last flush.
 */
final class RealmReconcile {

    private static final Logger LOG = Logger.getLogger(RealmReconcile.class);

    /** Ledger writes journaled before they go to the database (one flush: a few hundred SQL statements). */
    static final int FLUSH_WRITES = 200;
    /** At the latest this long after the last flush the journal goes to the database and the hold is renewed. */
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(15);
    /**
     * How long the realm's lease (and a REALM item's claim) stays ours after a flush: covers the
     * longest stretch without a ledger call (the first reads of Identity Center's users and groups,
     * with the client's retries) many times over; a node killed mid-reconcile blocks the realm's
     * push this long at most.
     */
    static final Duration HOLD = Duration.ofMinutes(5);

    /** What the run holds (the realm's lease, a claim), renewed in each flush's transaction. */
    @FunctionalInterface
    interface Hold {
        /** @return false when it was lost (it ran out and another node took the realm) */
        boolean renew(KeycloakSession session, Duration duration);
    }

    /** The realm's lease ran out during the run and another pusher took it: this run stops. */
    static final class HoldLost extends RuntimeException {
        HoldLost() {
            super("another node took over the realm's push while this reconcile was running (this node was silent longer than "
                    + HOLD.toMinutes() + " minutes)");
        }
    }

    /** Whether the run goes ahead, decided in the reading transaction. */
    @FunctionalInterface
    interface Due {
        boolean test(KeycloakSession session, RealmModel realm, IdentityCenterSettings settings);
    }

    private record Prepared(ScimPush engine, PushSource source, WriteBehindLedger ledger) {
    }

    private RealmReconcile() {
    }

    /**
     * Runs the reconcile; empty when the realm is gone, its push is off, or {@code due} says no.
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     *                                  (what was sent before is in the ledger)
     * @throws HoldLost                 the realm's lease was lost mid-run
     */
    static Optional<PushResult> run(KeycloakSessionFactory factory, String realmId, Hold hold, Due due) {
        Prepared prepared = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                return null;
            }
            session.getContext().setRealm(realm);
            Optional<IdentityCenterSettings> settings = IdentityCenterSettings.of(session, realm);
            if (settings.isEmpty() || !due.test(session, realm, settings.get())) {
                return null;
            }
            ScimPush engine;
            try {
                engine = new ScimPush(settings.get().client(session), settings.get().userNameSource(), settings.get().leavePolicy());
            } catch (ScimException e) {
                throw new ScimUnavailableException(e); // a vault reference without a secret: as if the token were refused
            }
            UserStorageSyncs.seen(realm, new PushRuns(Outbox.of(session).entityManager(), realmId));
            PushSource source = PushSourceSnapshot.of(new KeycloakPushSource(session, realm, settings.get().groupIds()));
            WriteBehindLedger ledger = WriteBehindLedger.over(new JpaPushLedger(Outbox.of(session).entityManager(), realmId),
                    writes -> flush(factory, realmId, hold, writes), FLUSH_WRITES, FLUSH_INTERVAL);
            return new Prepared(engine, source, ledger);
        });
        if (prepared == null) {
            return Optional.empty();
        }
        PushResult result;
        try {
            result = prepared.engine().reconcile(prepared.source(), prepared.ledger());
        } catch (RuntimeException e) {
            flushAfter(prepared.ledger(), realmId, e);
            throw e;
        }
        prepared.ledger().flush();
        return Optional.of(result);
    }

    /** Records what the run sent before it ended early; a failure here loses the journal (the next reconcile adopts). */
    private static void flushAfter(WriteBehindLedger ledger, String realmId, RuntimeException cause) {
        if (cause instanceof HoldLost) {
            return; // thrown by a flush after its writes committed; nothing was written since
        }
        try {
            ledger.flush();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.warnf("Realm %s: %d ledger writes of an interrupted IAM Identity Center reconcile could not be recorded;"
                    + " the next reconcile adopts what they stood for", realmId, ledger.pendingWrites());
        }
    }

    /** One flush: the journal's writes and the renewal of the hold, in one short transaction. */
    private static void flush(KeycloakSessionFactory factory, String realmId, Hold hold, Consumer<PushLedger> writes) {
        boolean held = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            writes.accept(new JpaPushLedger(Outbox.of(session).entityManager(), realmId));
            return hold.renew(session, HOLD);
        });
        if (!held) {
            // The writes are committed all the same: they record what Identity Center accepted.
            throw new HoldLost();
        }
    }
}
