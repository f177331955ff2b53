package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.Outage;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM push settings on the real Keycloak: the bundle's admin API, Keycloak's own components
 * API and realm import, the token kept secret everywhere, a vault reference resolved through
 * Keycloak's file vault, and the connection test against the AWS-like SCIM server. Its own server,
 * since the vault is a server option.
 */
class IdentityCenterSettingsIT {

    static final String REALM = "ic-settings";
    static final String API = "/admin/realms/" + REALM + "/aws/identity-center/scim";
    static final String COMPONENTS = "/admin/realms/" + REALM + "/components?type=dev.kcaws.identitycenter.ScimPushSettingsProvider";
    static final String TOKEN = "AWS-scim-token-3f9a1c0b7e5d4a2b";
    static final String VAULT_TOKEN = "vault-held-token-8c2e6f1a9b3d";

    static Path vault;
    static KeycloakServer server;
    static AdminApi admin;
    static AwsLikeScimServer aws;
    static AwsLikeScimServer awsWithVaultToken;
    static String developers;
    static String everyone;

    @BeforeAll
    static void start() throws IOException {
        vault = Files.createTempDirectory("kcaws-vault");
        // Keycloak's file vault: one file per secret, named <realm>_<key>.
        Files.writeString(vault.resolve(REALM + "_scim-token"), VAULT_TOKEN);
        // The bundle's debug log on, so the check that no token reaches the log covers it too.
        server = KeycloakServer.fromBuild().withOption("--vault=file").withOption("--vault-dir=" + vault)
                .withOption("--log-level=INFO,dev.kcaws:debug").start();
        admin = server.adminApi();
        ObjectNode realm = DemoRealm.copyNamed(REALM);
        realm.put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true);
        admin.createRealm(realm);
        developers = admin.findGroupId(REALM, "/Developers").orElseThrow();
        everyone = admin.findGroupId(REALM, "/Everyone").orElseThrow();
        aws = AwsLikeScimServer.start(TOKEN);
        awsWithVaultToken = AwsLikeScimServer.start(VAULT_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
            awsWithVaultToken.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void noSettings() {
        admin.send("DELETE", API, null);
        aws.recover();
    }

    static Map<String, Object> body(String endpoint, String token, List<String> groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("endpoint", endpoint);
        if (token != null) {
            body.put("token", token);
        }
        body.put("groupIds", groups);
        body.put("leavePolicy", "DELETE");
        body.put("reconcileIntervalMinutes", 30);
        return body;
    }

    static Map<String, Object> valid() {
        return body(aws.endpoint().toString(), TOKEN, List.of(developers, everyone));
    }

    @Test
    void putAndGetRoundTripAndTheTokenIsNeverReturned() {
        Map<String, Object> put = valid();
        put.put("userNameSource", "USERNAME");
        JsonNode saved = admin.expect(200, "PUT", API, put).json();
        JsonNode read = admin.expect(200, "GET", API, null).json();
        for (JsonNode settings : List.of(saved, read)) {
            assertThat(settings.path("configured").asBoolean()).isTrue();
            assertThat(settings.path("enabled").asBoolean()).isTrue();
            assertThat(settings.path("endpoint").asText()).isEqualTo(aws.endpoint().toString());
            assertThat(settings.path("tokenSet").asBoolean()).isTrue();
            assertThat(settings.has("token")).isFalse();
            assertThat(settings.path("tokenVaultReference").isTextual()).as("no vault reference").isFalse();
            assertThat(settings.path("groupIds")).extracting(JsonNode::asText).containsExactly(developers, everyone);
            assertThat(settings.path("groups").findValuesAsText("path")).containsExactly("/Developers", "/Everyone");
            assertThat(settings.path("userNameSource").asText()).isEqualTo("USERNAME");
            assertThat(settings.path("leavePolicy").asText()).isEqualTo("DELETE");
            assertThat(settings.path("reconcileIntervalMinutes").asInt()).isEqualTo(30);
            assertThat(settings.toString()).doesNotContain(TOKEN);
        }
        // The one user-name setting (shared with the SAML client) is the realm attribute.
        assertThat(admin.expect(200, "GET", "/admin/realms/" + REALM, null).json().path("attributes")
                .path("kcaws.identity-center.user-name-source").asText()).isEqualTo("USERNAME");

        // Keycloak's own APIs: the components API masks the secret property, the partial export too.
        ApiResponse components = admin.expect(200, "GET", COMPONENTS, null);
        assertThat(components.json()).hasSize(1);
        assertThat(components.json().get(0).path("config").path("token").get(0).asText()).isEqualTo("**********");
        assertThat(components.body()).doesNotContain(TOKEN);
        String componentId = components.json().get(0).path("id").asText();
        assertThat(admin.expect(200, "GET", "/admin/realms/" + REALM + "/components/" + componentId, null).body()).doesNotContain(TOKEN);
        assertThat(admin.expect(200, "GET", "/admin/realms/" + REALM + "/components", null).body()).doesNotContain(TOKEN);
        ApiResponse export = admin.expect(200, "POST", "/admin/realms/" + REALM + "/partial-export?exportGroupsAndRoles=true&exportClients=true", null);
        assertThat(export.body()).contains("dev.kcaws.identitycenter.ScimPushSettingsProvider").doesNotContain(TOKEN);

        // A PUT without the token keeps it: the connection test still passes.
        Map<String, Object> withoutToken = body(aws.endpoint().toString(), null, List.of(developers));
        assertThat(admin.expect(200, "PUT", API, withoutToken).json().path("groupIds")).hasSize(1);
        assertThat(admin.expect(200, "POST", API + "/test", null).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void theConnectionTestAnswersIdentityCentersMessageAndNeverTheToken() {
        admin.expect(200, "PUT", API, valid());
        JsonNode ok = admin.expect(200, "POST", API + "/test", null).json();
        assertThat(ok.path("ok").asBoolean()).as(ok.toString()).isTrue();

        String wrong = "revoked-token-0000aaaa1111";
        admin.expect(200, "PUT", API, body(aws.endpoint().toString(), wrong, List.of(developers)));
        ApiResponse refused = admin.expect(200, "POST", API + "/test", null);
        assertThat(refused.json().path("ok").asBoolean()).isFalse();
        assertThat(refused.json().path("status").asInt()).isEqualTo(401);
        assertThat(refused.json().path("message").asText()).contains("Authorization header is invalid or missing");
        assertThat(refused.body()).doesNotContain(wrong).doesNotContain(TOKEN);

        admin.expect(200, "PUT", API, valid());
        aws.simulate(Outage.UNAVAILABLE);
        ApiResponse down = admin.expect(200, "POST", API + "/test", null);
        assertThat(down.json().path("ok").asBoolean()).isFalse();
        assertThat(down.json().path("status").asInt()).isEqualTo(503);
    }

    @Test
    void aVaultReferenceIsStoredAsTypedAndResolvedThroughKeycloaksVault() {
        JsonNode saved = admin.expect(200, "PUT", API, body(awsWithVaultToken.endpoint().toString(), "${vault.scim-token}", List.of(developers))).json();
        assertThat(saved.path("tokenVaultReference").asText()).isEqualTo("${vault.scim-token}");
        assertThat(saved.path("tokenSet").asBoolean()).isTrue();
        assertThat(admin.expect(200, "GET", COMPONENTS, null).body()).doesNotContain(VAULT_TOKEN);
        JsonNode test = admin.expect(200, "POST", API + "/test", null).json();
        assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();

        admin.expect(200, "PUT", API, body(awsWithVaultToken.endpoint().toString(), "${vault.no-such-key}", List.of(developers)));
        JsonNode missing = admin.expect(200, "POST", API + "/test", null).json();
        assertThat(missing.path("ok").asBoolean()).isFalse();
        assertThat(missing.path("message").asText()).contains("vault").contains("no-such-key");
    }

    @Test
    void everyInvalidFieldIsRefusedWith400AndNothingChanges() {
        admin.expect(200, "PUT", API, valid());
        String before = admin.expect(200, "GET", API, null).body();

        Map<String, Object> bad = body("http://scim.example.com/t/scim/v2/", "has spaces in it", List.of("no-such-group"));
        bad.put("leavePolicy", "ARCHIVE");
        bad.put("reconcileIntervalMinutes", 1);
        bad.put("userNameSource", "PHONE");
        ApiResponse all = admin.send("PUT", API, bad);
        assertThat(all.status()).as(all.body()).isEqualTo(400);
        assertThat(fields(all)).containsExactlyInAnyOrder("userNameSource", "endpoint", "token", "groupIds", "leavePolicy", "reconcileIntervalMinutes");
        assertThat(all.body()).doesNotContain("has spaces in it");

        Map<String, Map<String, Object>> each = new LinkedHashMap<>();
        each.put("endpoint", Map.of("endpoint", "https://scim.us-east-1.amazonaws.com/"));
        each.put("token", Map.of("token", "**********"));
        each.put("groupIds", Map.of("groupIds", List.of()));
        each.put("leavePolicy", Map.of("leavePolicy", "KEEP"));
        each.put("reconcileIntervalMinutes", Map.of("reconcileIntervalMinutes", 99999));
        each.put("userNameSource", Map.of("userNameSource", "NICKNAME"));
        each.forEach((field, change) -> {
            Map<String, Object> one = valid();
            one.putAll(change);
            ApiResponse refused = admin.send("PUT", API, one);
            assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("field").asText()).isEqualTo(field);
        });
        Map<String, Object> badPort = valid();
        badPort.put("endpoint", "https://scim.example.com:99999/t/scim/v2/");
        ApiResponse port = admin.send("PUT", API, badPort);
        assertThat(port.status()).as(port.body()).isEqualTo(400);
        assertThat(port.json().path("field").asText()).isEqualTo("endpoint");
        assertThat(port.json().path("errorMessage").asText()).contains("99999");
        ApiResponse typo = admin.send("PUT", API, "{\"endpont\":\"x\",\"token\":42}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(fields(typo)).containsExactlyInAnyOrder("endpont", "token");

        assertThat(admin.expect(200, "GET", API, null).body()).as("nothing changed").isEqualTo(before);
        assertThat(admin.expect(200, "GET", "/admin/realms/" + REALM, null).json().path("attributes")
                .path("kcaws.identity-center.user-name-source").asText()).isNotEqualTo("NICKNAME");
    }

    @Test
    void keycloaksComponentsApiAndRealmImportRefuseBadSettingsWith400() {
        ObjectNode component = DemoRealm.JSON.createObjectNode().put("name", "sneaky")
                .put("providerId", "kcaws-identity-center-scim").put("providerType", "dev.kcaws.identitycenter.ScimPushSettingsProvider");
        ObjectNode config = component.putObject("config");
        config.putArray("endpoint").add("http://scim.example.com/t/scim/v2/");
        config.putArray("token").add(TOKEN);
        config.putArray("groupIds").add("no-such-group");
        ApiResponse created = admin.send("POST", "/admin/realms/" + REALM + "/components", component);
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().path("errorMessage").asText()).contains("endpoint:").contains("groupIds:").doesNotContain(TOKEN);
        assertThat(admin.expect(200, "GET", COMPONENTS, null).json()).isEmpty();

        // A good one through the components API works, and an update with a bad value is refused.
        ((ObjectNode) config).putArray("endpoint").add(aws.endpoint().toString());
        config.putArray("groupIds").add(developers);
        admin.expect(201, "POST", "/admin/realms/" + REALM + "/components", component);
        assertThat(admin.expect(200, "GET", API, null).json().path("groupIds").get(0).asText()).isEqualTo(developers);
        ObjectNode stored = (ObjectNode) admin.expect(200, "GET", COMPONENTS, null).json().get(0);
        ((ObjectNode) stored.path("config")).putArray("leavePolicy").add("ARCHIVE");
        ApiResponse updated = admin.send("PUT", "/admin/realms/" + REALM + "/components/" + stored.path("id").asText(), stored);
        assertThat(updated.status()).as(updated.body()).isEqualTo(400);
        assertThat(admin.expect(200, "GET", API, null).json().path("leavePolicy").asText()).isEqualTo("DEACTIVATE");
        // The masked token Keycloak sent back kept the stored one: the test still passes.
        assertThat(admin.expect(200, "POST", API + "/test", null).json().path("ok").asBoolean()).isTrue();

        // A realm import with bad settings: refused, nothing of the realm kept.
        ObjectNode realm = DemoRealm.copyNamed("ic-settings-bad-import");
        ObjectNode bad = component.deepCopy();
        ((ObjectNode) bad.path("config")).putArray("endpoint").add("ftp://nowhere/");
        ((ObjectNode) bad.path("config")).remove("groupIds");
        bad.remove("providerType");
        realm.putObject("components").putArray("dev.kcaws.identitycenter.ScimPushSettingsProvider").add(bad);
        ApiResponse imported = admin.send("POST", "/admin/realms", realm);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.json().path("errorMessage").asText()).contains("endpoint:");
        assertThat(admin.get("/admin/realms/ic-settings-bad-import").status()).isEqualTo(404);
    }

    @Test
    void aRealmFileWithTheSettingsIsImportedAsWritten() {
        String name = "ic-settings-from-file";
        ObjectNode realm = DemoRealm.JSON.createObjectNode().put("realm", name).put("enabled", true);
        realm.putArray("groups").addObject().put("id", "grp-developers").put("name", "Developers");
        ObjectNode component = realm.putObject("components").putArray("dev.kcaws.identitycenter.ScimPushSettingsProvider").addObject()
                .put("name", "IAM Identity Center SCIM push").put("providerId", "kcaws-identity-center-scim");
        ObjectNode config = component.putObject("config");
        config.putArray("endpoint").add("https://scim.eu-west-1.amazonaws.com/a1b2c3d4-5678/scim/v2/");
        config.putArray("token").add("${vault.scim-token}");
        config.putArray("groupIds").add("grp-developers");
        config.putArray("reconcileIntervalMinutes").add("0");
        admin.expect(201, "POST", "/admin/realms", realm);
        try {
            JsonNode settings = admin.expect(200, "GET", "/admin/realms/" + name + "/aws/identity-center/scim", null).json();
            assertThat(settings.path("configured").asBoolean()).isTrue();
            assertThat(settings.path("tokenVaultReference").asText()).isEqualTo("${vault.scim-token}");
            assertThat(settings.path("groups").findValuesAsText("path")).containsExactly("/Developers");
            assertThat(settings.path("leavePolicy").asText()).isEqualTo("DEACTIVATE");
            assertThat(settings.path("reconcileIntervalMinutes").asInt()).isZero();
        } finally {
            admin.deleteRealm(name);
        }
    }

    @Test
    void aViewOnlyAdminReadsButMayNotChangeOrTest() {
        admin.expect(200, "PUT", API, valid());
        String before = admin.expect(200, "GET", API, null).body();
        AdminApi viewer = RealmAdmins.create(server, REALM, "ic-viewer", "view-realm");
        assertThat(viewer.expect(200, "GET", API, null).json().path("tokenSet").asBoolean()).isTrue();
        assertThat(viewer.send("PUT", API, valid()).status()).isEqualTo(403);
        assertThat(viewer.send("DELETE", API, null).status()).isEqualTo(403);
        assertThat(viewer.send("POST", API + "/test", null).status()).isEqualTo(403);
        AdminApi nobody = RealmAdmins.create(server, REALM, "ic-nobody");
        assertThat(nobody.send("GET", API, null).status()).isEqualTo(403);
        assertThat(admin.expect(200, "GET", API, null).body()).isEqualTo(before);
    }

    @Test
    void changesAreAdminEventsWithoutTheToken() {
        admin.expect(200, "PUT", API, valid());
        // Sync now: an admin event (ACTION on identity-center/push/sync) whose answer holds no token.
        ApiResponse sync = admin.send("POST", "/admin/realms/" + REALM + "/aws/identity-center/push/sync", null);
        assertThat(sync.status()).as(sync.body()).isIn(200, 202);
        assertThat(sync.body()).doesNotContain(TOKEN);
        admin.expect(200, "PUT", API, body(aws.endpoint().toString(), "another-token-55aa", List.of(developers)));
        // A new token through Keycloak's components API: its admin event shows Keycloak's mask.
        ObjectNode stored = (ObjectNode) admin.expect(200, "GET", COMPONENTS, null).json().get(0);
        ((ObjectNode) stored.path("config")).putArray("token").add("components-api-token-77bb");
        admin.expect(204, "PUT", "/admin/realms/" + REALM + "/components/" + stored.path("id").asText(), stored);
        admin.expect(204, "DELETE", API, null);
        JsonNode events = admin.expect(200, "GET", "/admin/realms/" + REALM + "/admin-events?max=100", null).json();
        List<String> ours = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("resourcePath").asText().equals("identity-center/scim")) {
                ours.add(e.path("operationType").asText() + " " + e.path("representation").asText());
            }
        });
        assertThat(ours).anySatisfy(r -> assertThat(r).startsWith("CREATE").contains("\"tokenSet\":true").contains(aws.endpoint().toString()));
        assertThat(ours).anySatisfy(r -> assertThat(r).startsWith("UPDATE"));
        assertThat(ours).anySatisfy(r -> assertThat(r).startsWith("DELETE"));
        List<String> syncs = new ArrayList<>();
        List<String> components = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("resourcePath").asText().equals("identity-center/push/sync")) {
                syncs.add(e.path("operationType").asText() + " " + e.path("representation").asText());
            } else if (e.path("resourceType").asText().equals("COMPONENT") && e.path("operationType").asText().equals("UPDATE")) {
                components.add(e.path("representation").asText());
            }
        });
        assertThat(syncs).anySatisfy(r -> assertThat(r).startsWith("ACTION"));
        assertThat(components).anySatisfy(r -> assertThat(r).contains("kcaws-identity-center-scim").contains("**********"));
        assertThat(events.toString()).doesNotContain(TOKEN).doesNotContain("another-token-55aa").doesNotContain("components-api-token-77bb");
    }

    @Test
    void theTokenNeverReachesTheServerLog() {
        String wrong = "wrong-token-for-the-log-9d4e";
        admin.expect(200, "PUT", API, valid());
        assertThat(admin.expect(200, "POST", API + "/test", null).json().path("ok").asBoolean()).isTrue();
        String sync = "/admin/realms/" + REALM + "/aws/identity-center/push/sync";
        // Identity Center revokes the token: the connection test and a sync are refused (401).
        aws.simulate(Outage.REVOKED_TOKEN);
        assertThat(admin.expect(200, "POST", API + "/test", null).json().path("ok").asBoolean()).isFalse();
        admin.send("POST", sync, null);
        aws.recover();
        // A wrong token typed by the admin, and a vault reference resolved to its token.
        admin.expect(200, "PUT", API, body(aws.endpoint().toString(), wrong, List.of(developers)));
        assertThat(admin.expect(200, "POST", API + "/test", null).json().path("ok").asBoolean()).isFalse();
        admin.send("POST", sync, null);
        admin.expect(200, "PUT", API, body(aws.endpoint().toString(), "${vault.scim-token}", List.of(developers)));
        assertThat(admin.expect(200, "POST", API + "/test", null).json().path("status").asInt()).isEqualTo(401);

        String log = server.logSinceStart();
        assertThat(log).as("the server log").contains("Keycloak");
        assertThat(log).as("the server log").doesNotContain(TOKEN).doesNotContain(wrong).doesNotContain(VAULT_TOKEN);
    }

    @Test
    void deleteRemovesTheSettings() {
        admin.expect(200, "PUT", API, valid());
        admin.expect(204, "DELETE", API, null);
        assertThat(admin.expect(200, "GET", API, null).json().path("configured").asBoolean()).isFalse();
        assertThat(admin.expect(200, "GET", COMPONENTS, null).json()).isEmpty();
        assertThat(admin.send("DELETE", API, null).status()).isEqualTo(404);
        assertThat(admin.send("POST", API + "/test", null).status()).isEqualTo(404);
    }

    private static List<String> fields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
