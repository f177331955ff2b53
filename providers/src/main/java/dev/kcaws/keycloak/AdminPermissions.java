package dev.kcaws.keycloak;

import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The admin permission checks the bundle's admin API makes, each asked of the evaluator Keycloak
 * hands an {@code AdminRealmResourceProvider} (realm roles, FGAP v1 and v2 alike), so the admin API
 * decides exactly as Keycloak's own admin resources named below.
 *
 * <p>Keycloak internal used: {@code AdminPermissionEvaluator} and its {@code realm()},
 * {@code clients()}, {@code users()}, {@code groups()}, {@code roles()} evaluators. Not an SPI: its
 * package moved from {@code ...admin.permissions} to {@code ...admin.fgap} in 26.3; checked in
 * 26.4.7, 26.5.6 and 26.7.x. Each {@code require…} throws Keycloak's {@code ForbiddenException}
 * (403), as in Keycloak's own resources.
 */
public final class AdminPermissions {

    private final AdminPermissionEvaluator auth;

    private AdminPermissions(AdminPermissionEvaluator auth) {
        this.auth = auth;
    }

    /** Wraps the evaluator Keycloak passes to {@code AdminRealmResourceProvider.getResource}. */
    public static AdminPermissions of(AdminPermissionEvaluator auth) {
        return new AdminPermissions(auth);
    }

    /** {@code realm().requireViewRealm()}: reading accounts, permission sets, assignments, IAM code (as {@code GET /admin/realms/{realm}}). */
    public void requireViewRealm() {
        auth.realm().requireViewRealm();
    }

    /** {@code realm().requireManageRealm()}: changing accounts, permission sets and AWS clients (as {@code PUT /admin/realms/{realm}}). */
    public void requireManageRealm() {
        auth.realm().requireManageRealm();
    }

    /** {@code clients().requireView()}: listing AWS clients and the client template (as {@code GET /clients}). */
    public void requireViewClients() {
        auth.clients().requireView();
    }

    /** {@code clients().requireManage()}: creating an AWS client (as {@code POST /clients}). */
    public void requireManageClients() {
        auth.clients().requireManage();
    }

    /** {@code users().canQuery()}: whether an unknown username may be reported as 404 (as {@code UsersResource}). */
    public boolean canQueryUsers() {
        return auth.users().canQuery();
    }

    /** {@code users().canView()}: the admin may view every user, so listings need no per-row check. */
    public boolean canViewUsers() {
        return auth.users().canView();
    }

    /** {@code users().canView(user)}: one user's rows are shown (as {@code UsersResource}'s listing filters). */
    public boolean canView(UserModel user) {
        return auth.users().canView(user);
    }

    /** {@code groups().canView()}: the admin may view every group, so listings need no per-row check. */
    public boolean canViewGroups() {
        return auth.groups().canView();
    }

    /** {@code groups().canView(group)}: one group's rows are shown (as {@code GroupsResource}'s listing filters). */
    public boolean canView(GroupModel group) {
        return auth.groups().canView(group);
    }

    /** {@code users().requireMapRoles(user)}: what {@code /users/{id}/role-mappings} requires of the user. */
    public void requireMapRoles(UserModel user) {
        auth.users().requireMapRoles(user);
    }

    /** {@code groups().requireManage(group)}: what {@code /groups/{id}/role-mappings} requires of the group. */
    public void requireManageGroup(GroupModel group) {
        auth.groups().requireManage(group);
    }

    /** {@code roles().requireMapRole(role)}: what role-mapping endpoints require of the role mapped. */
    public void requireMapRole(RoleModel role) {
        auth.roles().requireMapRole(role);
    }
}
