package dev.kcaws.testsupport.scimpush;

import dev.kcaws.scim.KeycloakUser;
import dev.kcaws.scim.PushSource;
import dev.kcaws.scim.SourceGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PushSource} in memory: users, chosen groups and memberships set by the test. Users in
 * scope are the members of the chosen groups, as on Keycloak; a user who is in no chosen group is
 * known but out of scope.
 */
public final class InMemoryPushSource implements PushSource {
    private final Map<String, KeycloakUser> users = new LinkedHashMap<>();
    private final Map<String, SourceGroup> groups = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();

    public synchronized InMemoryPushSource putUser(KeycloakUser user) {
        users.put(user.id(), user);
        return this;
    }

    public synchronized InMemoryPushSource removeUser(String userId) {
        users.remove(userId);
        members.values().forEach(set -> set.remove(userId));
        return this;
    }

    public synchronized InMemoryPushSource putGroup(SourceGroup group) {
        groups.put(group.id(), group);
        members.computeIfAbsent(group.id(), id -> new LinkedHashSet<>());
        return this;
    }

    /** Un-chooses (or deletes) the group; its members stay known. */
    public synchronized InMemoryPushSource removeGroup(String groupId) {
        groups.remove(groupId);
        members.remove(groupId);
        return this;
    }

    public synchronized InMemoryPushSource join(String groupId, String userId) {
        members.computeIfAbsent(groupId, id -> new LinkedHashSet<>()).add(userId);
        return this;
    }

    public synchronized InMemoryPushSource leave(String groupId, String userId) {
        members.getOrDefault(groupId, new LinkedHashSet<>()).remove(userId);
        return this;
    }

    @Override
    public synchronized List<SourceGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    @Override
    public synchronized List<KeycloakUser> users() {
        List<KeycloakUser> inScope = new ArrayList<>();
        for (KeycloakUser user : users.values()) {
            if (inScope(user.id())) {
                inScope.add(user);
            }
        }
        return inScope;
    }

    @Override
    public synchronized Set<String> memberIds(String groupId) {
        if (!groups.containsKey(groupId)) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>(members.getOrDefault(groupId, Set.of()));
        ids.retainAll(users.keySet());
        return ids;
    }

    @Override
    public synchronized Optional<KeycloakUser> user(String keycloakUserId) {
        KeycloakUser user = users.get(keycloakUserId);
        return user != null && inScope(user.id()) ? Optional.of(user) : Optional.empty();
    }

    @Override
    public synchronized Optional<SourceGroup> group(String keycloakGroupId) {
        return Optional.ofNullable(groups.get(keycloakGroupId));
    }

    @Override
    public synchronized Set<String> groupIdsOf(String keycloakUserId) {
        Set<String> ids = new LinkedHashSet<>();
        for (String groupId : groups.keySet()) {
            if (members.getOrDefault(groupId, Set.of()).contains(keycloakUserId) && users.containsKey(keycloakUserId)) {
                ids.add(groupId);
            }
        }
        return ids;
    }

    private boolean inScope(String userId) {
        for (String groupId : groups.keySet()) {
            if (members.getOrDefault(groupId, Set.of()).contains(userId)) {
                return true;
            }
        }
        return false;
    }
}
