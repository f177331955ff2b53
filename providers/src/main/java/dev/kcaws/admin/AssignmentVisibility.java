package dev.kcaws.admin;

import dev.kcaws.keycloak.AdminPermissions;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import jakarta.ws.rs.ForbiddenException;

import java.util.HashMap;
import java.util.Map;

/**
 * Which assignment rows an admin may see: those of the groups and users Keycloak's own admin API
 * would show this admin ({@code canView}, as Keycloak's group and user listings filter). Applied to
 * each result row by its group path or username, each looked up once; an admin who may view all
 * users (or all groups) costs no lookup per row.
 */
public final class AssignmentVisibility {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissions auth;
    private final boolean allUsers;
    private final boolean allGroups;
    private final Map<String, Boolean> rowGroups = new HashMap<>();
    private final Map<String, Boolean> rowUsers = new HashMap<>();

    AssignmentVisibility(KeycloakSession session, RealmModel realm, AdminPermissions auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.allUsers = auth.canViewUsers();
        this.allGroups = auth.canViewGroups();
    }

    /**
     * A filter naming a group (path) or user (username) the admin may not view is refused with 403,
     * as Keycloak refuses to show such a group or user; unknown names are refused alike unless the
     * admin may view every group (user), so the answer does not tell which names exist.
     */
    void requireVisibleFilter(String groupPath, String username) {
        if (groupPath != null && !allGroups) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, groupPath);
            if (group == null || !auth.canView(group)) {
                throw new ForbiddenException();
            }
        }
        if (username != null && !allUsers) {
            UserModel user = session.users().getUserByUsername(realm, username);
            if (user == null || !auth.canView(user)) {
                throw new ForbiddenException();
            }
        }
    }

    /** True when no row needs a check (the admin may view every group and user), so a query can skip the filter. */
    public boolean seesEveryone() {
        return allUsers && allGroups;
    }

    /** True when every group row may be shown (the admin may view every group). */
    boolean seesAllGroups() {
        return allGroups;
    }

    /** Whether the user (by id) is one the admin may view, as Keycloak's users API decides. */
    boolean userVisible(String userId) {
        if (allUsers) {
            return true;
        }
        UserModel user = session.users().getUserById(realm, userId);
        return user != null && auth.canView(user);
    }

    /** Whether the row may be shown: its group or user is one the admin may view. */
    boolean visible(AssignmentRepresentation row) {
        if (row.group() != null) {
            return allGroups || rowGroups.computeIfAbsent(row.group(), path -> {
                GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
                return group != null && auth.canView(group);
            });
        }
        return allUsers || rowUsers.computeIfAbsent(row.user(), name -> {
            UserModel user = session.users().getUserByUsername(realm, name);
            return user != null && auth.canView(user);
        });
    }
}
