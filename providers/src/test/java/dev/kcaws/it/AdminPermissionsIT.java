package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what through the AWS admin API, per combination of Keycloak's admin roles: assigning is
 * what Keycloak's own role-mapping API allows, listing shows only groups and users the admin may
 * view, and Keycloak's own client and role endpoints cannot change the AWS model.
 */
class AdminPermissionsIT {

    static final String REALM = "perms-check";
    static final String REALM_API = "/admin/realms/" + REALM;
    static final String API = REALM_API + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);
    static String awsAccessId;
    static AdminApi viewer;
    static AdminApi realmManager;
    static AdminApi userManager;
    static AdminApi realmAndUserManager;
    static AdminApi groupAndUserQuery;
    static AdminApi userViewer;

    @BeforeAll
    static void realmAdmins() {
        AdminApi master = realm.admin();
        KeycloakServer server = realm.server();
        awsAccessId = master.findClientByClientId(REALM, "aws-access").orElseThrow().path("id").asText();
        // One direct user assignment next to the demo realm's group assignments.
        master.expect(201, "POST", API + "/assignments", Map.of("user", "erin", "accountId", "111111111111", "permissionSet", "Billing"));
        viewer = RealmAdmins.create(server, REALM, "viewer", "view-realm");
        realmManager = RealmAdmins.create(server, REALM, "realm-manager", "view-realm", "manage-realm");
        userManager = RealmAdmins.create(server, REALM, "user-manager", "manage-users");
        realmAndUserManager = RealmAdmins.create(server, REALM, "realm-and-user-manager", "view-realm", "manage-realm", "manage-users");
        groupAndUserQuery = RealmAdmins.create(server, REALM, "group-and-user-query", "view-realm", "query-groups", "query-users");
        userViewer = RealmAdmins.create(server, REALM, "user-viewer", "view-realm", "view-users");
    }

    // ---- assigning: exactly who may map the role through Keycloak's own API ----

    @Test
    void assigningNeedsWhatKeycloaksOwnRoleMappingNeeds() {
        Map<String, AdminApi> admins = new LinkedHashMap<>();
        admins.put("view-realm", viewer);
        admins.put("manage-realm", realmManager);
        admins.put("manage-users", userManager);
        admins.put("manage-realm + manage-users", realmAndUserManager);
        JsonNode role = accessRole("access:111111111111:Billing");
        String dave = realm.admin().findUserId(REALM, "dave").orElseThrow();
        String developers = realm.admin().findGroupId(REALM, "/Developers").orElseThrow();

        Map<String, String> bundle = new LinkedHashMap<>();
        Map<String, String> keycloak = new LinkedHashMap<>();
        admins.forEach((name, admin) -> {
            for (String principal : List.of("user", "group")) {
                Map<String, Object> body = principal.equals("user")
                        ? Map.of("user", "dave", "accountId", "111111111111", "permissionSet", "Billing")
                        : Map.of("group", "/Developers", "accountId", "111111111111", "permissionSet", "Billing");
                int viaBundle = admin.send("POST", API + "/assignments", body).status();
                bundle.put(name + " → " + principal, viaBundle == 201 ? "allowed" : "refused " + viaBundle);
                if (viaBundle == 201) {
                    realm.admin().expect(204, "DELETE", API + "/assignments?" + principal + "=" + (principal.equals("user") ? "dave" : "/Developers")
                            + "&accountId=111111111111&permissionSet=Billing", null);
                }
                String mappings = REALM_API + (principal.equals("user") ? "/users/" + dave : "/groups/" + developers)
                        + "/role-mappings/clients/" + awsAccessId;
                int viaKeycloak = admin.send("POST", mappings, List.of(role)).status();
                keycloak.put(name + " → " + principal, viaKeycloak == 204 ? "allowed" : "refused " + viaKeycloak);
                if (viaKeycloak == 204) {
                    realm.admin().expect(204, "DELETE", mappings, List.of(role));
                }
            }
        });
        assertThat(bundle).as("the AWS admin API decides as Keycloak's role-mapping API").isEqualTo(keycloak);
        assertThat(bundle).containsEntry("manage-realm → user", "refused 403").containsEntry("manage-realm → group", "refused 403")
                .containsEntry("manage-users → user", "allowed").containsEntry("manage-realm + manage-users → group", "allowed");
        assertThat(assignments(realm.admin(), "accountId=111111111111&permissionSet=Billing"))
                .as("nothing left behind").containsExactly("/BillingAdmin", "erin");
    }

    @Test
    void revokingAndBulkNeedTheSameRights() {
        ApiResponse revoke = realmManager.send("DELETE", API + "/assignments?group=/DevOps&accountId=111111111111&permissionSet=AdministratorAccess", null);
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(403);
        assertThat(realmManager.send("DELETE", API + "/assignments?user=erin&accountId=111111111111&permissionSet=Billing", null).status())
                .isEqualTo(403);
        ApiResponse bulk = realmManager.send("POST", API + "/assignments/bulk", Map.of("groups", List.of("/Everyone"),
                "users", List.of("dave"), "accountIds", List.of("222222222222"), "permissionSets", List.of("ReadOnlyAccess")));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(403);
        assertThat(assignments(realm.admin(), "accountId=111111111111&permissionSet=AdministratorAccess")).containsExactly("/DevOps");
        assertThat(assignments(realm.admin(), "accountId=111111111111&permissionSet=Billing")).contains("erin");
        assertThat(assignments(realm.admin(), "accountId=222222222222&permissionSet=ReadOnlyAccess")).isEmpty();
        assertThat(accessRoleExists("access:222222222222:ReadOnlyAccess")).as("no access role made for a refused grant").isFalse();
    }

    @Test
    void theFirstGrantOfAPairIsCheckedAsAMappingOfARoleOfTheModelClient() {
        String body = "{\"user\":\"carol\",\"accountId\":\"222222222222\",\"permissionSet\":\"Billing\"}";
        assertThat(accessRoleExists("access:222222222222:Billing")).isFalse();
        assertThat(realmManager.send("POST", API + "/assignments", body).status()).isEqualTo(403);
        assertThat(accessRoleExists("access:222222222222:Billing")).isFalse();
        ApiResponse granted = userManager.send("POST", API + "/assignments", body);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(assignments(realm.admin(), "accountId=222222222222&permissionSet=Billing")).containsExactly("carol");
        assertThat(userManager.send("DELETE", API + "/assignments?user=carol&accountId=222222222222&permissionSet=Billing", null).status())
                .isEqualTo(204);
    }

    // ---- reading: only groups and users the admin may view ----

    @Test
    void listingShowsOnlyGroupsAndUsersTheAdminMayView() {
        List<String> all = assignments(realm.admin(), "");
        assertThat(all).contains("/DevOps", "/Developers", "/BillingAdmin", "/Everyone", "erin");
        assertThat(assignments(userViewer, "")).as("view-users sees every group and user").isEqualTo(all);
        assertThat(assignments(viewer, "")).as("view-realm alone sees no group or user").isEmpty();
        assertThat(assignments(groupAndUserQuery, "")).as("query-groups and query-users do not make a group or user viewable").isEmpty();
        assertThat(assignments(realmManager, "accountId=111111111111")).isEmpty();

        assertThat(viewer.send("GET", API + "/assignments?group=/DevOps", null).status()).isEqualTo(403);
        assertThat(viewer.send("GET", API + "/assignments?user=erin", null).status()).isEqualTo(403);
        assertThat(viewer.send("GET", API + "/assignments?user=nobody-of-that-name", null).status())
                .as("unknown names answer alike, so they cannot be probed").isEqualTo(403);
        assertThat(assignments(userViewer, "user=erin")).containsExactly("erin");
        assertThat(assignments(userViewer, "group=/NoSuchGroup")).isEmpty();
    }

    /** The access review: view-realm to read at all, and only the users the admin may view, as Keycloak's users API. */
    @Test
    void accessReviewShowsOnlyUsersTheAdminMayView() {
        String review = API + "/access-review";
        int all = realm.admin().expect(200, "GET", review, null).json().path("rows").size();
        assertThat(all).isPositive();
        assertThat(userViewer.expect(200, "GET", review, null).json().path("rows").size()).as("view-users sees every user").isEqualTo(all);
        assertThat(viewer.expect(200, "GET", review, null).json().path("rows")).as("view-realm alone sees no user").isEmpty();
        assertThat(groupAndUserQuery.expect(200, "GET", review, null).json().path("rows")).as("query-users does not make a user viewable").isEmpty();
        assertThat(userManager.send("GET", review, null).status()).as("no view-realm").isEqualTo(403);
        assertThat(viewer.send("GET", review + "?user=erin", null).status()).isEqualTo(403);
        assertThat(viewer.send("GET", review + "?user=nobody-of-that-name", null).status())
                .as("unknown names answer alike, so they cannot be probed").isEqualTo(403);
        assertThat(userViewer.expect(200, "GET", review + "?user=erin", null).json().path("rows").get(0).path("user").asText()).isEqualTo("erin");
    }

    // ---- Keycloak's own client and role endpoints ----

    @Test
    void keycloaksOwnClientEndpointCannotChangeAccountsOrPermissionSets() {
        JsonNode client = realm.admin().expect(200, "GET", REALM_API + "/clients/" + awsAccessId, null).json();
        String account = realm.admin().expect(200, "GET", API + "/accounts/111111111111", null).body();

        ObjectNode renamed = client.deepCopy();
        ((ObjectNode) renamed.with("attributes")).put("kcaws.account.111111111111",
                "{\"name\":\"renamed-by-console\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\"}");
        assertRefused(realm.admin().send("PUT", REALM_API + "/clients/" + awsAccessId, renamed));

        ObjectNode added = client.deepCopy();
        ((ObjectNode) added.with("attributes")).put("kcaws.account.999999999999",
                "{\"name\":\"sneaked-in\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\"}");
        assertRefused(realm.admin().send("PUT", REALM_API + "/clients/" + awsAccessId, added));

        assertThat(realm.admin().expect(200, "GET", API + "/accounts/111111111111", null).body()).isEqualTo(account);
        assertThat(realm.admin().send("GET", API + "/accounts/999999999999", null).status()).isEqualTo(404);

        // A save that leaves the model as it is (the console's Save after editing the description) still works.
        ObjectNode described = client.deepCopy();
        described.put("description", "edited in the console");
        realm.admin().expect(204, "PUT", REALM_API + "/clients/" + awsAccessId, described);
        assertThat(realm.admin().expect(200, "GET", REALM_API + "/clients/" + awsAccessId, null).json().path("description").asText())
                .isEqualTo("edited in the console");
    }

    @Test
    void keycloaksOwnRoleEndpointsCannotDeleteOrRenameAccessRoles() {
        JsonNode role = accessRole("access:111111111111:AdministratorAccess");
        String roleId = role.path("id").asText();
        assertRefused(realm.admin().send("DELETE", REALM_API + "/clients/" + awsAccessId + "/roles/access:111111111111:AdministratorAccess", null));
        assertRefused(realm.admin().send("DELETE", REALM_API + "/roles-by-id/" + roleId, null));
        ObjectNode renamed = role.deepCopy();
        renamed.put("name", "access:111111111111:ReadOnlyAccess2");
        assertRefused(realm.admin().send("PUT", REALM_API + "/roles-by-id/" + roleId, renamed));
        assertRefused(realm.admin().send("PUT", REALM_API + "/clients/" + awsAccessId + "/roles/access:111111111111:AdministratorAccess", renamed));
        assertRefused(realm.admin().send("DELETE", REALM_API + "/clients/" + awsAccessId, null));

        assertThat(accessRoleExists("access:111111111111:AdministratorAccess")).isTrue();
        assertThat(assignments(realm.admin(), "accountId=111111111111&permissionSet=AdministratorAccess")).containsExactly("/DevOps");
        assertThat(realm.admin().findClientByClientId(REALM, "aws-access")).isPresent();
    }

    // ---- helpers ----

    // ---- the Identity Center endpoints: as Keycloak's own realm, components and clients API ----

    /**
     * SCIM settings and push: view-realm to read, manage-realm to change (the connection test too: it
     * sends the token out); the SAML client: view-clients to read, manage-clients to create, as
     * Keycloak's clients API. The Identity Center code's rights are in {@code IdentityCenterCodeIT}.
     */
    @Test
    void identityCenterEndpointsNeedWhatKeycloaksOwnApiNeeds() {
        String ic = API + "/identity-center";
        AdminApi clientViewer = RealmAdmins.create(realm.server(), REALM, "ic-client-viewer", "view-clients");
        AdminApi clientManager = RealmAdmins.create(realm.server(), REALM, "ic-client-manager", "manage-clients");
        Map<String, Object> settings = Map.of("enabled", false, "endpoint", "http://localhost:1/scim/v2/", "token", "perms-token-1",
                "groupIds", List.of(realm.admin().findGroupId(REALM, "/Developers").orElseThrow()));

        assertThat(userManager.send("GET", ic + "/scim", null).status()).isEqualTo(403);
        assertThat(clientManager.send("PUT", ic + "/scim", settings).status()).isEqualTo(403);
        assertThat(viewer.send("PUT", ic + "/scim", settings).status()).isEqualTo(403);
        assertThat(realmManager.send("PUT", ic + "/scim", settings).status()).isEqualTo(200);
        assertThat(viewer.send("GET", ic + "/scim", null).status()).isEqualTo(200);
        assertThat(viewer.send("POST", ic + "/scim/test", null).status()).isEqualTo(403);
        assertThat(realmManager.send("POST", ic + "/scim/test", null).status()).as("allowed; localhost:1 answers no").isEqualTo(200);
        assertThat(viewer.send("DELETE", ic + "/scim", null).status()).isEqualTo(403);
        assertThat(realmManager.send("DELETE", ic + "/scim", null).status()).isEqualTo(204);

        assertThat(userManager.send("GET", ic + "/push/status", null).status()).isEqualTo(403);
        assertThat(viewer.send("GET", ic + "/push/status", null).status()).isEqualTo(200);
        assertThat(viewer.send("POST", ic + "/push/sync", null).status()).isEqualTo(403);
        assertThat(realmManager.send("POST", ic + "/push/sync", null).status()).as("allowed; no settings").isEqualTo(400);

        Map<String, Object> client = Map.of("acsUrl", "https://us-east-1.signin.aws/platform/saml/acs/perms-check",
                "issuer", "https://us-east-1.signin.aws.amazon.com/platform/saml/d-9367000002");
        assertThat(viewer.send("GET", ic + "/saml-client", null).status()).isEqualTo(403);
        assertThat(clientViewer.send("GET", ic + "/saml-client", null).status()).as("allowed; none yet").isEqualTo(404);
        assertThat(realmManager.send("POST", ic + "/saml-client", client).status()).isEqualTo(403);
        assertThat(clientViewer.send("POST", ic + "/saml-client", client).status()).isEqualTo(403);
        assertThat(realm.admin().findClientByClientId(REALM, "https://us-east-1.signin.aws.amazon.com/platform/saml/d-9367000002")).isEmpty();
        assertThat(clientManager.send("POST", ic + "/saml-client", client).status()).isEqualTo(201);
        assertThat(clientViewer.send("GET", ic + "/saml-client", null).status()).isEqualTo(200);
    }

    static void assertRefused(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("errorMessage").asText()).contains("/admin/realms/" + REALM + "/aws");
    }

    static JsonNode accessRole(String name) {
        return realm.admin().expect(200, "GET", REALM_API + "/clients/" + awsAccessId + "/roles/" + name, null).json();
    }

    static boolean accessRoleExists(String name) {
        return realm.admin().send("GET", REALM_API + "/clients/" + awsAccessId + "/roles/" + name, null).status() == 200;
    }

    /** The assignments' principals (group path or username) the admin is shown, in the API's order. */
    static List<String> assignments(AdminApi admin, String query) {
        return principals(admin.expect(200, "GET", API + "/assignments?max=1000" + (query.isEmpty() ? "" : "&" + query), null));
    }

    static List<String> principals(ApiResponse assignments) {
        return StreamSupport.stream(assignments.json().spliterator(), false)
                .map(a -> a.hasNonNull("group") ? a.path("group").asText() : a.path("user").asText())
                .toList();
    }
}
