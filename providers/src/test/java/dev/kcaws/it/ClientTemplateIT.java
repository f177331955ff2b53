package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS client template: one admin call makes the client the demo realm ships, in any realm. */
class ClientTemplateIT {

    static final String REALM = "template-check";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.empty(REALM);

    static JsonNode client(String realmName, String clientId) {
        return realm.admin().findClientByClientId(realmName, clientId).orElseThrow();
    }

    static List<String> scopes(String realmName, JsonNode client, String kind) {
        return realm.admin().expect(200, "GET", "/admin/realms/" + realmName + "/clients/" + client.path("id").asText() + "/" + kind, null)
                .json().findValuesAsText("name");
    }

    @Test
    void theTemplatesClientEqualsTheDemoRealmsClient() {
        ApiResponse created = realm.admin().send("POST", "/admin/realms/" + REALM + "/aws/clients", Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode made = client(REALM, "urn:amazon:webservices");
        JsonNode demo = client("aws-demo", "urn:amazon:webservices");
        JsonNode template = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/aws/client-template", null).json();

        template.path("attributes").fieldNames().forEachRemaining(key ->
                assertThat(made.path("attributes").path(key).asText()).as(key)
                        .isEqualTo(demo.path("attributes").path(key).asText())
                        .isEqualTo(template.path("attributes").path(key).asText()));
        for (String field : List.of("clientId", "name", "protocol", "enabled", "fullScopeAllowed", "frontchannelLogout",
                "redirectUris")) {
            assertThat(made.path(field)).as(field).isEqualTo(demo.path(field));
        }
        // The description names the AWS page of its own realm.
        assertThat(made.path("description").asText()).endsWith("the AWS page, /realms/master/aws/admin/#/" + REALM + "/accounts")
                .isEqualTo(demo.path("description").asText().replace("aws-demo", REALM));
        assertThat(made.path("baseUrl").asText()).isEqualTo("/realms/" + REALM + "/protocol/saml/clients/amazon-aws");
        assertThat(made.path("fullScopeAllowed").asBoolean()).isFalse();
        for (String kind : List.of("default-client-scopes", "optional-client-scopes")) {
            assertThat(scopes(REALM, made, kind)).as(kind).isEmpty();
            assertThat(scopes("aws-demo", demo, kind)).as(kind).isEmpty();
        }
        assertThat(made.path("protocolMappers").findValuesAsText("protocolMapper")).containsExactly("aws-role-pair-mapper");
        assertThat(demo.path("protocolMappers").findValuesAsText("protocolMapper")).containsExactly("aws-role-pair-mapper");
        assertThat(made.path("attributes").path("saml_assertion_consumer_url_post").asText()).isEqualTo("https://signin.aws.amazon.com/saml");

        JsonNode check = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/authentication/required-actions/aws-access-check", null).json();
        assertThat(check.path("enabled").asBoolean()).isTrue();
        assertThat(realm.admin().findClientByClientId(REALM, "aws-access")).isPresent();

        ApiResponse again = realm.admin().send("POST", "/admin/realms/" + REALM + "/aws/clients", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errorMessage").asText()).contains("already exists");
    }

    @Test
    void regionalGovCloudAndChinaClients() {
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/clients",
                Map.of("endpoint", "eu-central-1", "clientId", "urn:amazon:webservices:eu", "urlName", "aws-eu"));
        assertThat(client(REALM, "urn:amazon:webservices:eu").path("attributes").path("saml_assertion_consumer_url_post").asText())
                .isEqualTo("https://eu-central-1.signin.aws.amazon.com/saml");
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/clients", Map.of("endpoint", "aws-us-gov"));
        JsonNode gov = client(REALM, "urn:amazon:webservices:govcloud");
        assertThat(gov.path("attributes").path("saml_assertion_consumer_url_post").asText()).isEqualTo("https://signin.amazonaws-us-gov.com/saml");
        assertThat(gov.path("attributes").path("saml_idp_initiated_sso_url_name").asText()).isEqualTo("amazon-aws-govcloud");
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/clients", Map.of("endpoint", "aws-cn", "clientId", "urn:amazon:webservices:cn"));
        assertThat(client(REALM, "urn:amazon:webservices:cn").path("attributes").path("saml_assertion_consumer_url_post").asText())
                .isEqualTo("https://signin.amazonaws.cn/saml");

        // The list of AWS clients names each with its partition, endpoint and IdP-initiated URL; other clients are not in it.
        JsonNode listed = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/aws/clients", null).json();
        JsonNode eu = null;
        for (JsonNode c : listed) {
            assertThat(c.path("clientId").asText()).as("only AWS clients").startsWith("urn:amazon:webservices");
            if (c.path("clientId").asText().equals("urn:amazon:webservices:eu")) {
                eu = c;
            }
        }
        assertThat(eu).isNotNull();
        assertThat(eu.path("partition").asText()).isEqualTo("aws");
        assertThat(eu.path("signinEndpoint").asText()).isEqualTo("https://eu-central-1.signin.aws.amazon.com/saml");
        assertThat(eu.path("idpInitiatedUrl").asText()).isEqualTo(realm.server().baseUrl() + "/realms/" + REALM + "/protocol/saml/clients/aws-eu");
        assertThat(eu.path("enabled").asBoolean()).isTrue();
        assertThat(listed.findValuesAsText("partition")).contains("aws-us-gov", "aws-cn");
    }

    @Test
    void badRequestsNameTheFieldAndCreateNothing() {
        int clientsBefore = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients", null).json().size();
        ApiResponse badRegion = realm.admin().send("POST", "/admin/realms/" + REALM + "/aws/clients", Map.of("endpoint", "atlantis-1"));
        assertThat(badRegion.status()).isEqualTo(400);
        assertThat(badRegion.json().path("field").asText()).isEqualTo("endpoint");
        ApiResponse badName = realm.admin().send("POST", "/admin/realms/" + REALM + "/aws/clients", Map.of("endpoint", "eu-west-1", "urlName", "a b"));
        assertThat(badName.json().path("field").asText()).isEqualTo("urlName");
        ApiResponse typo = realm.admin().send("POST", "/admin/realms/" + REALM + "/aws/clients", Map.of("endpont", "eu-west-1"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().path("field").asText()).isEqualTo("endpont");
        ApiResponse sameUrlName = realm.admin().send("POST", "/admin/realms/aws-demo/aws/clients",
                Map.of("clientId", "urn:amazon:webservices:other", "urlName", "amazon-aws"));
        assertThat(sameUrlName.status()).isEqualTo(409);
        assertThat(realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients", null).json().size()).isEqualTo(clientsBefore);
    }

    @Test
    void onlyAdminsWithRightsMayCallIt() throws Exception {
        String userId = realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/users", Map.of("username", "viewer", "enabled", true,
                "email", "viewer@example.com", "firstName", "V", "lastName", "W",
                "credentials", List.of(Map.of("type", "password", "value", "viewer", "temporary", false)))).createdId();
        UserToken plainUser = UserToken.of(realm.server().baseUrl(), REALM, "viewer", "viewer");
        assertThat(plainUser.status("GET", "/admin/realms/" + REALM + "/aws/accounts", null)).isEqualTo(403);
        assertThat(plainUser.status("POST", "/admin/realms/" + REALM + "/aws/clients", "{}")).isEqualTo(403);

        JsonNode realmManagement = client(REALM, "realm-management");
        JsonNode viewRealm = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + realmManagement.path("id").asText()
                + "/roles/view-realm", null).json();
        realm.admin().expect(204, "POST", "/admin/realms/" + REALM + "/users/" + userId + "/role-mappings/clients/"
                + realmManagement.path("id").asText(), List.of(viewRealm));
        UserToken viewer = UserToken.of(realm.server().baseUrl(), REALM, "viewer", "viewer");
        assertThat(viewer.status("GET", "/admin/realms/" + REALM + "/aws/accounts", null)).isEqualTo(200);
        assertThat(viewer.status("POST", "/admin/realms/" + REALM + "/aws/accounts",
                "{\"id\":\"555555555555\",\"name\":\"x\"}")).isEqualTo(403);
        assertThat(viewer.status("POST", "/admin/realms/" + REALM + "/aws/clients", "{}")).isEqualTo(403);
        assertThat(viewer.status("GET", "/admin/realms/aws-demo/aws/accounts", null)).as("another realm").isIn(401, 403);
    }
}
