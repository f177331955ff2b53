package dev.kcaws.identitycenter.push;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One pusher per realm in the whole cluster ({@link RealmLease}): a delivery or a reconcile takes
 * the realm's lease in a transaction of its own with a conditional UPDATE (free, or run out), and
 * gives it back when done. A node that dies mid-push holds it only until it runs out.
 */
final class RealmLeases {

    /** What holds a realm's lease. */
    enum Purpose { DRAIN, RECONCILE }

    /** A lease held: give it back with {@link #release}. */
    record Lease(String realmId, String token, Purpose purpose) {
    }

    private RealmLeases() {
    }

    /** Takes the realm's lease for {@code duration}, or answers empty when another holder has it. */
    static Optional<Lease> tryAcquire(KeycloakSessionFactory factory, String realmId, Purpose purpose, Duration duration) {
        String token = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            Boolean taken = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                long now = Time.currentTimeMillis();
                var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                int updated = em.createQuery("update KcawsScimLease l set l.holder = :token, l.purpose = :purpose, l.heldUntil = :until"
                                + " where l.realmId = :realm and (l.holder is null or l.heldUntil < :now)")
                        .setParameter("token", token).setParameter("purpose", purpose.name())
                        .setParameter("until", now + duration.toMillis()).setParameter("realm", realmId).setParameter("now", now)
                        .executeUpdate();
                if (updated == 1) {
                    return true;
                }
                return em.find(RealmLease.class, realmId) == null ? null : false;
            });
            if (taken != null) {
                return taken ? Optional.of(new Lease(realmId, token, purpose)) : Optional.empty();
            }
            createRow(factory, realmId);
        }
        return Optional.empty();
    }

    /** What holds the realm's lease now, if anything. */
    static Optional<Purpose> holder(KeycloakSessionFactory factory, String realmId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            return em.createQuery("select l.purpose from KcawsScimLease l where l.realmId = :realm and l.holder is not null and l.heldUntil >= :now", String.class)
                    .setParameter("realm", realmId).setParameter("now", Time.currentTimeMillis())
                    .getResultStream().findFirst().map(Purpose::valueOf);
        });
    }

    /** The lease stays ours for {@code duration} from now (the holder is alive and working); false when it is no longer ours. */
    static boolean renew(KeycloakSession session, Lease lease, Duration duration) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("update KcawsScimLease l set l.heldUntil = :until where l.realmId = :realm and l.holder = :token")
                .setParameter("until", Time.currentTimeMillis() + duration.toMillis())
                .setParameter("realm", lease.realmId()).setParameter("token", lease.token()).executeUpdate() == 1;
    }

    static void release(KeycloakSessionFactory factory, Lease lease) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("update KcawsScimLease l set l.holder = null, l.purpose = null, l.heldUntil = 0 where l.realmId = :realm and l.holder = :token")
                .setParameter("realm", lease.realmId()).setParameter("token", lease.token()).executeUpdate());
    }

    /** The realm's lease row, free; another node creating it at the same moment is fine (its row wins). */
    private static void createRow(KeycloakSessionFactory factory, String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                em.persist(new RealmLease(realmId));
                em.flush();
            });
        } catch (RuntimeException createdByAnotherNode) {
            // the primary key refused a second row: the next UPDATE sees the other node's row
        }
    }
}
