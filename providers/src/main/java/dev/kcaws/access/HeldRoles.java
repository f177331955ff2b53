package dev.kcaws.access;

import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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

    /**
     * When the roles the user holds now stop being held, for those whose every granting path ends:
     * each mapping inside its window carries its end (none for a mapping without a window) to its
     * role and everything that role brings as a composite; a role's end is the latest of its
     * paths', and a role with a path that does not end is left out.
     */
    static Map<RoleModel, Instant> ends(UserModel user, Function<RoleModel, AccessWindows> windows, long nowMillis) {
        Map<RoleModel, Instant> ends = new HashMap<>();
        Set<RoleModel> endless = new HashSet<>();
        user.getRoleMappingsStream().forEach(role -> carry(role, window(windows.apply(role), w -> w.ofUser(user.getId())), nowMillis, ends, endless));
        Set<String> seen = new HashSet<>();
        user.getGroupsStream().forEach(group -> {
            for (GroupModel g = group; g != null && seen.add(g.getId()); g = g.getParentId() == null ? null : g.getParent()) {
                GroupModel current = g;
                g.getRoleMappingsStream().forEach(role -> carry(role, window(windows.apply(role), w -> w.ofGroup(current.getId())), nowMillis, ends, endless));
            }
        });
        endless.forEach(ends::remove);
        return ends;
    }

    /** The window of one mapping; {@link #OUTSIDE} for a role whose windows cannot be read. */
    private static AccessWindow window(AccessWindows windows, Function<AccessWindows, AccessWindow> principal) {
        if (windows == null) {
            return null;
        }
        return windows == AccessWindows.UNREADABLE ? OUTSIDE : principal.apply(windows);
    }

    private static final AccessWindow OUTSIDE = new AccessWindow(null, Instant.EPOCH);

    private static void carry(RoleModel mapped, AccessWindow window, long nowMillis, Map<RoleModel, Instant> ends, Set<RoleModel> endless) {
        if (window != null && !window.contains(nowMillis)) {
            return;
        }
        Set<RoleModel> brought = mapped.isComposite() ? RoleUtils.expandCompositeRoles(Set.of(mapped)) : Set.of(mapped);
        for (RoleModel role : brought) {
            if (window == null || window.notAfter() == null) {
                endless.add(role);
            } else {
                ends.merge(role, window.notAfter(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
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
