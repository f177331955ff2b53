package dev.kcaws.identitycenter.push;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox table {@code KCAWS_SCIM_OUTBOX}: changes waiting to reach Identity Center. Every
 * method works in the transaction of the session it is given, so an enqueue shares the change's
 * transaction (a change rolled back enqueues nothing, a committed one is never lost).
 *
 * <p>Repeated changes of one item fold into one row: an enqueue first bumps the item's unclaimed
 * row (the UPDATE takes that row's lock, so a node claiming it at the same moment waits for this
 * transaction and then pushes the state it committed); only when no unclaimed row exists (none
 * yet, or it is being pushed now and may have read the state before this change) is a new row
 * inserted, which the next delivery pushes again.
 *
 * <p>A delivery claims rows with a conditional UPDATE (free, or whose claim ran out), so two nodes
 * never push one row at the same time, and a node that died mid-push releases its rows when the
 * claim runs out.
 */
final class Outbox {

    /** What a row stands for. */
    enum Kind { USER, GROUP, REALM }

    /** One item to push, with the rows it stands for. */
    record Item(Kind kind, String keycloakId, int attempts) {
    }

    private static final int LAST_ERROR_LENGTH = 1000;

    private final EntityManager em;

    private Outbox(EntityManager em) {
        this.em = em;
    }

    static Outbox of(KeycloakSession session) {
        return new Outbox(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    EntityManager entityManager() {
        return em;
    }

    void enqueue(String realmId, Kind kind, String keycloakId, long now) {
        int bumped = em.createQuery("update KcawsScimOutbox o set o.changes = o.changes + 1"
                        + " where o.realmId = :realm and o.kind = :kind and o.keycloakId = :id and o.claimToken is null")
                .setParameter("realm", realmId).setParameter("kind", kind.name()).setParameter("id", keycloakId)
                .executeUpdate();
        if (bumped == 0) {
            OutboxRow row = new OutboxRow();
            row.setId(UUID.randomUUID().toString());
            row.setRealmId(realmId);
            row.setKind(kind.name());
            row.setKeycloakId(keycloakId);
            row.setEnqueuedAt(now);
            row.setChanges(1);
            row.setAttempts(0);
            row.setNextAttemptAt(now);
            em.persist(row); // inserted at the change's commit (or earlier, by Hibernate's auto-flush before a later UPDATE of the table)
        }
    }

    /**
     * Claims up to {@code limit} due rows of the realm (oldest first) for {@code claimFor}, under
     * the token; answers the items claimed, one per (kind, Keycloak ID), REALM first.
     */
    List<Item> claim(String realmId, String token, int limit, long now, Duration claimFor) {
        List<String> ids = em.createQuery("select o.id from KcawsScimOutbox o where o.realmId = :realm and o.nextAttemptAt <= :now"
                        + " and (o.claimToken is null or o.claimedUntil < :now) order by o.enqueuedAt", String.class)
                .setParameter("realm", realmId).setParameter("now", now).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("update KcawsScimOutbox o set o.claimToken = :token, o.claimedUntil = :until"
                        + " where o.id in :ids and (o.claimToken is null or o.claimedUntil < :now)")
                .setParameter("token", token).setParameter("until", now + claimFor.toMillis())
                .setParameter("ids", ids).setParameter("now", now).executeUpdate();
        return claimed(token);
    }

    /** The items claimed under the token, REALM first, then in the order they were enqueued. */
    List<Item> claimed(String token) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select o.kind, o.keycloakId, o.attempts from KcawsScimOutbox o where o.claimToken = :token"
                        + " order by o.enqueuedAt", Object[].class)
                .setParameter("token", token).getResultList()) {
            Item item = new Item(Kind.valueOf((String) row[0]), (String) row[1], ((Number) row[2]).intValue());
            items.merge(item.kind() + "/" + item.keycloakId(), item, (a, b) -> a.attempts() >= b.attempts() ? a : b);
        }
        List<Item> ordered = new ArrayList<>();
        items.values().stream().filter(i -> i.kind() == Kind.REALM).findFirst().ifPresent(ordered::add);
        items.values().stream().filter(i -> i.kind() != Kind.REALM).forEach(ordered::add);
        return ordered;
    }

    /** The item was pushed (or failed for good with a 400): its claimed rows go. */
    void done(String token, Item item) {
        em.createQuery("delete from KcawsScimOutbox o where o.claimToken = :token and o.kind = :kind and o.keycloakId = :id")
                .setParameter("token", token).setParameter("kind", item.kind().name()).setParameter("id", item.keycloakId())
                .executeUpdate();
    }

    /** Every REALM row of the realm enqueued up to {@code until}: a reconcile that started after them covered them. */
    void realmReconciled(String realmId, long startedAt) {
        em.createQuery("delete from KcawsScimOutbox o where o.realmId = :realm and o.kind = :kind and o.enqueuedAt <= :until")
                .setParameter("realm", realmId).setParameter("kind", Kind.REALM.name()).setParameter("until", startedAt)
                .executeUpdate();
    }

    /** The item's claimed rows are given back, to be tried again after the backoff. */
    void retryLater(String token, Item item, String error, long now) {
        em.createQuery("update KcawsScimOutbox o set o.claimToken = null, o.claimedUntil = null, o.attempts = o.attempts + 1,"
                        + " o.nextAttemptAt = :next, o.lastError = :error"
                        + " where o.claimToken = :token and o.kind = :kind and o.keycloakId = :id")
                .setParameter("next", now + Backoff.after(item.attempts() + 1).toMillis()).setParameter("error", truncate(error))
                .setParameter("token", token).setParameter("kind", item.kind().name()).setParameter("id", item.keycloakId())
                .executeUpdate();
    }

    /** The realm's waiting rows are due now (the settings changed: a fixed token or endpoint should not wait for the backoff). */
    void dueNow(String realmId, long now) {
        em.createQuery("update KcawsScimOutbox o set o.nextAttemptAt = :now where o.realmId = :realm and o.claimToken is null and o.nextAttemptAt > :now")
                .setParameter("now", now).setParameter("realm", realmId).executeUpdate();
    }

    /** The rows claimed under the token stay ours until {@code until} (the claimer is alive and working). */
    void extendClaim(String token, long until) {
        em.createQuery("update KcawsScimOutbox o set o.claimedUntil = :until where o.claimToken = :token")
                .setParameter("until", until).setParameter("token", token).executeUpdate();
    }

    /** Every row still claimed under the token is given back untouched (not tried: no attempt counted). */
    void release(String token) {
        em.createQuery("update KcawsScimOutbox o set o.claimToken = null, o.claimedUntil = null where o.claimToken = :token")
                .setParameter("token", token).executeUpdate();
    }

    /** Rows waiting in the realm (claimed ones included). */
    long pending(String realmId) {
        return em.createQuery("select count(o) from KcawsScimOutbox o where o.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
    }

    /** Whether the realm has a row due now that no live claim holds. */
    boolean hasDue(String realmId, long now) {
        return !em.createQuery("select o.id from KcawsScimOutbox o where o.realmId = :realm and o.nextAttemptAt <= :now"
                        + " and (o.claimToken is null or o.claimedUntil < :now)", String.class)
                .setParameter("realm", realmId).setParameter("now", now).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether a full reconcile of the realm waits in the outbox (or is being pushed now). */
    boolean hasRealmRow(String realmId) {
        return !em.createQuery("select o.id from KcawsScimOutbox o where o.realmId = :realm and o.kind = :kind", String.class)
                .setParameter("realm", realmId).setParameter("kind", Kind.REALM.name()).setMaxResults(1).getResultList().isEmpty();
    }

    /** The realms with a row due now. */
    List<String> realmsDue(long now) {
        return em.createQuery("select distinct o.realmId from KcawsScimOutbox o where o.nextAttemptAt <= :now"
                        + " and (o.claimToken is null or o.claimedUntil < :now)", String.class)
                .setParameter("now", now).getResultList();
    }

    /** A removed realm's rows of every push table. */
    void forgetRealm(String realmId) {
        for (String entity : List.of("KcawsScimOutbox", "KcawsScimLedgerMember", "KcawsScimLedger", "KcawsScimRun", "KcawsScimLease")) {
            em.createQuery("delete from " + entity + " x where x.realmId = :realm").setParameter("realm", realmId).executeUpdate();
        }
    }

    static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= LAST_ERROR_LENGTH ? text : text.substring(0, LAST_ERROR_LENGTH - 1) + "…";
    }
}
