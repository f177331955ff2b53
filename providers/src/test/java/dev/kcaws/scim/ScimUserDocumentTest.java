package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ScimUserDocumentTest {

    @Test
    void fullUserBecomesTheDocumentAwsRequires() {
        JsonNode json = ScimUserDocument.from(
                new KeycloakUser("kc-1", "alice", "alice@example.com", "Alice", "Liddell", true), UserNameSource.EMAIL).toJson();
        assertThat(json.get("schemas").get(0).asText()).isEqualTo(ScimJson.USER_SCHEMA);
        assertThat(json.get("userName").asText()).isEqualTo("alice@example.com");
        assertThat(json.at("/name/givenName").asText()).isEqualTo("Alice");
        assertThat(json.at("/name/familyName").asText()).isEqualTo("Liddell");
        assertThat(json.get("displayName").asText()).isEqualTo("Alice Liddell");
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("externalId").asText()).isEqualTo("kc-1");
        assertThat(json.get("emails")).hasSize(1);
        assertThat(json.at("/emails/0/value").asText()).isEqualTo("alice@example.com");
        assertThat(json.at("/emails/0/primary").asBoolean()).isTrue();
        assertThat(json.has("password")).isFalse();
        assertThat(json.has("groups")).isFalse();
    }

    @Test
    void usernameSourceSendsTheKeycloakUsername() {
        ScimUserDocument doc = ScimUserDocument.from(
                new KeycloakUser("kc-1", "alice", "alice@example.com", "Alice", "Liddell", false), UserNameSource.USERNAME);
        assertThat(doc.userName()).isEqualTo("alice");
        assertThat(doc.active()).isFalse();
        assertThat(doc.email()).isEqualTo("alice@example.com");
    }

    @Test
    void missingNamesFallBackToTheUserNamesLocalPartNeverBlank() {
        ScimUserDocument doc = ScimUserDocument.from(
                new KeycloakUser("kc-2", "bob", "bob@example.com", null, "  ", true), UserNameSource.EMAIL);
        assertThat(doc.givenName()).isEqualTo("bob");
        assertThat(doc.familyName()).isEqualTo("bob");
        assertThat(doc.displayName()).isEqualTo("bob@example.com");
    }

    @Test
    void oneMissingNameKeepsTheOtherAndDisplaysIt() {
        ScimUserDocument doc = ScimUserDocument.from(
                new KeycloakUser("kc-3", "carol", null, "Carol", null, true), UserNameSource.USERNAME);
        assertThat(doc.givenName()).isEqualTo("Carol");
        assertThat(doc.familyName()).isEqualTo("carol");
        assertThat(doc.displayName()).isEqualTo("Carol");
        assertThat(doc.toJson().has("emails")).isFalse();
    }

    @Test
    void emailSourceWithoutEmailIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> ScimUserDocument.from(
                new KeycloakUser("kc-4", "dave", " ", "Dave", "D", true), UserNameSource.EMAIL))
                .isInstanceOf(ScimInputException.class)
                .satisfies(e -> assertThat(((ScimInputException) e).field()).isEqualTo("userName"));
    }

    @Test
    void userWithoutIdIsRefused() {
        assertThatThrownBy(() -> ScimUserDocument.from(
                new KeycloakUser(null, "eve", "eve@example.com", null, null, true), UserNameSource.EMAIL))
                .isInstanceOf(ScimInputException.class);
    }
}
