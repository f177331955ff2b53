package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session tags, transitive keys and source identity from user attributes, optional or required, as AWS sees them. */
class SessionTagsIT {

    static final String REALM = "tags-check";
    static AdminApi admin;
    static AwsLogin aws;
    static String mapperPath;
    static JsonNode mapper;

    @BeforeAll
    static void realm() {
        admin = SharedKeycloak.get().adminApi();
        admin.createRealm(DemoRealm.copyNamed(REALM));
        // Keycloak 26's user profile drops attributes it does not declare unless unmanaged ones are allowed.
        JsonNode profile = admin.expect(200, "GET", "/admin/realms/" + REALM + "/users/profile", null).json();
        ((ObjectNode) profile).put("unmanagedAttributePolicy", "ENABLED");
        admin.expect(200, "PUT", "/admin/realms/" + REALM + "/users/profile", profile);
        setAttributes("bob", Map.of("department", "Platform Eng", "costCenter", "CC-42", "employeeId", "E1001"));
        setAttributes("dave", Map.of("department", "<bad>", "employeeId", "aws:dave"));

        String clientId = admin.findClientByClientId(REALM, "urn:amazon:webservices").orElseThrow().path("id").asText();
        mapper = admin.expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + clientId + "/protocol-mappers/models", null).json().get(0);
        mapperPath = "/admin/realms/" + REALM + "/clients/" + clientId + "/protocol-mappers/models/" + mapper.path("id").asText();
        aws = AwsLogin.to(SharedKeycloak.get(), REALM);
    }

    @AfterAll
    static void cleanUp() {
        admin.deleteRealm(REALM);
    }

    static void setAttributes(String username, Map<String, String> attributes) {
        String id = admin.findUserId(REALM, username).orElseThrow();
        ObjectNode user = (ObjectNode) admin.expect(200, "GET", "/admin/realms/" + REALM + "/users/" + id, null).json();
        ObjectNode attrs = user.with("attributes");
        attributes.forEach((k, v) -> attrs.putArray(k).add(v));
        admin.expect(204, "PUT", "/admin/realms/" + REALM + "/users/" + id, user);
    }

    static void configure(Map<String, String> config) {
        ObjectNode changed = mapper.deepCopy();
        ObjectNode c = changed.putObject("config");
        config.forEach(c::put);
        admin.expect(204, "PUT", mapperPath, changed);
    }

    @Test
    void tagsTransitiveKeysAndSourceIdentityReachAws() {
        configure(Map.of("principalTags", "Department=department##CostCenter=costCenter", "transitiveTagKeys", "CostCenter",
                "sourceIdentity.attribute", "employeeId", "roleSessionName.attribute", "employeeId"));
        AwsSignIn bob = aws.plain(new BrowserSession(), "bob").accepted();
        assertThat(bob.principalTags()).containsEntry("Department", "Platform Eng").containsEntry("CostCenter", "CC-42").hasSize(2);
        assertThat(bob.transitiveTagKeys()).containsExactly("CostCenter");
        assertThat(bob.sourceIdentity()).isEqualTo("E1001");
        assertThat(bob.roleSessionName()).isEqualTo("E1001");

        // dave's values break AWS's rules: optional ones are left out, and the login still works.
        AwsSignIn dave = aws.plain(new BrowserSession(), "dave").accepted();
        assertThat(dave.principalTags()).isEmpty();
        assertThat(dave.transitiveTagKeys()).isEmpty();
        assertThat(dave.sourceIdentity()).isNull();
    }

    @Test
    void requiredValuesThatAwsWouldRejectStopTheLoginWithAClearPage() {
        configure(Map.of("principalTags", "Department=department", "principalTags.required", "true",
                "sourceIdentity.attribute", "employeeId", "sourceIdentity.required", "true"));
        var page = aws.plain(new BrowserSession(), "dave").refused();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorMessage()).contains("not valid for AWS");
        assertThat(aws.plain(new BrowserSession(), "bob").accepted().sourceIdentity()).isEqualTo("E1001");
    }

    @Test
    void aMalformedTagSettingIsRefusedByTheAdminApi() {
        ObjectNode changed = mapper.deepCopy();
        changed.putObject("config").put("principalTags", "no-equals-sign");
        var response = admin.send("PUT", mapperPath, changed);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("TagKey=userAttribute");
    }
}
