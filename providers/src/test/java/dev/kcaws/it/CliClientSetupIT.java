package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.DeviceSignIn;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realm set up before the CLI existed (the portal's client, no {@code aws-cli}) gets the CLI's
 * client when the server starts, and the device sign-in works there; a realm without the bundle's
 * page clients gets none. Its own server: the set-up runs at start-up.
 */
class CliClientSetupIT {

    @Test
    void aRealmWithThePortalButNoCliClientGetsItAtStartUp() throws IOException {
        ObjectNode realm = DemoRealm.copyNamed("before-cli");
        ArrayNode clients = realm.withArray("clients");
        for (int i = clients.size() - 1; i >= 0; i--) {
            if ("aws-cli".equals(clients.get(i).path("clientId").asText())) {
                clients.remove(i);
            }
        }
        Path file = Files.createTempFile("before-cli", ".json");
        Files.writeString(file, DemoRealm.JSON.writeValueAsString(realm));
        try (KeycloakServer server = KeycloakServer.fromBuild().withRealmFile(file).start()) {
            AdminApi admin = server.adminApi();
            assertThat(admin.findClientByClientId("before-cli", "aws-portal")).isPresent();
            JsonNode cli = admin.findClientByClientId("before-cli", "aws-cli").orElseThrow();
            assertThat(cli.path("publicClient").asBoolean()).isTrue();
            assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(cli.path("attributes").path("oauth2.device.authorization.grant.enabled").asText()).isEqualTo("true");
            assertThat(admin.findClientByClientId("master", "aws-cli")).as("no page clients in master: no CLI client").isEmpty();

            String token = DeviceSignIn.signIn(server.baseUrl() + "/realms/before-cli", "aws-cli", "bob", "bob").accessToken();
            assertThat(token).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
