package dev.kcaws.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.identitycenter.push.PushEventListenerProviderFactory;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup other parts depend on (model guard, guard of Keycloak's own client endpoints, the admin
 * page client) does not belong to one provider: with the admin API, the realm resource and the
 * push's event listener all disabled (only the SAML mappers, the required action and the push's
 * tables and settings type left to register it), a bad model is still refused; with the realm
 * resource disabled the admin page client is still created. Each test starts its own server, since
 * a provider is enabled or not for a server's whole life.
 */
class SetupWithProviderDisabledIT {

    @Test
    void withTheAdminApiTheRealmResourceAndThePushDisabledABadModelIsStillRefused() {
        try (KeycloakServer server = KeycloakServer.fromBuild()
                .withOption("--spi-admin-realm-restapi-extension--aws--enabled=false")
                .withOption("--spi-realm-restapi-extension--aws--enabled=false")
                .withOption("--spi-events-listener--" + PushEventListenerProviderFactory.PROVIDER_ID + "--enabled=false").start()) {
            AdminApi admin = server.adminApi();
            assertThat(admin.get("/admin/realms/master/aws/accounts").status()).as("the provider is disabled").isEqualTo(404);
            assertThat(admin.get("/realms/master/aws/admin").status()).as("the provider is disabled").isEqualTo(404);
            assertBadImportRefused(admin, "no-admin-api");
            assertOwnClientEndpointGuarded(admin, "no-admin-api-ok");
        }
    }

    @Test
    void withTheRealmResourceDisabledABadModelIsStillRefusedAndTheAdminPageClientExists() {
        try (KeycloakServer server = KeycloakServer.fromBuild().withOption("--spi-realm-restapi-extension--aws--enabled=false").start()) {
            AdminApi admin = server.adminApi();
            assertThat(server.adminApi().get("/realms/master/aws/admin").status()).as("the provider is disabled").isEqualTo(404);
            assertBadImportRefused(admin, "no-realm-resource");
            assertThat(admin.findClientByClientId("master", "aws-admin-console")).as("the admin page client in the admin realm").isPresent();
        }
    }

    private static void assertBadImportRefused(AdminApi admin, String realmName) {
        ObjectNode realm = DemoRealm.copyNamed(realmName);
        DemoRealm.modelAttributes(realm).put("kcaws.permission-set.Billing", "{\"sessionDuration\":60}");
        ApiResponse response = admin.send("POST", "/admin/realms", realm);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errorMessage").asText()).contains("permissionSet.sessionDuration");
        assertThat(admin.get("/admin/realms/" + realmName).status()).as("nothing of the realm is kept").isEqualTo(404);
    }

    /** Keycloak's own client endpoint may not change the model (KeycloakApiGuard). */
    private static void assertOwnClientEndpointGuarded(AdminApi admin, String realmName) {
        admin.createRealm(DemoRealm.copyNamed(realmName));
        ObjectNode client = (ObjectNode) admin.findClientByClientId(realmName, "aws-access").orElseThrow();
        ((ObjectNode) client.path("attributes")).put("kcaws.permission-set.Sneaky", "{}");
        ApiResponse response = admin.send("PUT", "/admin/realms/" + realmName + "/clients/" + client.path("id").asText(), client);
        assertThat(response.status()).as(response.body()).isEqualTo(403);
    }
}
