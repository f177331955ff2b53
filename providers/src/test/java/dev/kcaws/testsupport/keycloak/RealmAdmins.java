package dev.kcaws.testsupport.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Users of one realm who administer it with some of its {@code realm-management} roles, each with an API client signed in as them. */
public final class RealmAdmins {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "admin-pass-1";

    private RealmAdmins() {
    }

    /** Creates the user, maps the given realm-management roles (none is fine) and returns an API client signed in as the user. */
    public static AdminApi create(KeycloakServer server, String realm, String username, String... realmManagementRoles) {
        AdminApi master = server.adminApi();
        String id = master.createUser(realm, username, PASSWORD);
        if (realmManagementRoles.length > 0) {
            String client = master.findClientByClientId(realm, "realm-management").orElseThrow().path("id").asText();
            ArrayNode roles = JSON.createArrayNode();
            for (String role : realmManagementRoles) {
                roles.add(master.expect(200, "GET", "/admin/realms/" + realm + "/clients/" + client + "/roles/" + role, null).json());
            }
            master.expect(204, "POST", "/admin/realms/" + realm + "/users/" + id + "/role-mappings/clients/" + client, roles);
        }
        return new AdminApi(server.baseUrl(), realm, username, PASSWORD);
    }
}
