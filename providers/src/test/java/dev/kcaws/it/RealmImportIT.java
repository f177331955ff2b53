package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Realm imports: a bad AWS model is refused whole with a message naming the field; a good one logs in the same. */
class RealmImportIT {

    static KeycloakServer server;
    static AdminApi admin;

    @BeforeAll
    static void server() {
        server = SharedKeycloak.get();
        admin = server.adminApi();
    }

    void assertRefused(String realmName, Consumer<ObjectNode> breakIt, String field) {
        ObjectNode realm = DemoRealm.copyNamed(realmName);
        breakIt.accept(realm);
        ApiResponse response = admin.send("POST", "/admin/realms", realm);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errorMessage").asText()).contains(field);
        assertThat(admin.send("GET", "/admin/realms/" + realmName, null).status()).as("nothing of the realm is kept").isEqualTo(404);
    }

    @Test
    void aMalformedAccountIdIsRefused() {
        assertRefused("bad-account", r -> {
            ObjectNode model = DemoRealm.modelAttributes(r);
            model.set("kcaws.account.11111111111", model.remove("kcaws.account.111111111111"));
        }, "accountId");
        assertRefused("bad-partition", r -> DemoRealm.modelAttributes(r).put("kcaws.account.111111111111",
                "{\"name\":\"acme-prod\",\"partition\":\"aws-mars\",\"samlProvider\":\"keycloak\"}"), "account.partition");
    }

    @Test
    void aBadPermissionSetNameDurationOrRelayStateIsRefused() {
        assertRefused("bad-set-name", r -> DemoRealm.modelAttributes(r).put("kcaws.permission-set.Bad Name", "{}"), "permissionSet.name");
        assertRefused("bad-duration", r -> DemoRealm.modelAttributes(r).put("kcaws.permission-set.Billing", "{\"sessionDuration\":60}"),
                "permissionSet.sessionDuration");
        assertRefused("bad-relay", r -> DemoRealm.modelAttributes(r).put("kcaws.permission-set.Billing",
                "{\"relayState\":\"https://evil.example/phish\"}"), "permissionSet.relayState");
    }

    /** ModelFormat's rules for what reaches generated code hold for an import as for the admin API. */
    @Test
    void aRegionOrTextThatWouldReachGeneratedCodeIsRefused() {
        assertRefused("bad-region", r -> DemoRealm.modelAttributes(r).put("kcaws.account.111111111111",
                "{\"name\":\"acme-prod\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\",\"region\":\"${file(\\\"/etc/passwd\\\")}\"}"),
                "account.region");
        assertRefused("region-newline", r -> DemoRealm.modelAttributes(r).put("kcaws.account.111111111111",
                "{\"name\":\"acme-prod\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\",\"region\":\"eu-west-1\\n\"}"),
                "account.region");
        assertRefused("region-partition", r -> DemoRealm.modelAttributes(r).put("kcaws.account.111111111111",
                "{\"name\":\"acme-prod\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\",\"region\":\"cn-north-1\"}"),
                "account.region");
        assertRefused("bad-description", r -> DemoRealm.modelAttributes(r).put("kcaws.permission-set.Billing",
                "{\"description\":\"nul\\u0000\"}"), "permissionSet.description");
        assertRefused("cfn-policy", r -> DemoRealm.modelAttributes(r).put("kcaws.permission-set.Billing",
                "{\"inlinePolicy\":\"{\\\"Statement\\\":{\\\"Resource\\\":{\\\"Ref\\\":\\\"AWS::StackId\\\"}}}\"}"),
                "permissionSet.inlinePolicy");
    }

    @Test
    void anAssignmentToAnUndefinedAccountIsRefused() {
        assertRefused("bad-access", r -> DemoRealm.modelRoles(r).addObject().put("name", "access:444444444444:Billing"), "access.account");
        assertRefused("bad-access-name", r -> DemoRealm.modelRoles(r).addObject().put("name", "access:4444:Billing"), "access");
    }

    /** The compact form of docs/model.md: access roles only as the groups' mappings, none listed under roles.client. */
    @Test
    void accessRolesDefinedOnlyByGroupMappingsImportTheSameModel() {
        ObjectNode compact = compactDemo("compact-demo");
        ObjectNode full = DemoRealm.copyNamed("full-demo");
        admin.expect(201, "POST", "/admin/realms", compact);
        admin.expect(201, "POST", "/admin/realms", full);
        try {
            assertThat(accessRoleNames("compact-demo")).isEqualTo(accessRoleNames("full-demo")).isNotEmpty();
            AwsSignIn bob = AwsLogin.to(server, "compact-demo").plain(new BrowserSession(), "bob").accepted();
            assertThat(bob.rolePairs()).hasSize(4);
            assertThat(bob.sessionDurationSeconds()).isEqualTo(28800);
        } finally {
            admin.deleteRealm("compact-demo");
            admin.deleteRealm("full-demo");
        }
        assertRefused("bad-mapped-access", r -> ((ArrayNode) r.withArray("groups").get(0).path("clientRoles").path("aws-access"))
                .add("access:444444444444:Billing"), "access.account");
    }

    /** The demo realm without the access roles its groups map listed under roles.client (the compact form). */
    private static ObjectNode compactDemo(String name) {
        ObjectNode compact = DemoRealm.copyNamed(name);
        Set<String> mapped = new HashSet<>();
        for (JsonNode group : compact.withArray("groups")) {
            group.path("clientRoles").path("aws-access").forEach(r -> mapped.add(r.asText()));
        }
        ArrayNode listed = DemoRealm.modelRoles(compact);
        for (int i = listed.size() - 1; i >= 0; i--) {
            if (mapped.contains(listed.get(i).path("name").asText())) {
                listed.remove(i);
            }
        }
        return compact;
    }

    private static Set<String> accessRoleNames(String realm) {
        String id = admin.expect(200, "GET", "/admin/realms/" + realm + "/clients?clientId=aws-access", null).json().get(0).path("id").asText();
        Set<String> names = new TreeSet<>();
        admin.expect(200, "GET", "/admin/realms/" + realm + "/clients/" + id + "/roles?first=0&max=10000", null).json()
                .forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    @Test
    void aPartialImportCarriesTheWholeModel() {
        partialImportGivesTheSameLogins(DemoRealm.copyNamed("partial-demo"));
    }

    @Test
    void aPartialImportOfTheCompactFormToo() {
        partialImportGivesTheSameLogins(compactDemo("partial-compact"));
    }

    private void partialImportGivesTheSameLogins(ObjectNode full) {
        // Partial import carries clients, roles, groups and users, but not required actions: the realm
        // is created with them first, as realm-as-code tools do.
        String realm = full.path("realm").asText();
        ObjectNode base = DemoRealm.JSON.createObjectNode();
        base.put("realm", realm);
        base.put("enabled", true);
        base.set("requiredActions", full.get("requiredActions"));
        admin.expect(201, "POST", "/admin/realms", base);
        try {
            ObjectNode partial = DemoRealm.JSON.createObjectNode();
            partial.put("ifResourceExists", "FAIL");
            for (String part : List.of("clients", "roles", "groups", "users")) {
                partial.set(part, full.get(part));
            }
            ApiResponse imported = admin.send("POST", "/admin/realms/" + realm + "/partialImport", partial);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);

            AwsLogin aws = AwsLogin.to(server, realm);
            AwsSignIn bob = aws.plain(new BrowserSession(), "bob").accepted();
            assertThat(bob.rolePairs()).hasSize(4);
            assertThat(bob.sessionDurationSeconds()).isEqualTo(28800);
            assertThat(aws.shortcut(new BrowserSession(), "bob", "111111111111", "AdministratorAccess", null).refused().status()).isEqualTo(403);
        } finally {
            admin.deleteRealm(realm);
        }
    }
}
