package dev.kcaws.keycloak;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.GroupEntity;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kcaws.keycloak.SqlInLists.chunks;

/**
 * Set-based reads of group trees and group members straight from Keycloak's JPA tables
 * (KEYCLOAK_GROUP, USER_GROUP_MEMBERSHIP, FED_USER_GROUP_MEMBERSHIP, USER_ENTITY), for the SCIM push:
 * who is in a chosen group with its sub-groups, as Keycloak counts a sub-group's members as the
 * parent's (role inheritance, the admin console's "include sub-group users").
 *
 * <p>Why: the model API answers one group at a time and loads every member as a full user model
 * (attributes, credentials); the push of 10,000 users in 200 groups needs the member IDs of every
 * chosen subtree and a handful of columns of each user. Here one query per tree level, then one
 * query per 500 IDs. Only reads; the push never writes Keycloak's tables.
 *
 * <p>Internal API used, checked against Keycloak 26.7.0 sources: the EntityManager of
 * {@link JpaConnectionProvider}, the entities {@code GroupEntity} ({@code parentId},
 * {@link GroupEntity#TOP_PARENT_ID}, {@code realm}), {@code UserGroupMembershipEntity}
 * ({@code user}, {@code groupId}), {@code FederatedUserGroupMembershipEntity} ({@code userId},
 * {@code groupId}, {@code realmId}: members kept by a user-storage provider without import) and
 * {@code UserEntity}. A rename fails at the first use, not silently.
 */
public final class GroupMemberQueries {

    /** Oracle refuses IN lists longer than 1,000; ids are sent in chunks of this size. */

    private final EntityManager em;
    private final String realmId;

    private GroupMemberQueries(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
    }

    public static GroupMemberQueries of(KeycloakSession session, RealmModel realm) {
        return new GroupMemberQueries(session, realm);
    }

    /** A local user's columns the push sends. */
    public record UserRow(String id, String username, String email, String firstName, String lastName, boolean enabled) {
    }

    /** The given groups (those of this realm) and all their sub-groups, any depth: one query per level. */
    public Set<String> withDescendants(Collection<String> groupIds) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> chunk : chunks(groupIds)) {
            all.addAll(em.createQuery("select g.id from GroupEntity g where g.realm = :realm and g.id in :ids", String.class)
                    .setParameter("realm", realmId).setParameter("ids", chunk).getResultList());
        }
        Set<String> level = new LinkedHashSet<>(all);
        while (!level.isEmpty()) {
            Set<String> next = new LinkedHashSet<>();
            for (List<String> chunk : chunks(level)) {
                next.addAll(em.createQuery("select g.id from GroupEntity g where g.realm = :realm and g.parentId in :ids", String.class)
                        .setParameter("realm", realmId).setParameter("ids", chunk).getResultList());
            }
            next.removeAll(all);
            all.addAll(next);
            level = next;
        }
        return all;
    }

    /** The groups and all their ancestors, by id (a top-level group's parent is absent): one query per level. */
    public Set<String> withAncestors(Collection<String> groupIds) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> level = new LinkedHashSet<>(groupIds);
        while (!level.isEmpty()) {
            Set<String> parents = new LinkedHashSet<>();
            for (List<String> chunk : chunks(level)) {
                for (Object[] row : em.createQuery("select g.id, g.parentId from GroupEntity g where g.realm = :realm and g.id in :ids", Object[].class)
                        .setParameter("realm", realmId).setParameter("ids", chunk).getResultList()) {
                    all.add((String) row[0]);
                    String parent = (String) row[1];
                    if (parent != null && !GroupEntity.TOP_PARENT_ID.equals(parent)) {
                        parents.add(parent);
                    }
                }
            }
            parents.removeAll(all);
            level = parents;
        }
        return all;
    }

    /**
     * IDs of the users who are direct members of any of the groups, local users (service accounts
     * left out: they are no people) and users of a storage provider that keeps memberships in
     * Keycloak's database.
     */
    public Set<String> memberIds(Collection<String> groupIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<String> chunk : chunks(groupIds)) {
            ids.addAll(em.createQuery("select distinct m.user.id from UserGroupMembershipEntity m where m.groupId in :groups"
                            + " and m.user.realmId = :realm and m.user.serviceAccountClientLink is null", String.class)
                    .setParameter("groups", chunk).setParameter("realm", realmId).getResultList());
            ids.addAll(em.createQuery("select distinct f.userId from FederatedUserGroupMembershipEntity f where f.groupId in :groups"
                            + " and f.realmId = :realm", String.class)
                    .setParameter("groups", chunk).setParameter("realm", realmId).getResultList());
        }
        return ids;
    }

    /** The groups the user is a direct member of (local or federated membership). */
    public Set<String> groupIdsOf(String userId) {
        Set<String> ids = new HashSet<>(em.createQuery("select m.groupId from UserGroupMembershipEntity m where m.user.id = :user", String.class)
                .setParameter("user", userId).getResultList());
        ids.addAll(em.createQuery("select f.groupId from FederatedUserGroupMembershipEntity f where f.userId = :user and f.realmId = :realm", String.class)
                .setParameter("user", userId).setParameter("realm", realmId).getResultList());
        return ids;
    }

    /** The local users among the IDs, by id; a user kept only by a storage provider is absent (ask the model). */
    public Map<String, UserRow> localUsers(Collection<String> userIds) {
        Map<String, UserRow> users = new HashMap<>();
        for (List<String> chunk : chunks(userIds)) {
            for (Object[] row : em.createQuery("select u.id, u.username, u.email, u.firstName, u.lastName, u.enabled from UserEntity u"
                            + " where u.realmId = :realm and u.id in :ids and u.serviceAccountClientLink is null", Object[].class)
                    .setParameter("realm", realmId).setParameter("ids", chunk).getResultList()) {
                users.put((String) row[0], new UserRow((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], Boolean.TRUE.equals(row[5])));
            }
        }
        return users;
    }
}
