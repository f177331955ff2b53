package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.IdentityCenterLikeServiceProvider;
import dev.kcaws.testsupport.awssp.IdentityCenterRejection;
import dev.kcaws.testsupport.awssp.IdentityCenterSignIn;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.SamlPost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Identity Center SAML client made in one admin call, and sign-ins to an Identity Center-like
 * service provider through it: IdP-initiated (the launcher tile) and SP-initiated (Identity
 * Center's start URL), NameID = the provisioned userName per the realm's one setting, ABAC
 * attributes, and the refusal page for a user Identity Center could not match.
 */
class IdentityCenterSamlIT {

    static final String REALM = "ic-saml";
    static final String OTHER_REALM = "ic-saml-urls";
    static final String ISSUER = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367000001";
    static final String ACS = "https://eu-west-1.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String ACS_DUAL = "https://eu-west-1.sso.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String USER_NAME_SETTING = "kcaws.identity-center.user-name-source";

    static final List<String> EMAILS = List.of("alice@example.com", "bob@example.com", "dave@example.com", "frank.mail@example.com");

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).withEvents().withAdminEvents();
    @RegisterExtension
    static final ManagedRealm otherRealm = ManagedRealm.demoCopy(OTHER_REALM);
    static IdentityCenterLikeServiceProvider unconfigured;
    static ApiResponse created;
    static IdentityCenterLikeServiceProvider identityCenter;

    @BeforeAll
    static void usersAndClient() {
        AdminApi admin = realm.admin();
        realm.updateUserProfile(profile -> {
            profile.put("unmanagedAttributePolicy", "ENABLED");
            // A realm where email is optional, so a user without one signs in without a profile form.
            profile.path("attributes").forEach(a -> {
                if ("email".equals(a.path("name").asText())) {
                    ((ObjectNode) a).remove("required");
                }
            });
        });
        setAttribute("bob", "costCenter", "CC-42");
        setAttribute("dave", "costCenter", "<not a tag value>");
        ObjectNode noEmail = DemoRealm.JSON.createObjectNode().put("username", "nomail").put("enabled", true)
                .put("firstName", "No").put("lastName", "Mail");
        admin.setUserPassword(REALM, admin.createUser(REALM, noEmail), "nomail");
        ObjectNode frank = DemoRealm.JSON.createObjectNode().put("username", "frank@corp.example").put("enabled", true)
                .put("email", "frank.mail@example.com").put("emailVerified", true).put("firstName", "Frank").put("lastName", "Test");
        admin.setUserPassword(REALM, admin.createUser(REALM, frank), "frank@corp.example");

        unconfigured = IdentityCenterLikeServiceProvider.instance(ISSUER, ACS, ACS_DUAL);
        ObjectNode body = DemoRealm.JSON.createObjectNode().put("metadata", unconfigured.metadataXml());
        body.putArray("attributes").addObject().put("key", "CostCenter").put("userAttribute", "costCenter");
        created = admin.send("POST", api(REALM), body);
        String idpMetadata = new BrowserSession().get(realm.url() + "/protocol/saml/descriptor").body();
        identityCenter = unconfigured.trustingIdpMetadata(idpMetadata)
                .withProvisionedUsers(EMAILS);
    }

    static String api(String realmName) {
        return "/admin/realms/" + realmName + "/aws/identity-center/saml-client";
    }

    static void setAttribute(String username, String name, String value) {
        realm.updateUser(username, user -> user.with("attributes").putArray(name).add(value));
    }

    static void setUserNameSource(String value) {
        ObjectNode representation = (ObjectNode) realm.admin().expect(200, "GET", "/admin/realms/" + REALM, null).json();
        representation.with("attributes").put(USER_NAME_SETTING, value);
        realm.admin().expect(204, "PUT", "/admin/realms/" + REALM, representation);
    }

    /** Opens the URL, signs in (password = username) and returns the page Keycloak ends on. */
    static Page signIn(BrowserSession browser, String url, String username) {
        Page page = browser.get(url);
        return page.isLoginForm() ? browser.submitLogin(page, username, username) : page;
    }

    static IdentityCenterSignIn accepted(Page page) {
        SamlPost post = page.samlPost();
        try {
            return identityCenter.accept(post.samlResponse(), post.relayState(), post.action());
        } catch (IdentityCenterRejection e) {
            throw new AssertionError("Identity Center would refuse what Keycloak sent: " + e.getMessage(), e);
        }
    }

    static String idpInitiatedUrl() {
        return realm.url() + "/protocol/saml/clients/aws-identity-center";
    }

    @Test
    void metadataMakesTheClientInOneCall() {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location").orElseThrow()).isEqualTo(realm.admin().baseUrl() + "/admin/realms/" + REALM + "/clients/" + id);
        assertThat(created.json().path("clientId").asText()).isEqualTo(ISSUER);
        assertThat(created.json().path("idpInitiatedUrl").asText()).isEqualTo(idpInitiatedUrl());
        assertThat(created.json().path("acsUrls")).extracting(JsonNode::asText).containsExactly(ACS, ACS_DUAL);
        assertThat(created.json().path("userNameSource").asText()).isEqualTo("EMAIL");
        assertThat(created.json().path("idpMetadataUrl").asText()).isEqualTo(realm.url() + "/protocol/saml/descriptor");

        JsonNode client = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + id, null).json();
        assertThat(client.path("protocol").asText()).isEqualTo("saml");
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(client.path("redirectUris")).extracting(JsonNode::asText).containsExactlyInAnyOrder(ACS, ACS_DUAL);
        JsonNode attributes = client.path("attributes");
        assertThat(attributes.path("saml_assertion_consumer_url_post").asText()).isEqualTo(ACS);
        assertThat(attributes.path("saml_name_id_format").asText()).isEqualTo("email");
        assertThat(attributes.path("saml.assertion.signature").asText()).isEqualTo("true");
        assertThat(attributes.path("saml.server.signature").asText()).isEqualTo("true");
        assertThat(attributes.path("saml.signature.algorithm").asText()).isEqualTo("RSA_SHA256");
        assertThat(attributes.path("saml_idp_initiated_sso_url_name").asText()).isEqualTo("aws-identity-center");
        assertThat(client.path("protocolMappers")).extracting(m -> m.path("protocolMapper").asText())
                .containsExactlyInAnyOrder("kcaws-identity-center-nameid-mapper", "kcaws-identity-center-access-control-mapper");
        assertThat(realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + id + "/default-client-scopes", null).json()).isEmpty();
        assertThat(realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + id + "/optional-client-scopes", null).json()).isEmpty();

        JsonNode current = realm.admin().expect(200, "GET", api(REALM), null).json();
        assertThat(current.path("id").asText()).isEqualTo(id);
        assertThat(current.path("attributes").get(0).path("key").asText()).isEqualTo("CostCenter");

        List<String> events = new ArrayList<>();
        realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/admin-events?max=50", null).json()
                .forEach(e -> events.add(e.path("operationType").asText() + " " + e.path("resourceType").asText() + " " + e.path("resourcePath").asText()));
        assertThat(events).contains("CREATE CLIENT clients/" + id);

        // One per realm: a second call is a conflict that names the client, and changes nothing.
        ApiResponse again = realm.admin().send("POST", api(REALM), Map.of("metadata", unconfigured.metadataXml()));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("errorMessage").asText()).contains(ISSUER);
    }

    @Test
    void acsUrlAndIssuerMakeTheClientToo() {
        assertThat(realm.admin().send("GET", api(OTHER_REALM), null).status()).isEqualTo(404);
        ApiResponse response = realm.admin().send("POST", api(OTHER_REALM), Map.of("acsUrl", ACS_DUAL, "issuer", ISSUER,
                "accessPortalUrl", "https://d-9367000001.awsapps.com/start", "urlName", "identity-center"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("idpInitiatedUrl").asText()).endsWith("/realms/" + OTHER_REALM + "/protocol/saml/clients/identity-center");
        assertThat(response.json().path("accessPortalUrl").asText()).isEqualTo("https://d-9367000001.awsapps.com/start");
        JsonNode client = realm.admin().expect(200, "GET", "/admin/realms/" + OTHER_REALM + "/clients/" + response.createdId(), null).json();
        assertThat(client.path("clientId").asText()).isEqualTo(ISSUER);
        assertThat(client.path("attributes").path("saml_assertion_consumer_url_post").asText()).isEqualTo(ACS_DUAL);
        assertThat(client.path("baseUrl").asText()).isEqualTo("https://d-9367000001.awsapps.com/start");
        assertThat(client.path("protocolMappers")).extracting(m -> m.path("protocolMapper").asText())
                .containsExactly("kcaws-identity-center-nameid-mapper");
        assertThat(realm.admin().expect(200, "GET", api(OTHER_REALM), null).json().path("clientId").asText()).isEqualTo(ISSUER);
    }

    @Test
    void everyBadInputIsA400NamingItsFieldsAndCreatesNothing() {
        String bad = "ic-saml-bad";
        realm.admin().createRealm(DemoRealm.copyNamed(bad));
        try {
            int clientsBefore = realm.admin().expect(200, "GET", "/admin/realms/" + bad + "/clients", null).json().size();
            ArrayNode tooMany = DemoRealm.JSON.createArrayNode();
            for (int i = 0; i <= 50; i++) {
                tooMany.addObject().put("key", "Key" + i).put("userAttribute", "attr" + i);
            }
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&e;\"/>";
            Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
            cases.put("{}", new Object[] {List.of("metadata")});
            cases.put("[]", new Object[] {List.of("body")});
            cases.put("not json", new Object[] {List.of("body")});
            cases.put(json(Map.of("metadata", xxe)), new Object[] {List.of("metadata"), "DOCTYPE"});
            cases.put(json(Map.of("metadata", "<html/>")), new Object[] {List.of("metadata")});
            cases.put(json(Map.of("metadata", unconfigured.metadataXml(), "acsUrl", ACS)), new Object[] {List.of("metadata")});
            cases.put(json(Map.of("acsUrl", ISSUER, "issuer", ACS)), new Object[] {List.of("issuer", "acsUrl")});
            cases.put(json(Map.of("acsUrl", ACS)), new Object[] {List.of("issuer")});
            cases.put(json(Map.of("acsUrl", "https://evil.example/acs", "issuer", ISSUER, "urlName", "../x", "name", "a\u0000b",
                    "accessPortalUrl", "https://evil.example/start",
                    "attributes", List.of(Map.of("key", "aws:team", "userAttribute", "team"), Map.of("key", "Team", "userAttribute", "")))),
                    new Object[] {List.of("acsUrl", "attributes[0].key", "attributes[1].userAttribute", "urlName", "name", "accessPortalUrl")});
            cases.put("{\"acsUrl\":\"" + ACS + "\",\"issuer\":\"" + ISSUER + "\",\"attributes\":" + tooMany + "}", new Object[] {List.of("attributes")});
            cases.put("{\"acsUrl\":\"" + ACS + "\",\"issuer\":\"" + ISSUER + "\",\"attributes\":[null]}", new Object[] {List.of("attributes")});
            cases.put("{\"acsUrl\":\"" + ACS + "\",\"issuer\":\"" + ISSUER + "\",\"extra\":1}", new Object[] {List.of("extra")});
            cases.put("{\"acsUrl\":42,\"issuer\":\"" + ISSUER + "\"}", new Object[] {List.of("acsUrl")});
            cases.forEach((body, expected) -> {
                ApiResponse response = realm.admin().send("POST", api(bad), body);
                assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
                List<String> fields = new ArrayList<>();
                JsonNode errors = response.json().path("errors");
                if (errors.isArray() && !errors.isEmpty()) {
                    errors.forEach(e -> fields.add(e.path("field").asText()));
                } else {
                    fields.add(response.json().path("field").asText());
                }
                @SuppressWarnings("unchecked")
                List<String> expectedFields = (List<String>) expected[0];
                assertThat(fields).as(body + " -> " + response.body()).containsExactlyInAnyOrderElementsOf(expectedFields);
                if (expected.length > 1) {
                    assertThat(response.body()).contains((String) expected[1]).doesNotContain("root:x");
                }
            });
            assertThat(realm.admin().send("GET", api(bad), null).status()).isEqualTo(404);
            assertThat(realm.admin().expect(200, "GET", "/admin/realms/" + bad + "/clients", null).json().size()).isEqualTo(clientsBefore);
        } finally {
            realm.admin().deleteRealm(bad);
        }
    }

    static String json(Object value) {
        try {
            return DemoRealm.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void idpInitiatedSignInCarriesTheEmailThenTheUsernameWhenTheSettingSaysSo() {
        IdentityCenterSignIn alice = accepted(signIn(new BrowserSession(), idpInitiatedUrl(), "alice"));
        assertThat(alice.userName()).isEqualTo("alice@example.com");
        assertThat(alice.nameIdFormat()).isEqualTo(IdentityCenterLikeServiceProvider.NAME_ID_EMAIL);
        assertThat(alice.inResponseTo()).isNull();
        // No stray attribute: only what the client's own mappers send (alice has no costCenter).
        assertThat(alice.attributeNames()).isEmpty();
        assertThat(accepted(signIn(new BrowserSession(), idpInitiatedUrl(), "frank@corp.example")).userName()).isEqualTo("frank.mail@example.com");

        // The one setting switched: the next sign-in's NameID is the username (what the SCIM push then provisions).
        setUserNameSource("USERNAME");
        try {
            identityCenter = identityCenter.withProvisionedUsers(List.of("alice", "frank@corp.example"));
            assertThat(accepted(signIn(new BrowserSession(), idpInitiatedUrl(), "frank@corp.example")).userName()).isEqualTo("frank@corp.example");
            assertThat(realm.admin().expect(200, "GET", api(REALM), null).json().path("userNameSource").asText()).isEqualTo("USERNAME");
            // A username that is no address: Identity Center would refuse it, so Keycloak says why and sends nothing.
            Page refused = signIn(new BrowserSession(), idpInitiatedUrl(), "alice");
            assertThat(refused.document().selectFirst("input[name=SAMLResponse]")).as("nothing sent to Identity Center").isNull();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorMessage()).contains("alice").contains("accepts only an email address");
        } finally {
            setUserNameSource("EMAIL");
            identityCenter = identityCenter.withProvisionedUsers(EMAILS);
        }
    }

    @Test
    void spInitiatedSignInFromTheStartUrlAnswersTheRequestAtItsAcsUrl() {
        for (String acs : List.of(ACS, ACS_DUAL)) {
            BrowserSession browser = new BrowserSession();
            String url = identityCenter.authnRequestUrl(realm.url() + "/protocol/saml", acs, "https://d-9367000001.awsapps.com/start");
            Page page = signIn(browser, url, "bob");
            assertThat(page.samlPost().action()).isEqualTo(acs);
            IdentityCenterSignIn bob = accepted(page);
            assertThat(bob.userName()).isEqualTo("bob@example.com");
            assertThat(bob.inResponseTo()).isNotNull();
            assertThat(bob.relayState()).isEqualTo("https://d-9367000001.awsapps.com/start");
        }
    }

    @Test
    void accessControlAttributesReachIdentityCenterAndAValueStsRefusesStopsTheSignIn() {
        IdentityCenterSignIn bob = accepted(signIn(new BrowserSession(), idpInitiatedUrl(), "bob"));
        assertThat(bob.accessControl()).containsExactly(Map.entry("CostCenter", "CC-42"));

        Page dave = signIn(new BrowserSession(), idpInitiatedUrl(), "dave");
        assertThat(dave.document().selectFirst("input[name=SAMLResponse]")).as("nothing sent to Identity Center").isNull();
        assertThat(dave.status()).isEqualTo(403);
        assertThat(dave.errorMessage()).contains("CostCenter").contains("not valid for AWS");

        // In dave's language, the broken rule too (not English inside a Korean sentence).
        setAttribute("dave", "locale", "ko");
        try {
            Page korean = signIn(new BrowserSession(), idpInitiatedUrl(), "dave");
            assertThat(korean.status()).isEqualTo(403);
            assertThat(korean.errorMessage()).contains("액세스 제어 속성 CostCenter의 값이 AWS에서 유효하지 않습니다")
                    .contains("'CostCenter'의 값은 영문자, 숫자, 공백, _.:/=+-@ 로 된 최대 256자여야 합니다.").doesNotContain("must be");
        } finally {
            realm.updateUser("dave", user -> ((com.fasterxml.jackson.databind.node.ObjectNode) user.with("attributes")).remove("locale"));
        }
    }

    @Test
    void aUserWithoutEmailGetsThePageAndAnAccessDeniedEventNotAnEmptyNameId() {
        Page page = signIn(new BrowserSession(), idpInitiatedUrl(), "nomail");
        assertThat(page.document().selectFirst("input[name=SAMLResponse]")).as("nothing sent to Identity Center").isNull();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorMessage()).contains("no email address");

        String id = realm.admin().findUserId(REALM, "nomail").orElseThrow();
        List<JsonNode> denied = new ArrayList<>();
        realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/events?user=" + id, null).json().forEach(e -> {
            if ("access_denied".equals(e.path("error").asText())) {
                denied.add(e);
            }
        });
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).path("details").path("reason").asText()).isEqualTo("no_identity_center_user_name");
    }

    @Test
    void theLauncherPortalShowsIdentityCenterAsATileToItsSignIn() {
        BrowserSession browser = new BrowserSession();
        Page portal = signIn(browser, realm.url() + "/aws/", "alice");
        var tile = portal.document().select("#kcaws-apps .kcaws-app a").stream()
                .filter(a -> a.text().equals("AWS IAM Identity Center")).findFirst();
        assertThat(tile).as(portal.toString()).isPresent();
        assertThat(tile.get().absUrl("href")).isEqualTo(idpInitiatedUrl());
        // The tile signs in straight away: the portal's session is Keycloak's SSO session.
        assertThat(accepted(browser.get(tile.get().absUrl("href"))).userName()).isEqualTo("alice@example.com");
    }
}
