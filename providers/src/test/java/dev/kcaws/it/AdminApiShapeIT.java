package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API answers as Keycloak's own does: every create is {@code 201 Created} with a
 * {@code Location} that reads the created thing back, and a refused body lists every invalid field
 * (Keycloak's {@code ErrorRepresentation.errors}), the first also at the top as before.
 */
class AdminApiShapeIT {

    static final String REALM = "api-shape";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    /** The path and query of a Location, to send with the admin client. */
    private static String location(ApiResponse created) {
        URI uri = URI.create(created.header("Location").orElseThrow(() -> new AssertionError("no Location: " + created.body())));
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void everyCreateAnswers201WithALocationThatReadsItBack() {
        ApiResponse account = realm.admin().expect(201, "POST", API + "/accounts", Map.of("id", "444455556666", "name", "shape"));
        assertThat(location(account)).isEqualTo(API + "/accounts/444455556666");
        assertThat(realm.admin().expect(200, "GET", location(account), null).json().path("name").asText()).isEqualTo("shape");

        ApiResponse set = realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "Shape+Set@1"));
        assertThat(realm.admin().expect(200, "GET", location(set), null).json().path("name").asText()).isEqualTo("Shape+Set@1");

        ApiResponse assignment = realm.admin().expect(201, "POST", API + "/assignments",
                Map.of("group", "/Developers", "accountId", "444455556666", "permissionSet", "Shape+Set@1"));
        JsonNode rows = realm.admin().expect(200, "GET", location(assignment), null).json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("group").asText()).isEqualTo("/Developers");
        assertThat(rows.get(0).path("permissionSet").asText()).isEqualTo("Shape+Set@1");

        ApiResponse client = realm.admin().expect(201, "POST", API + "/clients", Map.of("endpoint", "eu-west-1",
                "clientId", "urn:amazon:webservices:shape", "urlName", "aws-shape"));
        assertThat(location(client)).startsWith("/admin/realms/" + REALM + "/clients/");
        assertThat(realm.admin().expect(200, "GET", location(client), null).json().path("clientId").asText()).isEqualTo("urn:amazon:webservices:shape");
    }

    @Test
    void aBodyWithSeveralInvalidFieldsListsThemAll() {
        ApiResponse account = realm.admin().send("POST", API + "/accounts",
                Map.of("id", "123", "name", "", "partition", "aws-mars", "region", "nowhere-1"));
        assertThat(account.status()).as(account.body()).isEqualTo(400);
        assertThat(account.json().path("field").asText()).isEqualTo("accountId");
        assertThat(account.json().path("errorMessage").asText()).startsWith("accountId:");
        assertThat(fields(account)).containsExactlyInAnyOrder("accountId", "account.partition", "account.region", "account.name");

        ApiResponse set = realm.admin().send("POST", API + "/permission-sets",
                Map.of("name", "Bad Name", "sessionDuration", 60, "relayState", "https://evil.example/"));
        assertThat(set.status()).as(set.body()).isEqualTo(400);
        assertThat(set.json().path("errorMessage").asText()).startsWith("permissionSet.name:");
        assertThat(fields(set)).containsExactlyInAnyOrder("permissionSet.name", "permissionSet.sessionDuration", "permissionSet.relayState");

        ApiResponse typos = realm.admin().send("POST", API + "/permission-sets", "{\"nmae\":\"X\",\"sesionDuration\":3600,\"description\":7}");
        assertThat(typos.status()).as(typos.body()).isEqualTo(400);
        assertThat(fields(typos)).containsExactlyInAnyOrder("nmae", "sesionDuration", "description");
        assertThat(realm.admin().send("GET", API + "/permission-sets/X", null).status()).as("nothing stored").isEqualTo(404);
    }

    private static List<String> fields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> {
            assertThat(e.path("errorMessage").asText()).startsWith(e.path("field").asText() + ":");
            fields.add(e.path("field").asText());
        });
        return fields;
    }
}
