package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fine-grained admin permissions v2 (realm option {@code adminPermissionsEnabled}): a help-desk admin
 * who may view and manage one group, and map the {@code aws-access} client's roles, assigns AWS
 * access to that group only and sees only that group's assignments, through the AWS admin API as
 * through Keycloak's own.
 */
class FineGrainedAdminPermissionsIT {

    static final String REALM = "fgap-check";
    static final String REALM_API = "/admin/realms/" + REALM;
    static final String API = REALM_API + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);
    static AdminApi helpdesk;
    static String awsAccessId;
    static String devOps;
    static String developers;

    @BeforeAll
    static void helpdeskManagingDevOps() {
        AdminApi master = realm.admin();
        master.expect(204, "PUT", REALM_API, Map.of("realm", REALM, "adminPermissionsEnabled", true));
        awsAccessId = master.findClientByClientId(REALM, "aws-access").orElseThrow().path("id").asText();
        devOps = realm.groupId("/DevOps");
        developers = realm.groupId("/Developers");
        master.expect(201, "POST", API + "/assignments", Map.of("user", "erin", "accountId", "111111111111", "permissionSet", "Billing"));

        helpdesk = RealmAdmins.create(realm.server(), REALM, "helpdesk", "view-realm");
        String helpdeskId = realm.userId("helpdesk");
        String permissions = REALM_API + "/clients/" + master.findClientByClientId(REALM, "admin-permissions").orElseThrow().path("id").asText()
                + "/authz/resource-server";
        String policy = master.expect(201, "POST", permissions + "/policy/user", Map.of("name", "the help desk", "users", List.of(helpdeskId)))
                .json().path("id").asText();
        master.expect(201, "POST", permissions + "/permission/scope", Map.of("name", "DevOps: view and manage",
                "resourceType", "Groups", "resources", List.of(devOps), "scopes", List.of("view", "manage"), "policies", List.of(policy)));
        master.expect(201, "POST", permissions + "/permission/scope", Map.of("name", "aws-access: map its roles",
                "resourceType", "Clients", "resources", List.of(awsAccessId), "scopes", List.of("map-roles"), "policies", List.of(policy)));
    }

    @Test
    void anAdminWhoMayManageOneGroupAssignsThatGroupOnly() {
        ApiResponse granted = helpdesk.send("POST", API + "/assignments", Map.of("group", "/DevOps", "accountId", "111111111111", "permissionSet", "Billing"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        ApiResponse firstGrant = helpdesk.send("POST", API + "/assignments", Map.of("group", "/DevOps", "accountId", "222222222222", "permissionSet", "Billing"));
        assertThat(firstGrant.status()).as("a pair nobody holds yet: " + firstGrant.body()).isEqualTo(201);
        assertThat(helpdesk.send("POST", API + "/assignments", Map.of("group", "/Developers", "accountId", "111111111111", "permissionSet", "Billing"))
                .status()).isEqualTo(403);
        assertThat(helpdesk.send("POST", API + "/assignments", Map.of("user", "dave", "accountId", "111111111111", "permissionSet", "Billing"))
                .status()).isEqualTo(403);
        assertThat(helpdesk.send("POST", API + "/assignments/bulk", Map.of("groups", List.of("/DevOps", "/Developers"),
                "accountIds", List.of("333333333333"), "permissionSets", List.of("Billing"))).status()).isEqualTo(403);
        assertThat(helpdesk.send("DELETE", API + "/assignments?group=/Developers&accountId=111111111111&permissionSet=ReadOnlyAccess", null)
                .status()).isEqualTo(403);
        assertThat(helpdesk.send("DELETE", API + "/assignments?group=/DevOps&accountId=111111111111&permissionSet=Billing", null)
                .status()).isEqualTo(204);

        // Keycloak's own role-mapping API decides the same for this admin.
        JsonNode role = realm.admin().expect(200, "GET", REALM_API + "/clients/" + awsAccessId + "/roles/access:111111111111:Billing", null).json();
        assertThat(helpdesk.send("POST", REALM_API + "/groups/" + devOps + "/role-mappings/clients/" + awsAccessId, List.of(role)).status())
                .isEqualTo(204);
        assertThat(helpdesk.send("POST", REALM_API + "/groups/" + developers + "/role-mappings/clients/" + awsAccessId, List.of(role)).status())
                .isEqualTo(403);
        realm.admin().expect(204, "DELETE", REALM_API + "/groups/" + devOps + "/role-mappings/clients/" + awsAccessId, List.of(role));
        realm.admin().expect(204, "DELETE", API + "/assignments?group=/DevOps&accountId=222222222222&permissionSet=Billing", null);

        assertThat(AdminPermissionsIT.principals(realm.admin().expect(200, "GET", API + "/assignments?max=1000&permissionSet=Billing", null)))
                .as("only what the test granted and revoked").containsExactly("/BillingAdmin", "erin");
    }

    @Test
    void anAdminWhoMayViewOneGroupSeesOnlyItsAssignments() {
        List<String> shown = AdminPermissionsIT.principals(helpdesk.expect(200, "GET", API + "/assignments?max=1000", null));
        assertThat(shown).isNotEmpty().containsOnly("/DevOps");
        List<String> paged = new java.util.ArrayList<>();
        for (int first = 0; first <= shown.size(); first++) {
            paged.addAll(AdminPermissionsIT.principals(helpdesk.expect(200, "GET", API + "/assignments?max=1&first=" + first, null)));
        }
        assertThat(paged).as("the same rows, a page of one at a time").isEqualTo(shown);
        assertThat(AdminPermissionsIT.principals(realm.admin().expect(200, "GET", API + "/assignments?max=1000", null)))
                .contains("/DevOps", "/Developers", "/Everyone", "erin");
        assertThat(helpdesk.send("GET", API + "/assignments?group=/Developers", null).status()).isEqualTo(403);
        assertThat(helpdesk.send("GET", API + "/assignments?user=erin", null).status()).isEqualTo(403);
        assertThat(AdminPermissionsIT.principals(helpdesk.expect(200, "GET", API + "/assignments?group=/DevOps", null))).containsOnly("/DevOps");
    }
}
