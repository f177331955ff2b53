package dev.kcaws.it;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API writes what the mapper reads, and refuses bad input naming the field, changing nothing. */
class AdminApiIT {

    static final String REALM = "admin-check";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    void assertInvalid(String path, Object body, String field) {
        String before = realm.admin().expect(200, "GET", API + "/accounts", null).body() + realm.admin().expect(200, "GET", API + "/permission-sets", null).body();
        ApiResponse response = realm.admin().send("POST", API + path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("errorMessage").asText()).startsWith(field + ":");
        String after = realm.admin().expect(200, "GET", API + "/accounts", null).body() + realm.admin().expect(200, "GET", API + "/permission-sets", null).body();
        assertThat(after).as("nothing changed").isEqualTo(before);
    }

    @Test
    void badFieldsAreRefusedByName() {
        assertInvalid("/accounts", Map.of("id", "1234", "name", "short"), "accountId");
        assertInvalid("/accounts", Map.of("id", "555555555555", "name", "p", "partition", "aws-mars"), "account.partition");
        assertInvalid("/accounts", Map.of("id", "555555555555", "name", "p", "samlProvider", "bad provider"), "account.samlProvider");
        assertInvalid("/permission-sets", Map.of("name", "Has Space"), "permissionSet.name");
        assertInvalid("/permission-sets", Map.of("name", "Short", "sessionDuration", 899), "permissionSet.sessionDuration");
        assertInvalid("/permission-sets", Map.of("name", "Short", "sessionDuration", 43201), "permissionSet.sessionDuration");
        assertInvalid("/permission-sets", Map.of("name", "Phish", "relayState", "https://evil.example/"), "permissionSet.relayState");
        assertInvalid("/permission-sets", Map.of("name", "Pol", "managedPolicies", List.of("ReadOnlyAccess")), "permissionSet.managedPolicies");
        assertInvalid("/permission-sets", Map.of("name", "Pol", "inlinePolicy", "{nope"), "permissionSet.inlinePolicy");
        assertInvalid("/permission-sets", Map.of("name", "Typo", "sesionDuration", 3600), "sesionDuration");
    }

    @Test
    void duplicatesConflictAndUnknownsAreNotFound() {
        assertThat(realm.admin().send("POST", API + "/accounts", Map.of("id", "111111111111", "name", "again")).status()).isEqualTo(409);
        assertThat(realm.admin().send("POST", API + "/permission-sets", Map.of("name", "Billing")).status()).isEqualTo(409);
        assertThat(realm.admin().send("GET", API + "/accounts/999999999999", null).status()).isEqualTo(404);
        assertThat(realm.admin().send("GET", API + "/permission-sets/Nope", null).status()).isEqualTo(404);
        assertThat(realm.admin().send("POST", API + "/assignments", Map.of("group", "/NoSuchGroup", "accountId", "111111111111",
                "permissionSet", "Billing")).status()).isEqualTo(404);
        assertThat(realm.admin().send("POST", API + "/assignments", Map.of("group", "/DevOps", "user", "alice", "accountId", "111111111111",
                "permissionSet", "Billing")).status()).isEqualTo(400);
    }

    @Test
    void whatTheApiWritesIsWhatTheNextLoginSends() {
        realm.admin().expect(201, "POST", API + "/accounts", Map.of("id", "444444444444", "name", "acme-data"));
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "DataScientist", "description", "Notebooks",
                "sessionDuration", 7200, "managedPolicies", List.of("arn:aws:iam::aws:policy/job-function/DataScientist")));
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("user", "erin", "accountId", "444444444444", "permissionSet", "DataScientist"));
        assertThat(realm.admin().expect(200, "GET", API + "/assignments?accountId=444444444444", null).json().findValuesAsText("user"))
                .containsExactly("erin");

        AwsLogin aws = AwsLogin.to(realm.server(), REALM);
        var erin = aws.plain(new BrowserSession(), "erin").accepted();
        assertThat(erin.rolePairs()).singleElement().satisfies(p -> {
            assertThat(p.roleArn()).isEqualTo("arn:aws:iam::444444444444:role/DataScientist");
            assertThat(p.providerArn()).isEqualTo("arn:aws:iam::444444444444:saml-provider/keycloak");
        });
        assertThat(erin.sessionDurationSeconds()).isEqualTo(7200);

        realm.admin().expect(204, "DELETE", API + "/accounts/444444444444", null);
        assertThat(realm.admin().expect(200, "GET", API + "/assignments?accountId=444444444444", null).json().size()).isZero();
        assertThat(aws.plain(new BrowserSession(), "erin").refused().status()).isEqualTo(403);
    }

    @Test
    void deletingAPermissionSetRemovesItsAssignments() {
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "Temporary"));
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("group", "/Everyone", "accountId", "222222222222", "permissionSet", "Temporary"));
        assertThat(realm.admin().expect(200, "GET", API + "/assignments?permissionSet=Temporary", null).json().size()).isEqualTo(1);
        realm.admin().expect(204, "DELETE", API + "/permission-sets/Temporary", null);
        assertThat(realm.admin().expect(200, "GET", API + "/assignments?permissionSet=Temporary", null).json().size()).isZero();
        assertThat(realm.admin().send("GET", API + "/permission-sets/Temporary", null).status()).isEqualTo(404);
    }

    @Test
    void keycloaksOwnClientApiCannotStoreAnInvalidModelEither() {
        var model = realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow();
        var changed = model.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.with("attributes"))
                .put("kcaws.permission-set.Billing", "{\"sessionDuration\":60}");
        ApiResponse response = realm.admin().send("PUT", "/admin/realms/" + REALM + "/clients/" + model.path("id").asText(), changed);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("permissionSet.sessionDuration");
        assertThat(realm.admin().expect(200, "GET", API + "/permission-sets/Billing", null).json().path("sessionDuration").asInt()).isEqualTo(3600);
    }
}
