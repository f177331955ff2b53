package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that once reached a 500 or slipped through: null and wrong-shaped bodies, unparseable or
 * absurd paging, permission set names that are path segments, a broken role-pair mapper setting
 * arriving by realm import or Keycloak's own client API, and partial-import refusals without a reason.
 */
class AdminInputIT {

    static final String REALM = "input-check";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    private static String model() {
        return realm.admin().expect(200, "GET", API + "/accounts", null).body() + realm.admin().expect(200, "GET", API + "/permission-sets", null).body()
                + realm.admin().expect(200, "GET", API + "/assignments?max=1000", null).body()
                + realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients?max=1000", null).json().size();
    }

    private static void assertRefused(String method, String path, Object body, String field) {
        String before = model();
        ApiResponse response = realm.admin().send(method, path, body);
        assertThat(response.status()).as(method + " " + path + " " + body + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(response.json().path("errorMessage").asText()).as(response.body()).startsWith(field + ":");
        assertThat(model()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void bodiesThatAreNotAnObjectAreRefusedByEveryCall() {
        List<String[]> calls = List.of(new String[]{"POST", "/accounts"}, new String[]{"PUT", "/accounts/111111111111"},
                new String[]{"POST", "/permission-sets"}, new String[]{"PUT", "/permission-sets/Billing"},
                new String[]{"POST", "/assignments"}, new String[]{"POST", "/assignments/bulk"}, new String[]{"POST", "/clients"});
        for (String[] call : calls) {
            for (String body : List.of("null", "[]", "\"x\"", "42", "true", "[{}]", "", "  ")) {
                if (call[1].equals("/clients") && body.isBlank()) {
                    continue; // an empty body asks for the default client
                }
                assertRefused(call[0], API + call[1], body, "body");
            }
        }
    }

    @Test
    void nullsInsideListsAreRefusedByName() {
        assertRefused("POST", API + "/permission-sets", "{\"name\":\"Nulls\",\"managedPolicies\":[null]}", "managedPolicies");
        assertRefused("POST", API + "/assignments/bulk",
                "{\"groups\":[null],\"accountIds\":[\"111111111111\"],\"permissionSets\":[\"Billing\"]}", "groups");
        assertRefused("POST", API + "/permission-sets", "{\"name\":\"Typed\",\"sessionDuration\":\"3600\"}", "sessionDuration");
    }

    @Test
    void pagingValuesAreCheckedAndNamed() {
        assertRefused("GET", API + "/assignments?first=abc", null, "first");
        assertRefused("GET", API + "/assignments?max=abc", null, "max");
        assertRefused("GET", API + "/assignments?first=-1", null, "first");
        assertRefused("GET", API + "/assignments?max=0", null, "max");
        assertRefused("GET", API + "/assignments?max=99999999999", null, "max");
        assertRefused("GET", API + "/assignments?first=99999999999", null, "first");
        assertRefused("GET", API + "/assignments?first=1.5", null, "first");
        ApiResponse farAway = realm.admin().expect(200, "GET", API + "/assignments?first=2147483000&max=1000", null);
        assertThat(farAway.json()).isEmpty();
        assertThat(realm.admin().expect(200, "GET", API + "/assignments?first=0&max=1", null).json()).hasSize(1);
    }

    @Test
    void permissionSetNamesThatArePathSegmentsAreRefused() {
        for (String name : List.of(".", "..")) {
            assertRefused("POST", API + "/permission-sets", Map.of("name", name), "permissionSet.name");
        }
        ObjectNode dotSet = DemoRealm.copyNamed("dot-set");
        DemoRealm.modelAttributes(dotSet).put("kcaws.permission-set..", "{}");
        ApiResponse imported = realm.admin().send("POST", "/admin/realms", dotSet);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.json().path("errorMessage").asText()).contains("permissionSet.name");
        assertThat(realm.admin().send("GET", "/admin/realms/dot-set", null).status()).isEqualTo(404);
    }

    @Test
    void aRealmImportWithABrokenMapperSettingIsRefusedNamingIt() {
        for (Map.Entry<String, String> broken : Map.of(
                "principalTags", "Department",
                "transitiveTagKeys", "NotATag",
                "principalTags.required", "yes").entrySet()) {
            ObjectNode brokenMapper = DemoRealm.copyNamed("broken-mapper");
            roleMapperConfig(brokenMapper).put(broken.getKey(), broken.getValue());
            if (broken.getKey().equals("transitiveTagKeys")) {
                roleMapperConfig(brokenMapper).put("principalTags", "Department=department");
            }
            ApiResponse response = realm.admin().send("POST", "/admin/realms", brokenMapper);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errorMessage").asText()).as(response.body()).contains(broken.getKey());
            assertThat(realm.admin().send("GET", "/admin/realms/broken-mapper", null).status()).as("nothing of the realm is kept").isEqualTo(404);
        }
    }

    @Test
    void keycloaksOwnClientApiRefusesABrokenMapperSetting() {
        JsonNode awsClient = DemoRealm.copyNamed(REALM).withArray("clients").valueStream()
                .filter(c -> c.path("clientId").asText().equals("urn:amazon:webservices")).findFirst().orElseThrow();
        ObjectNode copy = awsClient.deepCopy();
        copy.remove("id");
        copy.put("clientId", "urn:amazon:webservices:broken");
        copy.with("attributes").put("saml_idp_initiated_sso_url_name", "broken-copy");
        copy.withArray("protocolMappers").forEach(m -> ((ObjectNode) m).remove("id"));
        roleMapperConfigOf(copy).put("principalTags", "NoEqualsSign");
        int clients = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients?max=1000", null).json().size();
        ApiResponse created = realm.admin().send("POST", "/admin/realms/" + REALM + "/clients", copy);
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains("principalTags");
        assertThat(realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients?max=1000", null).json()).hasSize(clients);

        // The protocol-mapper endpoint validates through the mapper itself.
        String id = realm.admin().findClientByClientId(REALM, "urn:amazon:webservices").orElseThrow().path("id").asText();
        JsonNode mapper = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + id + "/protocol-mappers/models", null).json()
                .valueStream().filter(m -> m.path("protocolMapper").asText().equals("aws-role-pair-mapper")).findFirst().orElseThrow();
        ObjectNode broken = mapper.deepCopy();
        broken.with("config").put("transitiveTagKeys", "NotATag");
        ApiResponse updated = realm.admin().send("PUT", "/admin/realms/" + REALM + "/clients/" + id + "/protocol-mappers/models/"
                + mapper.path("id").asText(), broken);
        assertThat(updated.status()).as(updated.body()).isEqualTo(400);
        assertThat(updated.body()).contains("transitiveTagKeys");
    }

    @Test
    void aPartialImportRefusedByTheModelGuardSaysWhy() {
        ObjectNode full = DemoRealm.copyNamed(REALM);
        ObjectNode partial = DemoRealm.JSON.createObjectNode();
        partial.put("ifResourceExists", "OVERWRITE");
        JsonNode modelClient = full.withArray("clients").valueStream()
                .filter(c -> c.path("clientId").asText().equals("aws-access")).findFirst().orElseThrow();
        ObjectNode bad = modelClient.deepCopy();
        bad.with("attributes").put("kcaws.permission-set.Billing", "{\"sessionDuration\":60}");
        partial.putArray("clients").add(bad);
        String before = model();
        ApiResponse response = realm.admin().send("POST", "/admin/realms/" + REALM + "/partialImport", partial);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("permissionSet.sessionDuration").doesNotContain("unknown_error");
        assertThat(model()).as("nothing changed").isEqualTo(before);
    }

    private static ObjectNode roleMapperConfig(ObjectNode realm) {
        for (JsonNode client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals("urn:amazon:webservices")) {
                return roleMapperConfigOf((ObjectNode) client);
            }
        }
        throw new IllegalArgumentException("no AWS client");
    }

    private static ObjectNode roleMapperConfigOf(ObjectNode client) {
        for (JsonNode mapper : client.withArray("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("aws-role-pair-mapper")) {
                return ((ObjectNode) mapper).with("config");
            }
        }
        throw new IllegalArgumentException("no role-pair mapper");
    }
}
