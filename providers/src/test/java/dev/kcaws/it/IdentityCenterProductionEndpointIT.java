package dev.kcaws.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started as production would be, without the test-only allow-insecure-endpoint option:
 * this machine is no SCIM endpoint, by http or https, through the bundle's API or Keycloak's
 * components API (an admin could otherwise make Keycloak probe services on its own host).
 */
class IdentityCenterProductionEndpointIT {

    static final String REALM = "ic-production";
    static final String API = "/admin/realms/" + REALM + "/aws/identity-center/scim";

    @Test
    void thisMachineIsRefusedAsTheEndpointWithoutTheTestOption() {
        try (KeycloakServer server = KeycloakServer.fromBuild().withProductionScimEndpoints().start()) {
            AdminApi admin = server.adminApi();
            admin.createRealm(DemoRealm.copyNamed(REALM));
            String developers = admin.findGroupId(REALM, "/Developers").orElseThrow();
            String management = server.baseUrl() + "/admin/";
            for (String endpoint : List.of(management, "https://localhost:8443/t/scim/v2/", "http://127.0.0.1:9000/t/scim/v2/",
                    "https://[::1]/t/scim/v2/")) {
                ApiResponse refused = admin.send("PUT", API, body(endpoint, developers));
                assertThat(refused.status()).as(endpoint + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.json().path("field").asText()).isEqualTo("endpoint");
            }
            assertThat(admin.expect(200, "GET", API, null).json().path("configured").asBoolean()).as("nothing stored").isFalse();

            ObjectNode component = DemoRealm.JSON.createObjectNode().put("name", "probe")
                    .put("providerId", "kcaws-identity-center-scim").put("providerType", "dev.kcaws.identitycenter.ScimPushSettingsProvider");
            ObjectNode config = component.putObject("config");
            config.putArray("endpoint").add(management);
            config.putArray("token").add("some-token-1234");
            config.putArray("groupIds").add(developers);
            ApiResponse created = admin.send("POST", "/admin/realms/" + REALM + "/components", component);
            assertThat(created.status()).as(created.body()).isEqualTo(400);
            assertThat(created.json().path("errorMessage").asText()).contains("endpoint:");

            // Identity Center's own endpoint is accepted as always.
            admin.expect(200, "PUT", API, body("https://scim.us-east-1.amazonaws.com/a1b2c3d4-5678/scim/v2/", developers));
        }
    }

    static Map<String, Object> body(String endpoint, String group) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("endpoint", endpoint);
        body.put("token", "some-token-1234");
        body.put("groupIds", List.of(group));
        body.put("reconcileIntervalMinutes", 0);
        return body;
    }
}
