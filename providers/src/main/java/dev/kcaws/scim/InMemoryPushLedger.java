package dev.kcaws.scim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PushLedger} in memory, for tests, the benchmark and tools. Not for Keycloak: a node's
 * memory is neither shared by the cluster nor kept across a restart. Thread-safe (synchronised).
 */
public final class InMemoryPushLedger implements PushLedger {
    private final Map<String, PushedUser> users = new LinkedHashMap<>();
    private final Map<String, PushedGroup> groups = new LinkedHashMap<>();
    private final Map<String, Set<String>> membersByGroup = new HashMap<>();
    private final Map<String, Set<String>> groupsByUser = new HashMap<>();

    @Override
    public synchronized Optional<PushedUser> user(String keycloakUserId) {
        return Optional.ofNullable(users.get(keycloakUserId));
    }

    @Override
    public synchronized List<PushedUser> users() {
        return new ArrayList<>(users.values());
    }

    @Override
    public synchronized Optional<PushedGroup> group(String keycloakGroupId) {
        return Optional.ofNullable(groups.get(keycloakGroupId));
    }

    @Override
    public synchronized List<PushedGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    @Override
    public synchronized Set<String> members(String keycloakGroupId) {
        return Set.copyOf(membersByGroup.getOrDefault(keycloakGroupId, Set.of()));
    }

    @Override
    public synchronized Set<String> groupsOf(String keycloakUserId) {
        return Set.copyOf(groupsByUser.getOrDefault(keycloakUserId, Set.of()));
    }

    @Override
    public synchronized void saveUsers(Collection<PushedUser> saved) {
        saved.forEach(user -> users.put(user.keycloakId(), user));
    }

    @Override
    public synchronized void forgetUsers(Collection<String> keycloakUserIds) {
        for (String userId : keycloakUserIds) {
            users.remove(userId);
            for (String groupId : groupsByUser.getOrDefault(userId, Set.of())) {
                membersByGroup.getOrDefault(groupId, new LinkedHashSet<>()).remove(userId);
            }
            groupsByUser.remove(userId);
        }
    }

    @Override
    public synchronized void saveGroups(Collection<PushedGroup> saved) {
        saved.forEach(group -> groups.put(group.keycloakId(), group));
    }

    @Override
    public synchronized void forgetGroups(Collection<String> keycloakGroupIds) {
        for (String groupId : keycloakGroupIds) {
            groups.remove(groupId);
            for (String userId : membersByGroup.getOrDefault(groupId, Set.of())) {
                groupsByUser.getOrDefault(userId, new LinkedHashSet<>()).remove(groupId);
            }
            membersByGroup.remove(groupId);
        }
    }

    @Override
    public synchronized void addMembers(String keycloakGroupId, Collection<String> keycloakUserIds) {
        for (String userId : keycloakUserIds) {
            membersByGroup.computeIfAbsent(keycloakGroupId, g -> new LinkedHashSet<>()).add(userId);
            groupsByUser.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(keycloakGroupId);
        }
    }

    @Override
    public synchronized void removeMembers(String keycloakGroupId, Collection<String> keycloakUserIds) {
        for (String userId : keycloakUserIds) {
            Set<String> members = membersByGroup.get(keycloakGroupId);
            if (members != null) {
                members.remove(userId);
            }
            Set<String> groupsOfUser = groupsByUser.get(userId);
            if (groupsOfUser != null) {
                groupsOfUser.remove(keycloakGroupId);
            }
        }
    }

    /** Memberships recorded, for tests and figures. */
    public synchronized int membershipCount() {
        return membersByGroup.values().stream().mapToInt(Set::size).sum();
    }
}
