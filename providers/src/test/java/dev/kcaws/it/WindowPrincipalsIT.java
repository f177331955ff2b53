package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window names its group or user by ID, and a mapping without a window is permanent: a realm file
 * whose window names a group or user the import does not make (made again under a new ID) is refused
 * whole, naming the entry, so a time-bound grant never turns permanent on import. A file that keeps
 * the IDs imports with its windows.
 */
class WindowPrincipalsIT {

    static final String REALM = "window-principals";
    static final String END = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    final AdminApi admin = SharedKeycloak.get().adminApi();

    static String window(String kind, String id) {
        return "{\"" + kind + "\":{\"" + id + "\":{\"notAfter\":\"" + END + "\"}}}";
    }

    @Test
    void aWindowForAGroupOrUserTheImportDoesNotMakeIsRefusedAndNothingIsImported() {
        String[][] cases = {{"groups", "5b0d2f3e-0000-4000-8000-00000000beef"}, {"users", "5b0d2f3e-0000-4000-8000-00000000cafe"}};
        for (String[] c : cases) {
            ObjectNode realm = DemoRealm.copyNamed(REALM);
            DemoRealm.modelAttributes(realm).put("kcaws.window.333333333333:ReadOnlyAccess", window(c[0], c[1]));
            ApiResponse response = admin.send("POST", "/admin/realms", realm);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errorMessage").asText()).contains("window." + c[0] + "." + c[1]);
            assertThat(admin.send("GET", "/admin/realms/" + REALM, null).status()).as("nothing imported").isEqualTo(404);
        }
    }

    @Test
    void aFileThatKeepsItsGroupAndUserIdsImportsWithItsWindows() {
        String groupId = "5b0d2f3e-0000-4000-8000-000000000001";
        String userId = "5b0d2f3e-0000-4000-8000-000000000002";
        ObjectNode realm = DemoRealm.copyNamed(REALM);
        realm.path("groups").forEach(g -> {
            if (g.path("name").asText().equals("Everyone")) {
                ((ObjectNode) g).put("id", groupId);
            }
        });
        realm.path("users").forEach(u -> {
            if (u.path("username").asText().equals("erin")) {
                ((ObjectNode) u).put("id", userId);
            }
        });
        DemoRealm.modelAttributes(realm).put("kcaws.window.333333333333:ReadOnlyAccess",
                "{\"groups\":{\"" + groupId + "\":{\"notAfter\":\"" + END + "\"}},\"users\":{\"" + userId + "\":{\"notAfter\":\"" + END + "\"}}}");
        ApiResponse response = admin.send("POST", "/admin/realms", realm);
        try {
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            JsonNode rows = admin.expect(200, "GET", "/admin/realms/" + REALM
                    + "/aws/assignments?group=/Everyone&accountId=333333333333&permissionSet=ReadOnlyAccess", null).json();
            assertThat(rows.get(0).path("notAfter").asText()).isEqualTo(END);
        } finally {
            admin.deleteRealm(REALM);
        }
    }
}
