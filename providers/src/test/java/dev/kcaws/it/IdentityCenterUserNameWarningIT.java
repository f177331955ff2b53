package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * USERNAME as the Identity Center user name in a realm whose usernames are not email addresses (the
 * demo realm's alice, bob, …): the settings API answers a warning counting the users in scope that
 * Identity Center could not sign in, with a few examples; it still saves.
 */
class IdentityCenterUserNameWarningIT {

    static final String REALM = "ic-username-warning";
    static final String API = "/admin/realms/" + REALM + "/aws/identity-center/scim";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);
    static String developers;
    static String everyone;
    static String contractors;
    static AdminApi viewer;

    @BeforeAll
    static void membersAndViewer() {
        developers = realm.groupId("/Developers");
        everyone = realm.groupId("/Everyone");
        // A sub-group of Developers: its members are pushed with Developers, so they count.
        contractors = realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/groups/" + developers + "/children",
                Map.of("name", "Contractors")).createdId();
        member("zed-contractor", contractors);
        member("yan.contractor@example.com", contractors);
        for (String name : List.of("usr6", "usr5", "usr4", "usr3", "usr2", "usr1")) {
            member(name, everyone);
        }
        member("first.last@example.com", everyone);
        member("two@at@example.com", everyone);
        member("trailing.dot@example.com.", everyone);
        viewer = RealmAdmins.create(realm.server(), REALM, "ic-warning-viewer", "view-realm");
    }

    static void member(String username, String group) {
        ObjectNode user = DemoRealm.JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", username.replaceAll("[^a-z0-9]", "") + "@mail.example.com");
        realm.admin().addUserToGroup(REALM, realm.admin().createUser(REALM, user), group);
    }

    static Map<String, Object> settings(String userNameSource, List<String> groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", !groups.isEmpty());
        body.put("endpoint", "https://scim.us-east-1.amazonaws.com/warning-tenant/scim/v2/");
        body.put("token", "warning-token-1");
        body.put("groupIds", groups);
        body.put("userNameSource", userNameSource);
        return body;
    }

    @Test
    void usernameCountsThePushedGroupsAndTheirSubGroups() {
        JsonNode saved = realm.admin().expect(200, "PUT", API, settings("USERNAME", List.of(developers))).json();
        JsonNode read = realm.admin().expect(200, "GET", API, null).json();
        for (JsonNode answer : List.of(saved, read)) {
            JsonNode warning = answer.path("userNameWarning");
            assertThat(warning.path("scope").asText()).as(answer.toString()).isEqualTo("GROUPS");
            // bob (Developers) and zed-contractor (its sub-group); yan.contractor@example.com is an address.
            assertThat(warning.path("count").asLong()).isEqualTo(2);
            assertThat(warning.path("examples")).extracting(JsonNode::asText).containsExactly("bob", "zed-contractor");
        }
        assertThat(saved.path("userNameSource").asText()).as("a warning, not a refusal").isEqualTo("USERNAME");
    }

    @Test
    void atMostFiveExamplesInOrderAndTheCountOfAll() {
        JsonNode warning = realm.admin().expect(200, "PUT", API, settings("USERNAME", List.of(everyone))).json().path("userNameWarning");
        // alice, bob, carol, dave, usr1…usr6, and two addresses Identity Center refuses (two @, a trailing dot).
        assertThat(warning.path("count").asLong()).isEqualTo(12);
        assertThat(warning.path("examples")).extracting(JsonNode::asText).containsExactly("alice", "bob", "carol", "dave", "trailing.dot@example.com.");
    }

    @Test
    void withoutGroupsTheWholeRealmIsCounted() {
        JsonNode warning = realm.admin().expect(200, "PUT", API, settings("USERNAME", List.of())).json().path("userNameWarning");
        assertThat(warning.path("scope").asText()).isEqualTo("REALM");
        // Every user but the two addresses, service accounts left out: the demo's five, zed-contractor, usr1…usr6,
        // the two refused, ic-warning-viewer.
        assertThat(warning.path("count").asLong()).isEqualTo(15);
    }

    @Test
    void emailAsTheUserNameHasNoWarning() {
        JsonNode saved = realm.admin().expect(200, "PUT", API, settings("EMAIL", List.of(everyone))).json();
        assertThat(saved.has("userNameWarning")).as(saved.toString()).isFalse();
        assertThat(realm.admin().expect(200, "GET", API, null).json().has("userNameWarning")).isFalse();
    }

    @Test
    void anAdminWhoMayNotViewUsersGetsTheCountWithoutNames() {
        realm.admin().expect(200, "PUT", API, settings("USERNAME", List.of(developers)));
        JsonNode warning = viewer.expect(200, "GET", API, null).json().path("userNameWarning");
        assertThat(warning.path("count").asLong()).isEqualTo(2);
        assertThat(warning.path("examples")).isEmpty();
    }
}
