package dev.kcaws.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the harness itself: the shared server runs the bundle's jars and realms, and a
 * browser session can log in and receive a SAML POST.
 */
class KeycloakServerIT {

    private static final String TEST_REALM = "harness-it";
    private static final String ACS_URL = "http://localhost:9/harness/acs";

    private static KeycloakServer server;
    private static AdminApi admin;

    @BeforeAll
    static void startServer() {
        server = SharedKeycloak.get();
        admin = server.adminApi();
    }

    @AfterAll
    static void removeTestRealm() {
        if (admin != null) {
            admin.deleteRealm(TEST_REALM);
        }
    }

    @Test
    void loadsTheBundleThemes() throws IOException {
        JsonNode descriptor = jarJson(BuildArtifacts.fromSystemProperties().themesJar(), "META-INF/keycloak-themes.json");
        assumeTrue(descriptor != null, "the themes jar declares no themes yet (no META-INF/keycloak-themes.json)");

        JsonNode serverThemes = admin.expect(200, "GET", "/admin/serverinfo", null).json().path("themes");
        for (JsonNode theme : descriptor.path("themes")) {
            for (JsonNode type : theme.path("types")) {
                assertThat(names(serverThemes.path(type.asText())))
                        .as("%s themes known to Keycloak", type.asText())
                        .contains(theme.path("name").asText());
            }
        }
    }

    @Test
    void loadsTheBundleProviders() throws IOException {
        // TODO: once more providers exist, assert one id per SPI the providers jar registers.
        assumeTrue(jarHas(BuildArtifacts.fromSystemProperties().providersJar(), "META-INF/services/org.keycloak.protocol.ProtocolMapper"),
                "the providers jar registers no protocol mapper yet");

        JsonNode mappers = admin.expect(200, "GET", "/admin/serverinfo", null).json()
                .path("providers").path("protocol-mapper").path("providers");
        assertThat(names(mappers)).contains("aws-role-pair-mapper");
    }

    @Test
    void servesTheDemoRealm() {
        assumeTrue(SharedKeycloak.realmExports().stream().anyMatch(f -> f.getFileName().toString().equals("aws-demo-realm.json")),
                "realm-export/aws-demo-realm.json does not exist yet");

        assertThat(new BrowserSession().get(server.baseUrl() + "/realms/aws-demo").status()).isEqualTo(200);
    }

    @Test
    void browserLogsInThroughKeycloakAndGetsTheSamlPost() {
        admin.deleteRealm(TEST_REALM);
        admin.createRealm("""
                {
                  "realm": "%s",
                  "enabled": true,
                  "groups": [{"name": "testers"}],
                  "clients": [{
                    "clientId": "urn:harness:sp",
                    "protocol": "saml",
                    "enabled": true,
                    "attributes": {
                      "saml_idp_initiated_sso_url_name": "harness-sp",
                      "saml_assertion_consumer_url_post": "%s",
                      "saml.client.signature": "false",
                      "saml_name_id_format": "username",
                      "saml_force_name_id_format": "true"
                    }
                  }]
                }
                """.formatted(TEST_REALM, ACS_URL));
        String userId = admin.createUser(TEST_REALM, "harness-user", "harness-pass-1");
        admin.addUserToGroup(TEST_REALM, userId, admin.findGroupId(TEST_REALM, "/testers").orElseThrow());
        assertThat(admin.findUserId(TEST_REALM, "harness-user")).contains(userId);
        assertThat(admin.findClientByClientId(TEST_REALM, "urn:harness:sp")).isPresent();

        String idpInitiated = server.baseUrl() + "/realms/" + TEST_REALM + "/protocol/saml/clients/harness-sp";
        BrowserSession browser = new BrowserSession();
        Page loginPage = browser.get(idpInitiated);
        assertThat(loginPage.isLoginForm()).as("%s", loginPage).isTrue();

        Page rejected = browser.submitLogin(loginPage, "harness-user", "wrong");
        assertThat(rejected.isLoginForm()).isTrue();
        assertThat(rejected.errorMessage()).isEqualTo("Invalid username or password.");

        // Keycloak's login cookies are Secure even on http://localhost; the session must send them back.
        SamlPost post = browser.submitLogin(rejected, "harness-user", "harness-pass-1").samlPost();
        assertThat(post.action()).isEqualTo(ACS_URL);
        assertThat(post.responseXml()).contains("Destination=\"" + ACS_URL + "\"").contains(">harness-user<");
        assertThat(browser.cookie("KEYCLOAK_IDENTITY")).isPresent();

        // The SSO session is kept: a second visit goes straight to the SAML POST.
        assertThat(browser.login(idpInitiated, "harness-user", "unused").samlPost().action()).isEqualTo(ACS_URL);
    }

    /** Names in a serverinfo section: object keys, or "name" fields of an array. */
    private static List<String> names(JsonNode section) {
        List<String> names = new ArrayList<>();
        if (section.isArray()) {
            section.forEach(item -> names.add(item.path("name").asText()));
        } else {
            section.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static boolean jarHas(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        }
    }

    private static JsonNode jarJson(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry found = file.getEntry(entry);
            return found == null ? null : new ObjectMapper().readTree(file.getInputStream(found));
        }
    }
}
