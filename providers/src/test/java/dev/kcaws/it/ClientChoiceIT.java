package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which AWS client serves a partition's shortcut links and access keys: the realm's default for the
 * partition, never changed by creating another client, and never picked silently among several.
 * Each test works on its own copy of the demo realm (one global client, no default stored, as an
 * older export).
 */
class ClientChoiceIT {

    static final String GLOBAL = "https://signin.aws.amazon.com/saml";
    /** A regional client whose client ID sorts before urn:amazon:webservices, as the old lowest-client-ID rule would pick it. */
    static final String EU = "https://eu-west-1.signin.aws.amazon.com/saml";

    static KeycloakServer server;
    static AdminApi admin;
    static AwsLikeSts sts;
    final List<String> realms = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = SharedKeycloak.get();
        admin = server.adminApi();
    }

    @AfterAll
    static void stop() {
        if (sts != null) {
            sts.close();
        }
    }

    @AfterEach
    void cleanUp() {
        realms.forEach(admin::deleteRealm);
    }

    String copyOfDemo(String name) {
        admin.createRealm(DemoRealm.copyNamed(name));
        realms.add(name);
        return name;
    }

    /** An STS that accepts assertions made for this audience by the realm's IdP, as IAM with the realm's metadata. */
    static void stsFor(String realm, String audience) {
        if (sts != null) {
            sts.close();
        }
        String metadata = new BrowserSession().get(server.baseUrl() + "/realms/" + realm + "/protocol/saml/descriptor").body();
        sts = AwsLikeSts.startOn(SharedKeycloak.stsPort(), AwsLikeServiceProvider.trustingIdpMetadata(metadata).withAudience(audience),
                Clock.systemUTC());
    }

    static String api(String realm) {
        return "/admin/realms/" + realm + "/aws";
    }

    static JsonNode awsClient(String realm, String clientId) {
        for (JsonNode c : admin.expect(200, "GET", api(realm) + "/clients", null).json()) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no AWS client " + clientId + " in " + realm);
    }

    static void createEuClient(String realm) {
        admin.expect(201, "POST", api(realm) + "/clients", Map.of("endpoint", "eu-west-1", "clientId", EU, "urlName", "aws-eu"));
    }

    /** Bob's shortcut to 222222222222/PowerUserAccess: where the browser was sent, judged by AWS with this audience. */
    static AwsLogin.Outcome shortcut(String realm, String audience) {
        return AwsLogin.to(server, realm).withAudience(audience).shortcut(new BrowserSession(), "bob", "222222222222", "PowerUserAccess", null);
    }

    static Page shortcutPage(String realm) {
        AwsLogin aws = AwsLogin.to(server, realm);
        return aws.open(new BrowserSession(), aws.shortcutUrl("222222222222", "PowerUserAccess", null), "bob").refused();
    }

    /** Bob presses Access keys for 222222222222/PowerUserAccess on his portal. */
    static Page accessKeys(String realm) {
        BrowserSession browser = new BrowserSession();
        String portal = server.baseUrl() + "/realms/" + realm + "/aws/";
        Page page = browser.get(portal);
        if (page.isLoginForm()) {
            page = browser.submitLogin(page, "bob", "bob");
        }
        Element button = page.document().selectFirst(
                ".kcaws-account[data-account-id=222222222222] .kcaws-role[data-role=PowerUserAccess] .kcaws-keys-button");
        String csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");
        return browser.post(portal + "credentials", Map.of("csrf", csrf, "access", button.attr("value")));
    }

    @Test
    void aSecondClientLeavesShortcutsAndAccessKeysOnTheFirstUntilTheDefaultIsSwitched() {
        String realm = copyOfDemo("choice-second");
        createEuClient(realm);

        assertThat(awsClient(realm, "urn:amazon:webservices").path("defaultClient").asBoolean()).as("the serving client is kept as the default").isTrue();
        assertThat(awsClient(realm, "urn:amazon:webservices").path("servesShortcuts").asBoolean()).isTrue();
        assertThat(awsClient(realm, EU).path("defaultClient").asBoolean()).isFalse();
        AwsLogin.Outcome before = shortcut(realm, "urn:amazon:webservices");
        assertThat(before.post().action()).isEqualTo(GLOBAL);
        before.accepted();
        stsFor(realm, "urn:amazon:webservices");
        Page keys = accessKeys(realm);
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);

        String euId = awsClient(realm, EU).path("id").asText();
        admin.expect(204, "PUT", api(realm) + "/clients/" + euId + "/default", null);
        assertThat(awsClient(realm, EU).path("defaultClient").asBoolean()).isTrue();
        assertThat(awsClient(realm, "urn:amazon:webservices").path("servesShortcuts").asBoolean()).isFalse();
        AwsLogin.Outcome after = shortcut(realm, EU);
        assertThat(after.post().action()).isEqualTo(EU);
        assertThat(after.accepted().rolePairs()).hasSize(1);
        stsFor(realm, EU);
        Page euKeys = accessKeys(realm);
        assertThat(euKeys.status()).as(euKeys.toString()).isEqualTo(200);

        // Yet another client of the partition changes nothing either.
        admin.expect(201, "POST", api(realm) + "/clients", Map.of("endpoint", "eu-central-1", "clientId", "urn:amazon:webservices:de", "urlName", "aws-de"));
        assertThat(shortcut(realm, EU).post().action()).isEqualTo(EU);
    }

    @Test
    void theFirstClientOfAPartitionBecomesItsDefault() {
        String realm = "choice-first";
        admin.expect(201, "POST", "/admin/realms", Map.of("realm", realm, "enabled", true));
        realms.add(realm);
        admin.expect(201, "POST", api(realm) + "/clients", Map.of("endpoint", "aws-us-gov"));
        admin.expect(201, "POST", api(realm) + "/clients", Map.of("endpoint", "eu-west-1", "clientId", EU, "urlName", "aws-eu"));
        admin.expect(201, "POST", api(realm) + "/clients", Map.of());
        assertThat(awsClient(realm, EU).path("defaultClient").asBoolean()).isTrue();
        assertThat(awsClient(realm, "urn:amazon:webservices").path("defaultClient").asBoolean()).isFalse();
        assertThat(awsClient(realm, "urn:amazon:webservices:govcloud").path("defaultClient").asBoolean()).isTrue();
        JsonNode model = admin.findClientByClientId(realm, "aws-access").orElseThrow();
        assertThat(model.path("attributes").path("kcaws.default-client.aws").asText()).isEqualTo(EU);
        assertThat(model.path("attributes").path("kcaws.default-client.aws-us-gov").asText()).isEqualTo("urn:amazon:webservices:govcloud");
    }

    @Test
    void twoClientsAndNoDefaultAreRefusedClearlyNotPicked() {
        String realm = copyOfDemo("choice-ambiguous");
        // A second AWS client made with Keycloak's own API (or an import): no default is stored for it.
        JsonNode rep = admin.expect(200, "GET", api(realm) + "/client-template?endpoint=eu-west-1&urlName=aws-eu&clientId="
                + URLEncoder.encode(EU, StandardCharsets.UTF_8), null).json();
        admin.expect(201, "POST", "/admin/realms/" + realm + "/clients", rep);

        Page refused = shortcutPage(realm);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.errorMessage()).contains("Several AWS clients of partition aws").contains("make one the default");
        Page keys = accessKeys(realm);
        assertThat(keys.status()).isEqualTo(503);
        assertThat(keys.errorMessage()).contains("Several AWS clients of partition aws");
        JsonNode defaults = admin.expect(200, "GET", api(realm) + "/clients/defaults", null).json();
        assertThat(defaults).singleElement().satisfies(d -> {
            assertThat(d.path("partition").asText()).isEqualTo("aws");
            assertThat(d.path("problem").asText()).isEqualTo("NOT_CHOSEN");
            assertThat(d.path("message").asText()).contains("make one the default");
        });

        // The admin chooses; then the chosen one is disabled: refused again, never the other one.
        String globalId = awsClient(realm, "urn:amazon:webservices").path("id").asText();
        admin.expect(204, "PUT", api(realm) + "/clients/" + globalId + "/default", null);
        assertThat(shortcut(realm, "urn:amazon:webservices").post().action()).isEqualTo(GLOBAL);
        ObjectNode global = (ObjectNode) admin.expect(200, "GET", "/admin/realms/" + realm + "/clients/" + globalId, null).json();
        global.put("enabled", false);
        admin.expect(204, "PUT", "/admin/realms/" + realm + "/clients/" + globalId, global);
        Page disabled = shortcutPage(realm);
        assertThat(disabled.status()).isEqualTo(503);
        assertThat(disabled.errorMessage()).contains("The AWS client chosen for partition aws is missing, disabled");
        assertThat(admin.expect(200, "GET", api(realm) + "/clients/defaults", null).json().get(0).path("problem").asText())
                .isEqualTo("CHOSEN_UNUSABLE");

        // Choosing a disabled or non-AWS client is refused.
        ApiResponse disabledChoice = admin.send("PUT", api(realm) + "/clients/" + globalId + "/default", null);
        assertThat(disabledChoice.status()).isEqualTo(400);
        assertThat(disabledChoice.json().path("field").asText()).isEqualTo("id");
        String portalId = admin.findClientByClientId(realm, "aws-portal").orElseThrow().path("id").asText();
        assertThat(admin.send("PUT", api(realm) + "/clients/" + portalId + "/default", null).status()).isEqualTo(400);
        assertThat(admin.send("PUT", api(realm) + "/clients/no-such-id/default", null).status()).isEqualTo(404);
    }

    @Test
    void theDefaultTravelsWithTheRealmAndImportRefusesABrokenOne() {
        ObjectNode realm = DemoRealm.copyNamed("choice-imported");
        ObjectNode eu = null;
        for (JsonNode c : realm.withArray("clients")) {
            if (c.path("clientId").asText().equals("urn:amazon:webservices")) {
                eu = ((ObjectNode) c).deepCopy();
            }
        }
        eu.remove("id");
        eu.put("clientId", EU);
        eu.put("baseUrl", "/realms/choice-imported/protocol/saml/clients/aws-eu");
        eu.putArray("redirectUris").add(EU);
        eu.with("attributes").put("saml_idp_initiated_sso_url_name", "aws-eu").put("saml_assertion_consumer_url_post", EU);
        for (JsonNode m : eu.withArray("protocolMappers")) {
            ((ObjectNode) m).remove("id");
        }
        ((ArrayNode) realm.withArray("clients")).add(eu);
        DemoRealm.modelAttributes(realm).put("kcaws.default-client.aws", "urn:amazon:webservices");
        admin.createRealm(realm);
        realms.add("choice-imported");
        assertThat(shortcut("choice-imported", "urn:amazon:webservices").post().action()).isEqualTo(GLOBAL);
        assertThat(awsClient("choice-imported", "urn:amazon:webservices").path("defaultClient").asBoolean()).isTrue();

        ObjectNode broken = DemoRealm.copyNamed("choice-broken");
        DemoRealm.modelAttributes(broken).put("kcaws.default-client.moon", "urn:amazon:webservices");
        ApiResponse refused = admin.send("POST", "/admin/realms", broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("defaultClient.partition");
        assertThat(admin.send("GET", "/admin/realms/choice-broken", null).status()).isEqualTo(404);
    }

    @Test
    void unusableClientFieldsAre400sNamingTheFieldAndCreateNothing() {
        String realm = copyOfDemo("choice-fields");
        int clientsBefore = admin.expect(200, "GET", "/admin/realms/" + realm + "/clients", null).json().size();
        Map<String, Map<String, String>> bad = Map.of(
                "endpoint", Map.of("endpoint", "us-gov-west-1", "clientId", "urn:amazon:webservices:gov", "urlName", "gov"),
                "endpoint ", Map.of("endpoint", "cn-north-1", "clientId", "urn:amazon:webservices:cn", "urlName", "cn"),
                "endpoint  ", Map.of("endpoint", "eu-moon-1", "clientId", "urn:amazon:webservices:moon", "urlName", "moon"),
                "clientId", Map.of("endpoint", "eu-west-1", "clientId", "my-aws", "urlName", "mine"),
                "clientId ", Map.of("endpoint", "eu-west-1", "clientId", "urn:amazon:webservices:\u0001", "urlName", "ctl"),
                "urlName", Map.of("endpoint", "eu-west-1", "clientId", "urn:amazon:webservices:eu", "urlName", "a/b"),
                "urlName ", Map.of("endpoint", "eu-west-1", "clientId", "urn:amazon:webservices:eu", "urlName", ".."));
        bad.forEach((field, body) -> {
            ApiResponse response = admin.send("POST", api(realm) + "/clients", body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.json().path("field").asText()).as(body.toString()).isEqualTo(field.trim());
        });
        ApiResponse taken = admin.send("POST", api(realm) + "/clients", Map.of("endpoint", "eu-west-1", "clientId", EU, "urlName", "amazon-aws"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("field").asText()).isEqualTo("urlName");
        for (String endpoint : List.of("us-gov-west-1", "cn-northwest-1", "atlantis-1")) {
            ApiResponse preview = admin.send("GET", api(realm) + "/client-template?endpoint=" + endpoint, null);
            assertThat(preview.status()).as(endpoint).isEqualTo(400);
            assertThat(preview.json().path("field").asText()).isEqualTo("endpoint");
        }
        assertThat(admin.expect(200, "GET", "/admin/realms/" + realm + "/clients", null).json().size()).isEqualTo(clientsBefore);
        assertThat(admin.findClientByClientId(realm, "aws-access").orElseThrow().path("attributes").has("kcaws.default-client.aws-us-gov")).isFalse();
    }
}
