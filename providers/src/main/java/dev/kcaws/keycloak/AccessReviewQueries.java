package dev.kcaws.keycloak;

import dev.kcaws.keycloak.RoleMappingQueries.GroupRow;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.GroupEntity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kcaws.keycloak.SqlInLists.chunks;

/**
 * Set-based reads for the access review: everything that decides who holds the access roles of the
 * model client, for a whole realm in a fixed handful of queries (plus one per group-tree level and
 * one per 1,000 IDs), never user by user. Only reads.
 *
 * <p>Internal API used, checked against Keycloak 26.7.0 and 26.4.7 (model-jpa): the EntityManager of
 * {@link JpaConnectionProvider}; the tables COMPOSITE_ROLE ({@code COMPOSITE}, {@code CHILD_ROLE}) and
 * KEYCLOAK_ROLE ({@code ID}, {@code REALM_ID}) in native SQL; the entities {@code RoleEntity} ({@code id}, {@code name},
 * {@code clientId}), {@code GroupRoleMappingEntity} ({@code group}, {@code roleId}),
 * {@code UserRoleMappingEntity} ({@code user}, {@code roleId}), {@code UserGroupMembershipEntity}
 * ({@code user}, {@code groupId}), {@code GroupEntity} ({@code parentId}, {@link GroupEntity#TOP_PARENT_ID}),
 * {@code UserEntity} ({@code username}, {@code enabled}, {@code federationLink},
 * {@code serviceAccountClientLink}) and {@code FederatedIdentityEntity} ({@code user},
 * {@code identityProvider}). Users kept only by a storage provider without import (no row in
 * USER_ENTITY) are not read.
 */
public final class AccessReviewQueries {

    private final EntityManager em;
    private final String realmId;
    private final String clientId;

    private AccessReviewQueries(KeycloakSession session, RealmModel realm, ClientModel client) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
        this.clientId = client.getId();
    }

    /** Queries over the roles of {@code client} (the model client of {@code realm}). */
    public static AccessReviewQueries of(KeycloakSession session, RealmModel realm, ClientModel client) {
        return new AccessReviewQueries(session, realm, client);
    }

    /** A role: its id, name and the internal id of its client (null for a realm role). */
    public record RoleRow(String id, String name, String clientId) {
    }

    /** A local user (service accounts left out: they sign in to nothing). */
    public record UserRow(String id, String username, boolean enabled, String federationLink) {
    }

    /** A mapping of a role to a group or user, or a user's membership of a group (then {@code roleOrGroupId} is the group). */
    public record Link<T>(T principal, String roleOrGroupId) {
    }

    /** The client's roles whose name starts with {@code prefix} (fixed text, no LIKE wildcards). */
    public List<RoleRow> clientRoles(String prefix) {
        return em.createQuery("select r.id, r.name from RoleEntity r where r.clientId = :client and r.name like :prefix", Object[].class)
                .setParameter("client", clientId)
                .setParameter("prefix", prefix + "%")
                .getResultList().stream().map(row -> new RoleRow((String) row[0], (String) row[1], clientId)).toList();
    }

    /**
     * Every composite edge of the realm: parent role id to the ids of the roles it contains directly.
     * Native SQL on the COMPOSITE_ROLE table: Keycloak 26.7 maps it as {@code CompositeRoleEntity},
     * 26.4 as {@code RoleEntity.compositeRoles}; the table and its columns are the same in both.
     */
    public Map<String, List<String>> compositeEdges() {
        Map<String, List<String>> children = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.COMPOSITE, c.CHILD_ROLE from {h-schema}COMPOSITE_ROLE c"
                        + " join {h-schema}KEYCLOAK_ROLE r on r.ID = c.COMPOSITE where r.REALM_ID = :realm")
                .setParameter("realm", realmId)
                .getResultList();
        rows.forEach(row -> children.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]));
        return children;
    }

    /** The roles with these ids (names and clients, to name composites). */
    public List<RoleRow> roles(Collection<String> ids) {
        List<RoleRow> rows = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            em.createQuery("select r.id, r.name, r.clientId from RoleEntity r where r.id in :ids", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList().forEach(row -> rows.add(new RoleRow((String) row[0], (String) row[1], (String) row[2])));
        }
        return rows;
    }

    /** The groups mapped to any of the roles, with the role. */
    public List<Link<GroupRow>> groupMappings(Collection<String> roleIds) {
        List<Link<GroupRow>> result = new ArrayList<>();
        for (List<String> chunk : chunks(roleIds)) {
            em.createQuery("select g.id, g.name, g.parentId, g.type, m.roleId from GroupRoleMappingEntity m join m.group g"
                            + " where m.roleId in :roles", Object[].class)
                    .setParameter("roles", chunk)
                    .getResultList().forEach(row -> result.add(new Link<>(groupRow(row), (String) row[4])));
        }
        return result;
    }

    /** The local users (no service accounts) mapped to any of the roles, with the role: the mappings, then the users by ID (see {@link #members}). */
    public List<Link<UserRow>> userMappings(Collection<String> roleIds) {
        List<Object[]> mappings = new ArrayList<>();
        for (List<String> chunk : chunks(roleIds)) {
            mappings.addAll(em.createQuery("select m.user.id, m.roleId from UserRoleMappingEntity m where m.roleId in :roles", Object[].class)
                    .setParameter("roles", chunk)
                    .getResultList());
        }
        return withUsers(mappings);
    }

    /** The groups and all their sub-groups, any depth, as rows: one query per tree level. */
    public Map<String, GroupRow> withDescendants(Collection<GroupRow> groups) {
        Map<String, GroupRow> all = new LinkedHashMap<>();
        groups.forEach(g -> all.put(g.id(), g));
        Set<String> level = new HashSet<>(all.keySet());
        while (!level.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (List<String> chunk : chunks(level)) {
                em.createQuery("select g.id, g.name, g.parentId, g.type from GroupEntity g where g.realm = :realm and g.parentId in :ids",
                                Object[].class)
                        .setParameter("realm", realmId)
                        .setParameter("ids", chunk)
                        .getResultList().forEach(row -> {
                            GroupRow g = groupRow(row);
                            if (all.putIfAbsent(g.id(), g) == null) {
                                next.add(g.id());
                            }
                        });
            }
            level = next;
        }
        return all;
    }

    /**
     * The local users (no service accounts) who are direct members of any of the groups, with the
     * group. Two steps, the memberships by group (the table's key), then the users by ID: a join of
     * the two in one query made H2 scan the users for each membership (20 s for 10,000 memberships).
     */
    public List<Link<UserRow>> members(Collection<String> groupIds) {
        List<Object[]> memberships = new ArrayList<>();
        for (List<String> chunk : chunks(groupIds)) {
            memberships.addAll(em.createQuery("select m.user.id, m.groupId from UserGroupMembershipEntity m where m.groupId in :groups",
                            Object[].class)
                    .setParameter("groups", chunk)
                    .getResultList());
        }
        return withUsers(memberships);
    }

    /** Rows of (user id, other id) with the local users (no service accounts) of the realm in place of the ids; others dropped. */
    private List<Link<UserRow>> withUsers(List<Object[]> rows) {
        Set<String> userIds = new HashSet<>();
        rows.forEach(row -> userIds.add((String) row[0]));
        Map<String, UserRow> users = new HashMap<>();
        for (List<String> chunk : chunks(userIds)) {
            em.createQuery("select u.id, u.username, u.enabled, u.federationLink from UserEntity u"
                            + " where u.id in :ids and u.realmId = :realm and u.serviceAccountClientLink is null", Object[].class)
                    .setParameter("ids", chunk)
                    .setParameter("realm", realmId)
                    .getResultList().forEach(row -> users.put((String) row[0], userRow(row)));
        }
        List<Link<UserRow>> result = new ArrayList<>();
        for (Object[] row : rows) {
            UserRow user = users.get((String) row[0]);
            if (user != null) {
                result.add(new Link<>(user, (String) row[1]));
            }
        }
        return result;
    }

    /** The identity providers (aliases) each of the users is linked to, by user id. */
    public Map<String, Set<String>> identityProviderLinks(Collection<String> userIds) {
        Map<String, Set<String>> links = new HashMap<>();
        for (List<String> chunk : chunks(userIds)) {
            em.createQuery("select f.user.id, f.identityProvider from FederatedIdentityEntity f where f.user.id in :ids", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList().forEach(row -> links.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]));
        }
        return links;
    }

    private static UserRow userRow(Object[] row) {
        return new UserRow((String) row[0], (String) row[1], Boolean.TRUE.equals(row[2]), (String) row[3]);
    }

    /** A top-level group's parent is stored as {@link GroupEntity#TOP_PARENT_ID}; here it is null. */
    private static GroupRow groupRow(Object[] row) {
        String parent = (String) row[2];
        return new GroupRow((String) row[0], (String) row[1], parent == null || GroupEntity.TOP_PARENT_ID.equals(parent) ? null : parent,
                ((Number) row[3]).intValue());
    }
}
