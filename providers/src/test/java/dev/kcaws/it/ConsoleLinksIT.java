package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS page is found from Keycloak's admin console: the realm's aws-access client (what an admin
 * meets in the clients list) has the page as its Home URL and says what it is.
 */
class ConsoleLinksIT {

    @RegisterExtension
    static final ManagedRealm demo = ManagedRealm.imported("aws-demo");

    @Test
    void anImportedRealmsModelClientLinksTheAwsPageOpenOnThatRealm() {
        // The demo realm's export carries the description of earlier versions and no Home URL.
        JsonNode model = demo.admin().findClientByClientId("aws-demo", "aws-access").orElseThrow();
        assertThat(model.path("rootUrl").asText()).isEqualTo("${authBaseUrl}");
        assertThat(model.path("baseUrl").asText()).isEqualTo("/realms/master/aws/admin/#/aws-demo/accounts");
        assertThat(model.path("description").asText()).contains("Manage them on the AWS page (this client's Home URL)");
        // The link, as the console resolves it, opens the admin page.
        String page = demo.server().baseUrl() + "/realms/master/aws/admin/";
        assertThat(new BrowserSession().get(page).status()).isEqualTo(200);
    }

    @Test
    void theModelClientMadeByTheFirstAccountLinksItAndAnAdminsOwnHomeUrlIsKept() {
        String realm = "console-links";
        demo.admin().expect(201, "POST", "/admin/realms", Map.of("realm", realm, "enabled", true));
        try {
            demo.admin().expect(201, "POST", "/admin/realms/" + realm + "/aws/accounts", Map.of("id", "111111111111", "name", "acme-prod"));
            JsonNode model = demo.admin().findClientByClientId(realm, "aws-access").orElseThrow();
            assertThat(model.path("baseUrl").asText()).isEqualTo("/realms/master/aws/admin/#/console-links/accounts");

            // An admin's own Home URL survives a restart's pass over the realms and a realm import.
            JsonNode exported = demo.admin().expect(200, "POST", "/admin/realms/" + realm + "/partial-export?exportClients=true&exportGroupsAndRoles=true", null).json();
            demo.admin().deleteRealm(realm);
            exported.withArray("clients").forEach(c -> {
                if (c.path("clientId").asText().equals("aws-access")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("baseUrl", "https://wiki.example.com/aws");
                }
            });
            demo.admin().expect(201, "POST", "/admin/realms", exported);
            assertThat(demo.admin().findClientByClientId(realm, "aws-access").orElseThrow().path("baseUrl").asText())
                    .isEqualTo("https://wiki.example.com/aws");
        } finally {
            demo.admin().deleteRealm(realm);
        }
    }
}
