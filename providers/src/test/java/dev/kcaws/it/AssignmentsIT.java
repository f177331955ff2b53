package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Assignments through the admin API: filters and pages, bulk all-or-nothing, consistency, audit, concurrency. */
class AssignmentsIT {

    static final String REALM = "assign-check";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).withAdminEvents();

    static JsonNode list(String query) {
        return realm.admin().expect(200, "GET", API + "/assignments" + query, null).json();
    }

    @Test
    void filtersByPrincipalAndPages() {
        assertThat(list("?group=/DevOps").findValuesAsText("accountId")).containsExactly("111111111111", "222222222222", "333333333333");
        assertThat(list("?group=Developers&accountId=333333333333").findValuesAsText("permissionSet")).containsExactly("PowerUserAccess");
        JsonNode all = list("?max=1000");
        assertThat(all.size()).isEqualTo(8);
        assertThat(list("?first=0&max=3").size()).isEqualTo(3);
        assertThat(list("?first=3&max=3").get(0)).isEqualTo(all.get(3));
        assertThat(list("?first=6&max=3").size()).isEqualTo(2);
        assertThat(realm.admin().send("GET", API + "/assignments?max=0", null).status()).isEqualTo(400);
    }

    @Test
    void bulkIsAllOrNothing() {
        int before = list("?max=1000").size();
        ApiResponse unknown = realm.admin().send("POST", API + "/assignments/bulk", Map.of("groups", List.of("/Everyone"),
                "accountIds", List.of("111111111111", "999999999999"), "permissionSets", List.of("Billing")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("errorMessage").asText()).contains("999999999999");
        assertThat(list("?max=1000").size()).as("nothing half-applied").isEqualTo(before);

        ApiResponse ok = realm.admin().send("POST", API + "/assignments/bulk", Map.of("groups", List.of("/Everyone"), "users", List.of("erin"),
                "accountIds", List.of("111111111111", "222222222222"), "permissionSets", List.of("Billing", "ReadOnlyAccess")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("granted").asInt()).isEqualTo(8);
        assertThat(list("?user=erin").size()).isEqualTo(4);
        assertThat(realm.admin().send("POST", API + "/assignments/bulk", Map.of("users", List.of("erin"),
                "accountIds", List.of("111111111111"), "permissionSets", List.of("Billing"))).json().path("alreadyAssigned").asInt()).isEqualTo(1);
    }

    @Test
    void renamingAGroupKeepsItsAssignmentsAndDeletingItRemovesThem() {
        String id = realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/groups", Map.of("name", "Temp")).createdId();
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("group", "/Temp", "accountId", "333333333333", "permissionSet", "Billing"));
        realm.admin().expect(204, "PUT", "/admin/realms/" + REALM + "/groups/" + id, Map.of("name", "Renamed"));
        assertThat(list("?group=/Renamed").findValuesAsText("permissionSet")).containsExactly("Billing");
        realm.admin().expect(204, "DELETE", "/admin/realms/" + REALM + "/groups/" + id, null);
        assertThat(list("?accountId=333333333333&permissionSet=Billing").size()).isZero();
    }

    @Test
    void everyChangeIsAnAdminEventWithItsRepresentation() {
        realm.admin().expect(201, "POST", API + "/accounts", Map.of("id", "555555555555", "name", "audited"));
        JsonNode events = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/admin-events?max=50", null).json();
        List<String> reps = new ArrayList<>();
        events.forEach(e -> reps.add(e.path("resourcePath").asText() + " " + e.path("operationType").asText() + " " + e.path("representation").asText()));
        assertThat(reps).anySatisfy(r -> assertThat(r).startsWith("accounts/555555555555 CREATE").contains("\"name\":\"audited\""));
    }

    @Test
    void concurrentEditsLoseNothing() throws Exception {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> calls.add(CompletableFuture.supplyAsync(() -> realm.admin().send("POST", API + "/accounts",
                Map.of("id", String.format("7000000000%02d", i), "name", "parallel-" + i)).status())));
        for (CompletableFuture<Integer> call : calls) {
            assertThat(call.get()).isEqualTo(201);
        }
        List<String> ids = realm.admin().expect(200, "GET", API + "/accounts", null).json().findValuesAsText("id");
        IntStream.range(0, 20).forEach(i -> assertThat(ids).contains(String.format("7000000000%02d", i)));

        List<CompletableFuture<Integer>> grants = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> grants.add(CompletableFuture.supplyAsync(() -> realm.admin().send("POST", API + "/assignments",
                Map.of("group", "/Everyone", "accountId", String.format("7000000000%02d", i), "permissionSet", "ReadOnlyAccess")).status())));
        for (CompletableFuture<Integer> grant : grants) {
            assertThat(grant.get()).isEqualTo(201);
        }
        assertThat(list("?group=/Everyone&permissionSet=ReadOnlyAccess&max=1000").findValuesAsText("accountId"))
                .filteredOn(id -> id.startsWith("7000000000")).hasSize(20);
    }
}
