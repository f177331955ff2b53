package dev.kcaws.identitycenter.push;

import dev.kcaws.access.StorageGroupMembers;
import dev.kcaws.keycloak.GroupMemberQueries;
import dev.kcaws.scim.KeycloakUser;
import dev.kcaws.scim.PushSource;
import dev.kcaws.scim.SourceGroup;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What should be in Identity Center, read from one realm within one transaction: the chosen groups
 * that still exist, their members with their sub-groups' members (as Keycloak counts them for role
 * inheritance), and those users. Reads go through set-based queries ({@link GroupMemberQueries});
 * a group's members are computed once per instance (an instance lives for one push).
 *
 * <p>Members a user-storage provider keeps itself (an LDAP group mapper in {@code READ_ONLY} or
 * {@code LDAP_ONLY} mode: the membership lives in LDAP, never in Keycloak's tables) are asked of
 * each enabled provider through the user-storage SPI, as Keycloak's own member listing does; a
 * user linked to a provider gets its groups from the model, which asks the provider.
 */
final class KeycloakPushSource implements PushSource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final List<String> chosen;
    private final GroupMemberQueries queries;
    private final Map<String, Set<String>> members = new HashMap<>();
    private List<SourceGroup> groups;
    private StorageGroupMembers storages;

    KeycloakPushSource(KeycloakSession session, RealmModel realm, List<String> chosenGroupIds) {
        this.session = session;
        this.realm = realm;
        this.chosen = List.copyOf(new LinkedHashSet<>(chosenGroupIds));
        this.queries = GroupMemberQueries.of(session, realm);
    }

    @Override
    public List<SourceGroup> groups() {
        if (groups == null) {
            List<SourceGroup> found = new ArrayList<>();
            for (String id : chosen) {
                GroupModel group = realm.getGroupById(id);
                if (group != null) {
                    found.add(new SourceGroup(group.getId(), group.getName()));
                }
            }
            groups = List.copyOf(found);
        }
        return groups;
    }

    @Override
    public List<KeycloakUser> users() {
        Set<String> ids = new LinkedHashSet<>();
        for (SourceGroup group : groups()) {
            ids.addAll(memberIds(group.id()));
        }
        return users(ids);
    }

    @Override
    public Set<String> memberIds(String groupId) {
        if (group(groupId).isEmpty()) {
            return Set.of();
        }
        return members.computeIfAbsent(groupId, id -> {
            Set<String> subtree = queries.withDescendants(List.of(id));
            Set<String> ids = new LinkedHashSet<>(queries.memberIds(subtree));
            ids.addAll(storageMemberIds(subtree));
            return Set.copyOf(ids);
        });
    }

    /** The members the realm's user-storage providers report for the groups (none without providers). */
    private Set<String> storageMemberIds(Collection<String> groupIds) {
        Set<String> ids = new LinkedHashSet<>();
        storages().forEachMember(groupIds, (groupId, user, provider) -> ids.add(user.getId()));
        return ids;
    }

    private StorageGroupMembers storages() {
        if (storages == null) {
            storages = StorageGroupMembers.of(session, realm);
        }
        return storages;
    }

    @Override
    public Optional<KeycloakUser> user(String keycloakUserId) {
        if (groupIdsOf(keycloakUserId).isEmpty()) {
            return Optional.empty();
        }
        return users(List.of(keycloakUserId)).stream().findFirst();
    }

    @Override
    public Optional<SourceGroup> group(String keycloakGroupId) {
        return groups().stream().filter(g -> g.id().equals(keycloakGroupId)).findFirst();
    }

    /** From the user's own groups and their ancestors: no chosen group's members are listed. */
    @Override
    public Set<String> groupIdsOf(String keycloakUserId) {
        Set<String> own = new LinkedHashSet<>(queries.groupIdsOf(keycloakUserId));
        if (storages().any()) {
            UserModel user = session.users().getUserById(realm, keycloakUserId);
            if (user != null && user.getFederationLink() != null) {
                user.getGroupsStream().forEach(group -> own.add(group.getId()));
            }
        }
        Set<String> reached = queries.withAncestors(own);
        Set<String> ids = new LinkedHashSet<>();
        for (SourceGroup group : groups()) {
            if (reached.contains(group.id())) {
                ids.add(group.id());
            }
        }
        return ids;
    }

    private List<KeycloakUser> users(Collection<String> ids) {
        Map<String, GroupMemberQueries.UserRow> local = queries.localUsers(ids);
        List<KeycloakUser> users = new ArrayList<>(ids.size());
        for (String id : ids) {
            GroupMemberQueries.UserRow row = local.get(id);
            if (row != null) {
                users.add(new KeycloakUser(row.id(), row.username(), row.email(), row.firstName(), row.lastName(), row.enabled()));
            } else {
                // Kept by a user-storage provider without import: only the model knows its values.
                UserModel user = session.users().getUserById(realm, id);
                if (user != null && user.getServiceAccountClientLink() == null) {
                    users.add(new KeycloakUser(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                            user.getLastName(), user.isEnabled()));
                }
            }
        }
        return users;
    }
}
