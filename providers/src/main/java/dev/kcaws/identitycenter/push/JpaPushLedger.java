package dev.kcaws.identitycenter.push;

import dev.kcaws.scim.PushLedger;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.kcaws.keycloak.SqlInLists.chunks;

/**
 * The ledger of one realm in the tables {@code KCAWS_SCIM_LEDGER} and {@code KCAWS_SCIM_LEDGER_MEMBER},
 * in the transaction of the push that writes it. Reads are projections (no managed entities are
 * kept), writes are bulk statements or a persist that is flushed and detached at once, so a row
 * deleted by a bulk statement can never come back from the persistence context.
 */
final class JpaPushLedger implements PushLedger {

    static final String USER = "USER";
    static final String GROUP = "GROUP";

    private final EntityManager em;
    private final String realmId;

    JpaPushLedger(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    @Override
    public Optional<PushedUser> user(String keycloakUserId) {
        return entries(USER, List.of(keycloakUserId)).stream().findFirst()
                .map(row -> new PushedUser((String) row[0], (String) row[1], (String) row[2], Boolean.TRUE.equals(row[3])));
    }

    @Override
    public List<PushedUser> users() {
        return entries(USER, null).stream()
                .map(row -> new PushedUser((String) row[0], (String) row[1], (String) row[2], Boolean.TRUE.equals(row[3]))).toList();
    }

    @Override
    public Optional<PushedGroup> group(String keycloakGroupId) {
        return entries(GROUP, List.of(keycloakGroupId)).stream().findFirst()
                .map(row -> new PushedGroup((String) row[0], (String) row[1], (String) row[2]));
    }

    @Override
    public List<PushedGroup> groups() {
        return entries(GROUP, null).stream().map(row -> new PushedGroup((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    @Override
    public Set<String> members(String keycloakGroupId) {
        return new LinkedHashSet<>(em.createQuery("select m.userId from KcawsScimLedgerMember m where m.realmId = :realm and m.groupId = :group", String.class)
                .setParameter("realm", realmId).setParameter("group", keycloakGroupId).getResultList());
    }

    @Override
    public Set<String> groupsOf(String keycloakUserId) {
        return new LinkedHashSet<>(em.createQuery("select m.groupId from KcawsScimLedgerMember m where m.realmId = :realm and m.userId = :user", String.class)
                .setParameter("realm", realmId).setParameter("user", keycloakUserId).getResultList());
    }

    @Override
    public void saveUsers(Collection<PushedUser> users) {
        save(USER, users, PushedUser::keycloakId, u -> new LedgerEntry(realmId, USER, u.keycloakId(), u.scimId(), u.fingerprint(), u.left()));
    }

    @Override
    public void forgetUsers(Collection<String> keycloakUserIds) {
        for (List<String> chunk : chunks(keycloakUserIds)) {
            em.createQuery("delete from KcawsScimLedgerMember m where m.realmId = :realm and m.userId in :ids")
                    .setParameter("realm", realmId).setParameter("ids", chunk).executeUpdate();
            deleteEntries(USER, chunk);
        }
    }

    @Override
    public void saveGroups(Collection<PushedGroup> groups) {
        save(GROUP, groups, PushedGroup::keycloakId, g -> new LedgerEntry(realmId, GROUP, g.keycloakId(), g.scimId(), g.fingerprint(), false));
    }

    @Override
    public void forgetGroups(Collection<String> keycloakGroupIds) {
        for (List<String> chunk : chunks(keycloakGroupIds)) {
            em.createQuery("delete from KcawsScimLedgerMember m where m.realmId = :realm and m.groupId in :ids")
                    .setParameter("realm", realmId).setParameter("ids", chunk).executeUpdate();
            deleteEntries(GROUP, chunk);
        }
    }

    @Override
    public void addMembers(String keycloakGroupId, Collection<String> keycloakUserIds) {
        Set<String> present = members(keycloakGroupId);
        List<LedgerMembership> added = new ArrayList<>();
        for (String userId : new LinkedHashSet<>(keycloakUserIds)) {
            if (!present.contains(userId)) {
                LedgerMembership m = new LedgerMembership(realmId, keycloakGroupId, userId);
                em.persist(m);
                added.add(m);
            }
        }
        flushAndDetach(added);
    }

    @Override
    public void removeMembers(String keycloakGroupId, Collection<String> keycloakUserIds) {
        for (List<String> chunk : chunks(keycloakUserIds)) {
            em.createQuery("delete from KcawsScimLedgerMember m where m.realmId = :realm and m.groupId = :group and m.userId in :ids")
                    .setParameter("realm", realmId).setParameter("group", keycloakGroupId).setParameter("ids", chunk).executeUpdate();
        }
    }

    /** Keycloak IDs of the groups any of these users was pushed as a member of. */
    Set<String> groupsOfAny(Collection<String> keycloakUserIds) {
        Set<String> groups = new HashSet<>();
        for (List<String> chunk : chunks(keycloakUserIds)) {
            groups.addAll(em.createQuery("select distinct m.groupId from KcawsScimLedgerMember m where m.realmId = :realm and m.userId in :ids", String.class)
                    .setParameter("realm", realmId).setParameter("ids", chunk).getResultList());
        }
        return groups;
    }

    /** Rows (keycloakId, scimId, fingerprint, leftScope) of one kind; all of them when {@code ids} is null. */
    private List<Object[]> entries(String kind, List<String> ids) {
        String select = "select e.keycloakId, e.scimId, e.fingerprint, e.leftScope from KcawsScimLedger e where e.realmId = :realm and e.kind = :kind";
        if (ids == null) {
            return em.createQuery(select, Object[].class).setParameter("realm", realmId).setParameter("kind", kind).getResultList();
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            rows.addAll(em.createQuery(select + " and e.keycloakId in :ids", Object[].class)
                    .setParameter("realm", realmId).setParameter("kind", kind).setParameter("ids", chunk).getResultList());
        }
        return rows;
    }

    /** Updates the rows that exist (one statement each), inserts the others (one flush). */
    private <T> void save(String kind, Collection<T> items, Function<T, String> id, Function<T, LedgerEntry> entry) {
        Map<String, T> byId = items.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> b, java.util.LinkedHashMap::new));
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : chunks(byId.keySet())) {
            existing.addAll(em.createQuery("select e.keycloakId from KcawsScimLedger e where e.realmId = :realm and e.kind = :kind and e.keycloakId in :ids", String.class)
                    .setParameter("realm", realmId).setParameter("kind", kind).setParameter("ids", chunk).getResultList());
        }
        List<LedgerEntry> inserted = new ArrayList<>();
        for (T item : byId.values()) {
            LedgerEntry e = entry.apply(item);
            if (existing.contains(e.getKeycloakId())) {
                em.createQuery("update KcawsScimLedger e set e.scimId = :scim, e.fingerprint = :fp, e.leftScope = :left"
                                + " where e.realmId = :realm and e.kind = :kind and e.keycloakId = :id")
                        .setParameter("scim", e.getScimId()).setParameter("fp", e.getFingerprint()).setParameter("left", e.isLeftScope())
                        .setParameter("realm", realmId).setParameter("kind", kind).setParameter("id", e.getKeycloakId()).executeUpdate();
            } else {
                em.persist(e);
                inserted.add(e);
            }
        }
        flushAndDetach(inserted);
    }

    private void deleteEntries(String kind, List<String> ids) {
        em.createQuery("delete from KcawsScimLedger e where e.realmId = :realm and e.kind = :kind and e.keycloakId in :ids")
                .setParameter("realm", realmId).setParameter("kind", kind).setParameter("ids", ids).executeUpdate();
    }

    private void flushAndDetach(List<?> entities) {
        if (!entities.isEmpty()) {
            em.flush();
            entities.forEach(em::detach);
        }
    }
}
