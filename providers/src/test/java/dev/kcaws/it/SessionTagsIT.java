package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session tags, transitive keys and source identity from user attributes, optional or required, as AWS sees them. */
class SessionTagsIT {

    static final String REALM = "tags-check";
    static String mapperPath;
    static JsonNode mapper;

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    @BeforeAll
    static void attributesAndMapper() {
        AdminApi admin = realm.admin();
        // Keycloak 26's user profile drops attributes it does not declare unless unmanaged ones are allowed.
        realm.updateUserProfile(profile -> profile.put("unmanagedAttributePolicy", "ENABLED"));
        setAttributes("bob", Map.of("department", "Platform Eng", "costCenter", "CC-42", "employeeId", "E1001"));
        setAttributes("dave", Map.of("department", "<bad>", "employeeId", "aws:dave"));

        String clientId = admin.findClientByClientId(REALM, "urn:amazon:webservices").orElseThrow().path("id").asText();
        mapper = admin.expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + clientId + "/protocol-mappers/models", null).json().get(0);
        mapperPath = "/admin/realms/" + REALM + "/clients/" + clientId + "/protocol-mappers/models/" + mapper.path("id").asText();
    }

    static void setAttributes(String username, Map<String, String> attributes) {
        realm.updateUser(username, user -> {
            ObjectNode attrs = user.with("attributes");
            attributes.forEach((k, v) -> attrs.putArray(k).add(v));
        });
    }

    static void configure(Map<String, String> config) {
        ObjectNode changed = mapper.deepCopy();
        ObjectNode c = changed.putObject("config");
        config.forEach(c::put);
        realm.admin().expect(204, "PUT", mapperPath, changed);
    }

    @Test
    void tagsTransitiveKeysAndSourceIdentityReachAws() {
        configure(Map.of("principalTags", "Department=department##CostCenter=costCenter", "transitiveTagKeys", "CostCenter",
                "sourceIdentity.attribute", "employeeId", "roleSessionName.attribute", "employeeId"));
        AwsSignIn bob = realm.aws().plain(new BrowserSession(), "bob").accepted();
        assertThat(bob.principalTags()).containsEntry("Department", "Platform Eng").containsEntry("CostCenter", "CC-42").hasSize(2);
        assertThat(bob.transitiveTagKeys()).containsExactly("CostCenter");
        assertThat(bob.sourceIdentity()).isEqualTo("E1001");
        assertThat(bob.roleSessionName()).isEqualTo("E1001");

        // dave's values break AWS's rules: optional ones are left out, and the login still works.
        AwsSignIn dave = realm.aws().plain(new BrowserSession(), "dave").accepted();
        assertThat(dave.principalTags()).isEmpty();
        assertThat(dave.transitiveTagKeys()).isEmpty();
        assertThat(dave.sourceIdentity()).isNull();
    }

    @Test
    void requiredValuesThatAwsWouldRejectStopTheLoginWithAClearPage() {
        configure(Map.of("principalTags", "Department=department", "principalTags.required", "true",
                "sourceIdentity.attribute", "employeeId", "sourceIdentity.required", "true"));
        var page = realm.aws().plain(new BrowserSession(), "dave").refused();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorMessage()).contains("not valid for AWS");
        assertThat(realm.aws().plain(new BrowserSession(), "bob").accepted().sourceIdentity()).isEqualTo("E1001");
    }

    @Test
    void aMalformedTagSettingIsRefusedByTheAdminApi() {
        ObjectNode changed = mapper.deepCopy();
        changed.putObject("config").put("principalTags", "no-equals-sign");
        var response = realm.admin().send("PUT", mapperPath, changed);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("TagKey=userAttribute");
    }
}
