package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.concurrency.Race;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races on the AWS model, each started at one barrier, with the calls spread over the given
 * nodes (one node, or two sharing one database): the same scenarios prove one server and a
 * cluster. Each call of a scenario uses new IDs, so a scenario can be repeated on one realm.
 */
final class ModelRaces {

    private final List<AdminApi> nodes;
    private final String realm;
    private final String api;
    private int round;

    ModelRaces(List<AdminApi> nodes, String realm) {
        this.nodes = nodes;
        this.realm = realm;
        this.api = "/admin/realms/" + realm + "/aws";
    }

    /** Creates the realm: the demo realm under another name. */
    void createRealm() {
        ObjectNode copy = DemoRealm.copyNamed(realm);
        nodes.get(0).createRealm(copy);
    }

    void deleteRealm() {
        nodes.get(0).deleteRealm(realm);
    }

    private AdminApi node(int call) {
        return nodes.get(call % nodes.size());
    }

    private String newAccountId() {
        round++;
        return String.format("8%02d%09d", nodes.size(), (System.nanoTime() + round) % 1_000_000_000L);
    }

    /** n creates of one new account ID: one 201, the rest 409, and the stored account is the winner's. */
    void sameAccountCreatedOnce(int n) {
        String id = newAccountId();
        List<ApiResponse> answers = Race.run(n, i -> node(i).send("POST", api + "/accounts", Map.of("id", id, "name", "racer-" + i)));
        List<Integer> statuses = answers.stream().map(ApiResponse::status).toList();
        assertThat(statuses).as("one create wins, the others are told it exists").containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        String winner = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json().path("name").asText();
        for (AdminApi node : nodes) {
            assertThat(node.expect(200, "GET", api + "/accounts/" + id, null).json().path("name").asText())
                    .as("the stored account is the one whose create answered 201").isEqualTo(winner);
        }
    }

    /** The same for a permission set. */
    void samePermissionSetCreatedOnce(int n) {
        String name = "Race" + newAccountId();
        List<Integer> statuses = Race.run(n, i -> node(i).send("POST", api + "/permission-sets",
                Map.of("name", name, "description", "racer-" + i)).status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    /**
     * n first grants of one new (account, set) to n different groups all succeed (they race to
     * create the same access role), and n repeats of one grant all stay successes.
     */
    void firstGrantsToManyPrincipalsAllSucceed(int n) {
        String id = newAccountId();
        nodes.get(0).expect(201, "POST", api + "/accounts", Map.of("id", id, "name", "grants-" + id));
        List<String> groups = IntStream.range(0, n).mapToObj(i -> "race-" + id + "-" + i).toList();
        groups.forEach(g -> nodes.get(0).expect(201, "POST", "/admin/realms/" + realm + "/groups", Map.of("name", g)));
        List<ApiResponse> grants = Race.run(n, i -> node(i).send("POST", api + "/assignments",
                Map.of("group", "/" + groups.get(i), "accountId", id, "permissionSet", "ReadOnlyAccess")));
        grants.forEach(g -> assertThat(g.status()).as(g.body()).isEqualTo(201));
        assertThat(assignments("?accountId=" + id + "&max=1000").findValuesAsText("group"))
                .containsExactlyInAnyOrderElementsOf(groups.stream().map(g -> "/" + g).toList());

        List<ApiResponse> repeats = Race.run(n, i -> node(i).send("POST", api + "/assignments",
                Map.of("group", "/" + groups.get(0), "accountId", id, "permissionSet", "ReadOnlyAccess")));
        repeats.forEach(g -> assertThat(g.status()).as("repeating a grant is a success: " + g.body()).isEqualTo(201));
        assertThat(assignments("?accountId=" + id + "&group=/" + groups.get(0)).size()).isEqualTo(1);
    }

    /**
     * Grants to an account race its deletion: whatever order the database chose, no grant
     * survives the account, nothing comes back when the same ID is created again, and the realm's
     * model stays whole (no access role naming a missing account).
     */
    void deleteWhileGrantingLeavesNoOrphan(int grants) {
        String id = newAccountId();
        nodes.get(0).expect(201, "POST", api + "/accounts", Map.of("id", id, "name", "doomed-" + id));
        List<String> sets = List.of("ReadOnlyAccess", "PowerUserAccess", "Billing", "AdministratorAccess");
        List<ApiResponse> answers = Race.run(grants + 1, i -> i == grants
                ? node(i).send("DELETE", api + "/accounts/" + id, null)
                : node(i).send("POST", api + "/assignments", Map.of("group", "/Everyone", "accountId", id,
                        "permissionSet", sets.get(i % sets.size()))));
        answers.forEach(a -> assertThat(a.status()).as(a.body()).isIn(201, 204, 404));
        assertThat(answers.get(grants).status()).as("the delete").isEqualTo(204);
        for (AdminApi node : nodes) {
            assertThat(accessRolesOf(node, id)).as("access roles left for the deleted account").isEmpty();
        }
        nodes.get(0).expect(201, "POST", api + "/accounts", Map.of("id", id, "name", "reborn-" + id));
        assertThat(assignments("?accountId=" + id).size()).as("grants that came back with the ID").isZero();
        nodes.get(0).expect(204, "DELETE", api + "/accounts/" + id, null);
    }

    /** Updates race a delete of the same account: each call is a clean 2xx or 404, and the account stays deleted. */
    void updateRacesDelete(int updates) {
        String id = newAccountId();
        nodes.get(0).expect(201, "POST", api + "/accounts", Map.of("id", id, "name", "before"));
        List<ApiResponse> answers = Race.run(updates + 1, i -> i == 0
                ? node(i).send("DELETE", api + "/accounts/" + id, null)
                : node(i).send("PUT", api + "/accounts/" + id, Map.of("id", id, "name", "update-" + i)));
        assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(204);
        answers.subList(1, answers.size()).forEach(a -> assertThat(a.status()).as(a.body()).isIn(200, 404));
        for (AdminApi node : nodes) {
            assertThat(node.send("GET", api + "/accounts/" + id, null).status()).as("an update brought it back").isEqualTo(404);
        }
    }

    /** Creates of n different accounts and n grants spread over the nodes: every one is kept. */
    void differentEditsAllKept(int n) {
        List<String> ids = IntStream.range(0, n).mapToObj(i -> newAccountId()).toList();
        List<Integer> creates = Race.run(n, i -> node(i).send("POST", api + "/accounts", Map.of("id", ids.get(i), "name", "many-" + i)).status());
        assertThat(creates).containsOnly(201);
        List<Integer> grants = Race.run(n, i -> node(i).send("POST", api + "/assignments",
                Map.of("group", "/Everyone", "accountId", ids.get(i), "permissionSet", "Billing")).status());
        assertThat(grants).containsOnly(201);
        for (AdminApi node : nodes) {
            Set<String> stored = new HashSet<>(node.expect(200, "GET", api + "/accounts", null).json().findValuesAsText("id"));
            assertThat(stored).containsAll(ids);
            Set<String> granted = new HashSet<>(node.expect(200, "GET", api + "/assignments?group=/Everyone&permissionSet=Billing&max=1000", null)
                    .json().findValuesAsText("accountId"));
            assertThat(granted).containsAll(ids);
        }
    }

    JsonNode assignments(String query) {
        return nodes.get(0).expect(200, "GET", api + "/assignments" + query, null).json();
    }

    /** The model client's roles that name the account, straight from Keycloak's own role API. */
    List<String> accessRolesOf(AdminApi node, String accountId) {
        String model = node.findClientByClientId(realm, "aws-access").orElseThrow().path("id").asText();
        List<String> names = new ArrayList<>();
        node.expect(200, "GET", "/admin/realms/" + realm + "/clients/" + model + "/roles?max=100000", null).json()
                .forEach(r -> names.add(r.path("name").asText()));
        return names.stream().filter(name -> name.startsWith("access:" + accountId + ":")).toList();
    }
}
