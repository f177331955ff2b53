package dev.kcaws.keycloak;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.GroupEntity;
import org.keycloak.models.jpa.entities.RoleEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserRoleMappingEntity;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.authorization.fgap.evaluation.partial.PartialEvaluationStorageProvider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.kcaws.keycloak.SqlInLists.chunks;

/**
 * Set-based reads of the role mappings of one client's roles, straight from Keycloak's JPA tables
 * (KEYCLOAK_ROLE, GROUP_ROLE_MAPPING, USER_ROLE_MAPPING, KEYCLOAK_GROUP, USER_ENTITY, COMPOSITE_ROLE):
 * the adapter over Keycloak's internal storage API that the admin reads use.
 *
 * <p>Why: Keycloak's model API answers one role at a time ({@code getGroupsByRoleStream},
 * {@code getRoleMembersStream}), so listing the assignments of 10,000 access roles cost 20,000
 * queries and ran into the transaction timeout. Here a few queries count, page and fetch across
 * all of them. Only reads; every write still goes through the model API (cache invalidation).
 *
 * <p>Internal API used, checked against Keycloak 26.7.3: the EntityManager of
 * {@link JpaConnectionProvider} (the one Keycloak's JPA providers use, so the same transaction),
 * the entities {@code RoleEntity}, {@code GroupRoleMappingEntity}, {@code UserRoleMappingEntity},
 * {@code GroupEntity} (its {@code type} since 25, organizations), {@code UserEntity},
 * {@code FederatedUserRoleMappingEntity}, the tables {@code COMPOSITE_ROLE} and {@code KEYCLOAK_ROLE}
 * (native SQL: 26.4 maps composites as no entity of their own), and
 * {@link AdminPermissionsSchema#applyAuthorizationFilters} (26.2, fine-grained admin permissions
 * v2), applied to the users exactly as Keycloak's own {@code getRoleMembersStream} does. If a
 * Keycloak upgrade renames any of these, the queries fail at their first use, not silently.
 */
public final class RoleMappingQueries {

    /** Oracle refuses IN lists longer than 1,000; ids are sent in chunks of this size. */

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String clientId;
    private final EntityManager em;

    private RoleMappingQueries(KeycloakSession session, RealmModel realm, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.clientId = client.getId();
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Queries over the roles of {@code client} (a client of {@code realm}). */
    public static RoleMappingQueries of(KeycloakSession session, RealmModel realm, ClientModel client) {
        return new RoleMappingQueries(session, realm, client);
    }

    /** Which of the client's roles: one by exact name, or all whose name starts with a prefix. */
    public record RoleNames(String exact, String prefix) {

        public static RoleNames exactly(String name) {
            return new RoleNames(name, null);
        }

        /** A prefix with no LIKE wildcard or escape character in it (callers pass fixed text and digits). */
        public static RoleNames startingWith(String prefix) {
            if (prefix.contains("%") || prefix.contains("_") || prefix.contains("\\")) {
                throw new IllegalArgumentException("role name prefix must not contain LIKE wildcards: " + prefix);
            }
            return new RoleNames(null, prefix);
        }

        String jpql(String alias) {
            return exact != null ? alias + ".name = :roleName" : alias + ".name like :roleName";
        }

        Object parameter() {
            return exact != null ? exact : prefix + "%";
        }

        Predicate criteria(CriteriaBuilder cb, Root<RoleEntity> role) {
            return exact != null ? cb.equal(role.get("name"), exact) : cb.like(role.get("name"), prefix + "%");
        }
    }

    /** A role and how many principals of one kind it is mapped to. */
    public record RoleCount(String roleId, String roleName, long count) {
    }

    /** A group as stored: enough to build its path. {@code parentId} null at the top; {@code type} 0 is a realm group, 1 an organization's. */
    public record GroupRow(String id, String name, String parentId, int type) {
    }

    /** One role mapping: the role's id and the principal (a group row or a username). */
    public record Mapping<T>(String roleId, T principal) {
    }

    // ---- counts: one query per kind, over every matching role ----

    /** The client's matching roles mapped to at least one group (to {@code groupId} only, if not null), with how many. */
    public List<RoleCount> groupCounts(RoleNames names, String groupId) {
        TypedQuery<Object[]> query = em.createQuery("select r.id, r.name, count(*) from RoleEntity r, GroupRoleMappingEntity m"
                + " where m.roleId = r.id and r.clientId = :client and " + names.jpql("r")
                + (groupId == null ? "" : " and m.group.id = :group")
                + " group by r.id, r.name", Object[].class)
                .setParameter("client", clientId)
                .setParameter("roleName", names.parameter());
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
        return query.getResultList().stream().map(row -> new RoleCount((String) row[0], (String) row[1], ((Number) row[2]).longValue())).toList();
    }

    /**
     * The client's matching roles mapped to at least one user (to {@code userId} only, if not null),
     * with how many; the users the admin may not view (fine-grained admin permissions) are not counted.
     */
    public List<RoleCount> userCounts(RoleNames names, String userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<UserRoleMappingEntity> mapping = cq.from(UserRoleMappingEntity.class);
        Root<UserEntity> user = cq.from(UserEntity.class);
        Root<RoleEntity> role = cq.from(RoleEntity.class);
        List<Predicate> where = userPredicates(cb, cq, mapping, user, userId);
        where.add(cb.equal(role.get("id"), mapping.get("roleId")));
        where.add(cb.equal(role.get("clientId"), clientId));
        where.add(names.criteria(cb, role));
        cq.multiselect(role.get("id"), role.get("name"), cb.count(user))
                .where(where.toArray(Predicate[]::new))
                .groupBy(role.get("id"), role.get("name"));
        return em.createQuery(cq).getResultList().stream()
                .map(row -> new RoleCount((String) row[0], (String) row[1], ((Number) row[2]).longValue())).toList();
    }

    // ---- the principals of given roles ----

    /** The groups mapped to the given roles (only {@code groupId}, if not null), in no particular order. */
    public List<Mapping<GroupRow>> groupsOf(Collection<String> roleIds, String groupId) {
        List<Mapping<GroupRow>> result = new ArrayList<>();
        for (List<String> chunk : chunks(roleIds)) {
            TypedQuery<Object[]> query = em.createQuery("select m.roleId, g.id, g.name, g.parentId, g.type"
                    + " from GroupRoleMappingEntity m join m.group g where m.roleId in :roles"
                    + (groupId == null ? "" : " and g.id = :group"), Object[].class)
                    .setParameter("roles", chunk);
            if (groupId != null) {
                query.setParameter("group", groupId);
            }
            query.getResultList().forEach(row -> result.add(new Mapping<>((String) row[0], groupRow(row, 1))));
        }
        return result;
    }

    /** The given groups and all their ancestors, by id: one query per level of the deepest group. */
    public Map<String, GroupRow> withAncestors(Collection<GroupRow> groups) {
        Map<String, GroupRow> known = new HashMap<>();
        groups.forEach(g -> known.put(g.id(), g));
        Set<String> missing = new HashSet<>();
        for (GroupRow g : groups) {
            addIfMissing(g.parentId(), known, missing);
        }
        while (!missing.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (List<String> chunk : chunks(missing)) {
                List<Object[]> rows = em.createQuery("select g.id, g.name, g.parentId, g.type from GroupEntity g where g.realm = :realm and g.id in :ids", Object[].class)
                        .setParameter("realm", realm.getId())
                        .setParameter("ids", chunk)
                        .getResultList();
                for (Object[] row : rows) {
                    known.put((String) row[0], groupRow(row, 0));
                }
            }
            for (String id : missing) {
                GroupRow g = known.get(id);
                if (g != null) {
                    addIfMissing(g.parentId(), known, next);
                }
            }
            next.removeAll(missing);
            missing = next;
        }
        return known;
    }

    private static void addIfMissing(String id, Map<String, GroupRow> known, Set<String> missing) {
        if (id != null && !known.containsKey(id)) {
            missing.add(id);
        }
    }

    /**
     * The usernames mapped to the given roles (only {@code userId}, if not null), ordered by username,
     * from {@code first} for at most {@code max} (-1: all); users the admin may not view are left out,
     * as in Keycloak's own role-members list.
     */
    public List<Mapping<String>> usernamesOf(Collection<String> roleIds, String userId, int first, int max) {
        List<Mapping<String>> result = new ArrayList<>();
        List<List<String>> chunks = chunks(roleIds);
        if (chunks.size() > 1 && (first > 0 || max >= 0)) {
            throw new IllegalArgumentException("a paged read is for one chunk of roles");
        }
        for (List<String> chunk : chunks) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
            Root<UserRoleMappingEntity> mapping = cq.from(UserRoleMappingEntity.class);
            Root<UserEntity> user = cq.from(UserEntity.class);
            List<Predicate> where = userPredicates(cb, cq, mapping, user, userId);
            where.add(mapping.get("roleId").in(chunk));
            cq.multiselect(mapping.get("roleId"), user.get("username"))
                    .where(where.toArray(Predicate[]::new))
                    .orderBy(cb.asc(user.get("username")));
            TypedQuery<Object[]> query = em.createQuery(cq);
            if (first > 0) {
                query.setFirstResult(first);
            }
            if (max >= 0) {
                query.setMaxResults(max);
            }
            query.getResultList().forEach(row -> result.add(new Mapping<>((String) row[0], (String) row[1])));
        }
        return result;
    }

    /** The id of the realm's local user with exactly this username (no federation lookup, no import). */
    public Optional<String> userIdByUsername(String username) {
        return em.createQuery("select u.id from UserEntity u where u.realmId = :realm and u.username = :username", String.class)
                .setParameter("realm", realm.getId())
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    /**
     * Whether the user queries here leave out the users the admin may not view, as
     * {@link #userCounts} and {@link #usernamesOf} do with fine-grained admin permissions v2
     * ({@link AdminPermissionsSchema#isAdminPermissionsEnabled}, 26.2); with v1 (or none) they do
     * not, and the caller must check each user itself.
     */
    public static boolean filtersUsersForAdmin(RealmModel realm) {
        return AdminPermissionsSchema.SCHEMA.isAdminPermissionsEnabled(realm);
    }

    /** Where a mapping to user {@code u} and role {@code m.roleId} counts: the same filters as Keycloak's role members. */
    private List<Predicate> userPredicates(CriteriaBuilder cb, CriteriaQuery<?> cq, Root<UserRoleMappingEntity> mapping,
                                           Root<UserEntity> user, String userId) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(mapping.get("user"), user));
        if (userId != null) {
            where.add(cb.equal(user.get("id"), userId));
        }
        PartialEvaluationStorageProvider users = UserStoragePrivateUtil.userLocalStorage(session) instanceof PartialEvaluationStorageProvider p ? p : null;
        where.addAll(AdminPermissionsSchema.SCHEMA.applyAuthorizationFilters(session, AdminPermissionsSchema.USERS, users, realm, cb, cq, user));
        return where;
    }

    // ---- what is assigned at all (the IAM side) ----

    /**
     * The names of the client's matching roles mapped to any group or user (local or federated
     * storage), whoever is looking: one query.
     */
    public List<String> mappedRoleNames(RoleNames names) {
        return em.createQuery("select r.name from RoleEntity r where r.clientId = :client and " + names.jpql("r")
                        + " and (exists (select 1 from GroupRoleMappingEntity g where g.roleId = r.id)"
                        + " or exists (select 1 from UserRoleMappingEntity u where u.roleId = r.id)"
                        + " or exists (select 1 from FederatedUserRoleMappingEntity f where f.roleId = r.id))", String.class)
                .setParameter("client", clientId)
                .setParameter("roleName", names.parameter())
                .getResultList();
    }

    /**
     * The names of the client's roles held through a composite role of the realm (realm or client
     * role, nested composites expanded) that is itself mapped to a group or user: two queries, the
     * realm's composite edges and which composites are mapped, then a walk in memory.
     */
    public Set<String> roleNamesThroughMappedComposites() {
        Map<String, List<String>> children = new HashMap<>();
        Map<String, String> clientRoleNames = new LinkedHashMap<>();
        compositeEdges().forEach(edge -> {
            children.computeIfAbsent(edge.parent(), k -> new ArrayList<>()).add(edge.child());
            if (clientId.equals(edge.childClient())) {
                clientRoleNames.put(edge.child(), edge.childName());
            }
        });
        if (children.isEmpty()) {
            return Set.of();
        }
        List<String> mapped = new ArrayList<>();
        for (List<String> chunk : chunks(children.keySet())) {
            mapped.addAll(em.createQuery("select r.id from RoleEntity r where r.id in :composites"
                            + " and (exists (select 1 from GroupRoleMappingEntity g where g.roleId = r.id)"
                            + " or exists (select 1 from UserRoleMappingEntity u where u.roleId = r.id)"
                            + " or exists (select 1 from FederatedUserRoleMappingEntity f where f.roleId = r.id))", String.class)
                    .setParameter("composites", chunk)
                    .getResultList());
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        mapped.forEach(id -> todo.addAll(children.getOrDefault(id, List.of())));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        Set<String> names = new HashSet<>();
        reached.forEach(id -> {
            String name = clientRoleNames.get(id);
            if (name != null) {
                names.add(name);
            }
        });
        return names;
    }

    // ---- group assignments (the Identity Center side) ----

    /**
     * The groups holding one of the client's roles through a composite role of the realm (realm or
     * client role, nested composites expanded) mapped to the group: the composite edges of the
     * realm and the groups mapped to composites (two queries), then a walk in memory. Each mapping
     * names the client's role reached, not the composite.
     */
    public List<Mapping<GroupRow>> groupsThroughComposites() {
        Map<String, List<String>> children = new HashMap<>();
        Set<String> clientRoles = new HashSet<>();
        compositeEdges().forEach(edge -> {
            children.computeIfAbsent(edge.parent(), k -> new ArrayList<>()).add(edge.child());
            if (clientId.equals(edge.childClient())) {
                clientRoles.add(edge.child());
            }
        });
        if (clientRoles.isEmpty()) {
            return List.of();
        }
        List<Mapping<GroupRow>> result = new ArrayList<>();
        Map<String, Set<String>> reachedFrom = new HashMap<>();
        for (List<String> chunk : chunks(children.keySet())) {
            em.createQuery("select m.roleId, g.id, g.name, g.parentId, g.type"
                            + " from GroupRoleMappingEntity m join m.group g where m.roleId in :roles", Object[].class)
                    .setParameter("roles", chunk)
                    .getResultList().forEach(row -> {
                        GroupRow group = groupRow(row, 1);
                        Set<String> reached = reachedFrom.computeIfAbsent((String) row[0], id -> descendants(id, children));
                        reached.stream().filter(clientRoles::contains).forEach(role -> result.add(new Mapping<>(role, group)));
                    });
        }
        return result;
    }

    /** One composite edge of the realm: the composite, the role it contains directly, that role's client (null: a realm role) and name. */
    private record CompositeEdge(String parent, String child, String childClient, String childName) {
    }

    /**
     * Every composite edge of the realm. Native SQL on the {@code COMPOSITE_ROLE} table: Keycloak
     * 26.5 and later map it as the entity {@code CompositeRoleEntity}, 26.4 only as the collection
     * {@code RoleEntity.compositeRoles} (no entity a query can name); the table and its columns are
     * the same in every supported release.
     */
    private List<CompositeEdge> compositeEdges() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.COMPOSITE, c.CHILD_ROLE, child.CLIENT, child.NAME"
                        + " from {h-schema}COMPOSITE_ROLE c"
                        + " join {h-schema}KEYCLOAK_ROLE parent on parent.ID = c.COMPOSITE"
                        + " join {h-schema}KEYCLOAK_ROLE child on child.ID = c.CHILD_ROLE"
                        + " where parent.REALM_ID = :realm")
                .setParameter("realm", realm.getId())
                .getResultList();
        return rows.stream().map(row -> new CompositeEdge((String) row[0], (String) row[1], (String) row[2], (String) row[3])).toList();
    }

    private static Set<String> descendants(String role, Map<String, List<String>> children) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(children.getOrDefault(role, List.of()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return reached;
    }

    /** How many user role mappings (local and federated storage) the given roles have, whoever is looking. */
    public long userMappingCount(Collection<String> roleIds) {
        long count = 0;
        for (List<String> chunk : chunks(roleIds)) {
            count += em.createQuery("select count(u.roleId) from UserRoleMappingEntity u where u.roleId in :roles", Long.class)
                    .setParameter("roles", chunk).getSingleResult();
            count += em.createQuery("select count(f.roleId) from FederatedUserRoleMappingEntity f where f.roleId in :roles", Long.class)
                    .setParameter("roles", chunk).getSingleResult();
        }
        return count;
    }

    // ---- helpers ----

    /** A top-level group's parent is stored as {@link GroupEntity#TOP_PARENT_ID}; here it is null. */
    private static GroupRow groupRow(Object[] row, int from) {
        String parent = (String) row[from + 2];
        return new GroupRow((String) row[from], (String) row[from + 1], GroupEntity.TOP_PARENT_ID.equals(parent) ? null : parent,
                ((Number) row[from + 3]).intValue());
    }
}
