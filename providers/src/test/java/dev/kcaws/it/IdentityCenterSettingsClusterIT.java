package dev.kcaws.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.concurrency.Race;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM settings' one-component rule across two Keycloak nodes on one PostgreSQL database:
 * first PUTs and component creates split over both nodes at once store one component, which both
 * nodes then read.
 */
class IdentityCenterSettingsClusterIT {

    static final String REALM = "ic-settings-cluster";
    static final String API = "/admin/realms/" + REALM + "/aws/identity-center/scim";
    static final String TYPE = RacingScimSettings.TYPE;
    static final String COMPONENTS = "/admin/realms/" + REALM + "/components";

    static KeycloakCluster cluster;
    static List<AdminApi> nodes;
    static String developers;

    @BeforeAll
    static void cluster() {
        cluster = KeycloakCluster.start(2, List.of());
        nodes = List.of(cluster.node(0).adminApi(), cluster.node(1).adminApi());
        nodes.get(0).createRealm(DemoRealm.copyNamed(REALM));
        developers = nodes.get(0).findGroupId(REALM, "/Developers").orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static Map<String, Object> settings(int racer) {
        Map<String, Object> body = RacingScimSettings.body("node-racer", racer, developers);
        body.put("userNameSource", racer % 2 == 0 ? "EMAIL" : "USERNAME");
        return body;
    }

    static ObjectNode component(int racer) {
        return RacingScimSettings.component("node-racer", racer, developers);
    }

    static List<String> settingsComponents(AdminApi node) {
        return node.expect(200, "GET", COMPONENTS + "?type=" + TYPE, null).json().findValuesAsText("id");
    }

    @Test
    void firstSavesSplitOverTwoNodesStoreOneComponent() {
        for (int round = 0; round < 3; round++) {
            nodes.get(0).send("DELETE", API, null);
            for (AdminApi node : nodes) {
                assertThat(settingsComponents(node)).isEmpty();
            }
            List<ApiResponse> answers = Race.run(8, i -> i % 4 == 3
                    ? nodes.get(i % 2).send("POST", COMPONENTS, component(i))
                    : nodes.get(i % 2).send("PUT", API, settings(i)));
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).status()).as("round " + round + ", racer " + i + ": " + answers.get(i).body())
                        .isIn(i % 4 == 3 ? List.of(201, 409) : List.of(200));
            }
            List<String> stored = settingsComponents(nodes.get(0));
            assertThat(stored).as("round " + round).hasSize(1);
            assertThat(settingsComponents(nodes.get(1))).isEqualTo(stored);
            String endpoint = nodes.get(0).expect(200, "GET", API, null).json().path("endpoint").asText();
            assertThat(nodes.get(1).expect(200, "GET", API, null).json().path("endpoint").asText()).isEqualTo(endpoint);
        }
    }
}
