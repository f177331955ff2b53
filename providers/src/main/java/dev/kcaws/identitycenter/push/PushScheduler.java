package dev.kcaws.identitycenter.push;

import dev.kcaws.identitycenter.IdentityCenterSettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The push's timer, on every node (Keycloak's {@link TimerProvider}, scheduled once the database is
 * migrated): every tick ({@link PushSchedule#tick()}, 10 s) it starts the delivery of each realm with outbox rows due (retries
 * after the backoff, and rows a dead node left) and the scheduled reconcile of each realm whose
 * interval has passed. Each runs under the realm's lease in the database, so a realm is pushed by
 * one node at a time and a scheduled reconcile runs once per cluster, whichever node's timer fires
 * first; the work itself runs on the push's worker threads, never on Keycloak's timer thread. It
 * also asks for the reconcile of a realm whose user storage (LDAP) finished a sync since the last
 * one ({@link UserStorageSyncs}).
 */
final class PushScheduler {

    static final String TASK_NAME = "kcaws-identity-center-push";

    private static final Logger LOG = Logger.getLogger(PushScheduler.class);

    private PushScheduler() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(() -> tick(factory), PushSchedule.tick().toMillis(), TASK_NAME));
            }
        });
    }

    static void tick(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(Capture.EXECUTOR);
                long now = Time.currentTimeMillis();
                Capture.deliverLater(executor, factory, Outbox.of(session).realmsDue(now));
                List<String> reconcile = session.realms().getRealmsStream()
                        .filter(realm -> IdentityCenterSettings.of(session, realm).map(settings -> {
                            PushRuns runs = new PushRuns(Outbox.of(session).entityManager(), realm.getId());
                            long lastStart = runs.lastReconcileStart();
                            if (PushSchedule.reconcileDue(settings, lastStart, now)) {
                                return true;
                            }
                            UserStorageSyncs.reconcileIfSynced(session, realm, runs, lastStart);
                            return false;
                        }).orElse(false))
                        .map(realm -> realm.getId()).toList();
                for (String realmId : reconcile) {
                    try {
                        executor.execute(() -> {
                            try {
                                RealmPush.reconcile(factory, realmId, true);
                            } catch (RuntimeException e) {
                                LOG.errorf(e, "Realm %s: the scheduled IAM Identity Center reconcile failed", realmId);
                            }
                        });
                    } catch (RejectedExecutionException full) {
                        // the next tick tries again
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The IAM Identity Center push timer failed; it runs again at the next tick", e);
        }
    }
}
