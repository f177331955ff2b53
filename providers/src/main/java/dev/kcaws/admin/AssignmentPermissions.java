package dev.kcaws.admin;

import dev.kcaws.keycloak.AdminPermissions;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import jakarta.ws.rs.ForbiddenException;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who may grant or revoke an assignment: whoever may map that access role to that group or user
 * through Keycloak's own role-mapping API, and no one else. An assignment is a role mapping, so the
 * bundle asks exactly what Keycloak's {@code RoleMapperResource} asks: the principal's check (a
 * user's {@code map-roles}, a group's {@code manage}) and the role's ({@code map-role}), with the
 * same evaluator, so realm roles, FGAP v1 and FGAP v2 decide alike on both paths.
 */
final class AssignmentPermissions {

    private final AdminPermissions auth;

    AssignmentPermissions(AdminPermissions auth) {
        this.auth = auth;
    }

    /** What Keycloak's {@code /users/{id}/role-mappings} and {@code /groups/{id}/role-mappings} require to change mappings. */
    void requireMapRolesOf(RoleMapperModel principal) {
        if (principal instanceof UserModel user) {
            auth.requireMapRoles(user);
        } else if (principal instanceof GroupModel group) {
            auth.requireManageGroup(group);
        } else {
            throw new ForbiddenException();
        }
    }

    /**
     * Keycloak's check for mapping the access role. Before its first grant the role does not exist:
     * it is then checked as a new role of the model client, which is what Keycloak evaluates for any
     * role it has no permission of its own for (manage-users, map-roles on the client, an FGAP v2
     * map-role permission on all roles); a permission naming one role cannot exist before the role.
     */
    void requireMapAccessRole(ClientModel modelClient, RoleModel existing, String roleName) {
        auth.requireMapRole(existing != null ? existing : new UnsavedRole(modelClient, roleName));
    }

    void requireMapAccessRole(RoleModel role) {
        auth.requireMapRole(role);
    }

    /** A client role only as far as a permission check reads one: its name, container and no attributes. */
    private record UnsavedRole(ClientModel client, String name) implements RoleModel {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getId() {
            // Never the id of a stored role, so no role-specific permission can match it.
            return "kcaws-unsaved-role:" + client.getId() + ":" + name;
        }

        @Override
        public boolean isClientRole() {
            return true;
        }

        @Override
        public String getContainerId() {
            return client.getId();
        }

        @Override
        public RoleContainerModel getContainer() {
            return client;
        }

        @Override
        public String getDescription() {
            return null;
        }

        @Override
        public boolean isComposite() {
            return false;
        }

        @Override
        public Stream<RoleModel> getCompositesStream(String search, Integer first, Integer max) {
            return Stream.empty();
        }

        @Override
        public boolean hasRole(RoleModel role) {
            return this.equals(role);
        }

        @Override
        public Stream<String> getAttributeStream(String attribute) {
            return Stream.empty();
        }

        @Override
        public Map<String, List<String>> getAttributes() {
            return Map.of();
        }

        @Override
        public void setDescription(String description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setName(String newName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addCompositeRole(RoleModel role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeCompositeRole(RoleModel role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSingleAttribute(String attribute, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setAttribute(String attribute, List<String> values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeAttribute(String attribute) {
            throw new UnsupportedOperationException();
        }
    }
}
