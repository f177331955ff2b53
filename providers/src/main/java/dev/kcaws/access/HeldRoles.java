package dev.kcaws.access;

import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Every role a user holds at one moment, as Keycloak decides it ({@link RoleUtils#getDeepUserRoleMappings}:
 * the user's own mappings, those of the user's groups and their parents, composites expanded), except
 * that a time-bound assignment outside its window grants nothing, nor what it would bring as a composite.
 * A role granted by several paths is held while any one of them is.
 */
final class HeldRoles {

    private HeldRoles() {
    }

    /**
     * @param windows the windows of a role's assignments, null for a role without any (every role
     *                that is not an access role of the model client)
     */
    static Set<RoleModel> of(UserModel user, Function<RoleModel, AccessWindows> windows, long nowMillis) {
        Set<RoleModel> granted = new HashSet<>();
        user.getRoleMappingsStream()
                .filter(role -> inside(windows.apply(role), w -> w.ofUser(user.getId()), nowMillis))
                .forEach(granted::add);
        user.getGroupsStream().forEach(group -> addGroup(group, windows, nowMillis, granted, new HashSet<>()));
        return RoleUtils.expandCompositeRoles(granted);
    }

    private static void addGroup(GroupModel group, Function<RoleModel, AccessWindows> windows, long nowMillis,
                                 Set<RoleModel> granted, Set<String> seen) {
        if (!seen.add(group.getId())) {
            return;
        }
        group.getRoleMappingsStream()
                .filter(role -> inside(windows.apply(role), w -> w.ofGroup(group.getId()), nowMillis))
                .forEach(granted::add);
        if (group.getParentId() != null && group.getParent() != null) {
            addGroup(group.getParent(), windows, nowMillis, granted, seen);
        }
    }

    private static boolean inside(AccessWindows windows, Function<AccessWindows, AccessWindow> principal, long nowMillis) {
        if (windows == null) {
            return true;
        }
        if (windows == AccessWindows.UNREADABLE) {
            return false;
        }
        AccessWindow window = principal.apply(windows);
        return window == null || window.contains(nowMillis);
    }
}
