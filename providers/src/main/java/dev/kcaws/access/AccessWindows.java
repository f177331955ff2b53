package dev.kcaws.access;

import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.UserModel;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The windows of one access role's time-bound assignments, by the ID of the group or user mapped
 * to it; stored as the model client's attribute {@code kcaws.window.<account id>:<permission set>}
 * (see {@link ModelFormat}). A principal without an entry holds the role without a window.
 */
public record AccessWindows(Map<String, AccessWindow> groups, Map<String, AccessWindow> users) {

    public static final AccessWindows NONE = new AccessWindows(Map.of(), Map.of());

    /**
     * Stands for a window attribute that cannot be read (edited in the database, past every check):
     * compared by identity, it lets no assignment of its role grant (see {@link HeldRoles}).
     */
    static final AccessWindows UNREADABLE = new AccessWindows(Map.of(), Map.of());

    public AccessWindows {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        users = Collections.unmodifiableMap(new TreeMap<>(users));
    }

    public boolean isEmpty() {
        return groups.isEmpty() && users.isEmpty();
    }

    public AccessWindow ofGroup(String groupId) {
        return groups.get(groupId);
    }

    public AccessWindow ofUser(String userId) {
        return users.get(userId);
    }

    /** The window of a group or user (null: none, the assignment is permanent). */
    public AccessWindow of(RoleMapperModel principal) {
        if (principal instanceof GroupModel group) {
            return ofGroup(group.getId());
        }
        if (principal instanceof UserModel user) {
            return ofUser(user.getId());
        }
        return null;
    }

    /** These windows with the principal's set to {@code window}, or removed when it is null. */
    public AccessWindows with(RoleMapperModel principal, AccessWindow window) {
        if (principal instanceof GroupModel group) {
            return withGroup(group.getId(), window);
        }
        if (principal instanceof UserModel user) {
            return withUser(user.getId(), window);
        }
        return this;
    }

    public AccessWindows withGroup(String groupId, AccessWindow window) {
        Map<String, AccessWindow> changed = new TreeMap<>(groups);
        put(changed, groupId, window);
        return new AccessWindows(changed, users);
    }

    public AccessWindows withUser(String userId, AccessWindow window) {
        Map<String, AccessWindow> changed = new TreeMap<>(users);
        put(changed, userId, window);
        return new AccessWindows(groups, changed);
    }

    private static void put(Map<String, AccessWindow> map, String id, AccessWindow window) {
        if (window == null) {
            map.remove(id);
        } else {
            map.put(id, window);
        }
    }
}
