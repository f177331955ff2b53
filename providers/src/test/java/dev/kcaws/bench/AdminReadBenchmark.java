package dev.kcaws.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.GeneratedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin reads at scale (prints figures; asserts only that each answer is right): {@code GET
 * assignments} (no filter first and last page, by account, by group, by user) and the IaC
 * downloads (one account, all accounts) on realms of 1,000 and 10,000 access roles with 1,000
 * groups and 1,000 users.
 *
 * <p>Access role k (k from 0) is account k / 10 as permission set {@code Set(k mod 10)}; group
 * {@code /g-NNNN} (N from 0 to 999) holds the roles k with k mod 1,000 = N (1 role each at 1k, 10
 * at 10k), user {@code u-NNNN} is a member of group N and holds role (7 N mod roles) directly. The
 * realms are imported in the compact form of docs/model.md. {@code -Dkcaws.bench.adminReadRoles=1000}
 * runs one size only (e.g. to measure old code, which needs minutes per call at 10k).
 */
@Tag("benchmark")
class AdminReadBenchmark {

    static final int GROUPS = 1000;
    static final int USERS = 1000;
    static final int SETS = 10;
    static final int RUNS = 5;

    @Test
    void assignmentsAndIacAtScale() throws IOException {
        List<Integer> sizes = Arrays.stream(System.getProperty("kcaws.bench.adminReadRoles", "1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Map<String, Map<Integer, String>> cells = new LinkedHashMap<>();
        Map<Integer, String> importSeconds = new LinkedHashMap<>();
        // The shared server: run alone (./bench.sh) it is this benchmark's own; its realms are deleted after use.
        AdminApi admin = SharedKeycloak.get().adminApi();
        for (int roles : sizes) {
            String realm = "reads-" + roles;
            long started = System.nanoTime();
            admin.createRealm(realm(realm, roles));
            importSeconds.put(roles, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            String api = "/admin/realms/" + realm + "/aws";
            int rows = roles + USERS;
            String account = GeneratedRealm.accountId(roles / SETS / 2);
            measure(cells, "GET assignments, first page (max 100)", roles, admin, api + "/assignments?first=0&max=100", 100);
            measure(cells, "GET assignments, last page (max 100)", roles, admin, api + "/assignments?first=" + (rows - 100) + "&max=100", 100);
            measure(cells, "GET assignments?accountId= (one account)", roles, admin, api + "/assignments?accountId=" + account, -1);
            measure(cells, "GET assignments?group=/g-0500", roles, admin, api + "/assignments?group=/g-0500", roles / GROUPS);
            measure(cells, "GET assignments?user=u-0500", roles, admin, api + "/assignments?user=u-0500", 1);
            measure(cells, "GET iac/cloudformation?accountId= (one account)", roles, admin, api + "/iac/cloudformation?accountId=" + account, -1);
            measure(cells, "GET iac/cloudformation (all accounts)", roles, admin, api + "/iac/cloudformation", -1);
            measure(cells, "GET iac/terraform (all accounts)", roles, admin, api + "/iac/terraform", -1);
            measure(cells, "GET assignments, first page (max 100), admin who may view every group but no user (fgap v2)", roles,
                    groupViewer(realm), api + "/assignments?first=0&max=100", 100);
            admin.deleteRealm(realm);
        }
        StringBuilder report = new StringBuilder("# kcaws admin reads at scale\n\n"
                + "Median of " + RUNS + " calls after one warm-up, ms; " + GROUPS + " groups, " + USERS + " users; target <= 1,000 ms.\n\n");
        report.append("| request |");
        sizes.forEach(s -> report.append(String.format(Locale.ROOT, " %,d access roles |", s)));
        report.append("\n|---|");
        sizes.forEach(s -> report.append("---:|"));
        report.append("\n");
        cells.forEach((request, bySize) -> {
            report.append("| ").append(request).append(" |");
            sizes.forEach(s -> report.append(' ').append(bySize.get(s)).append(" |"));
            report.append("\n");
        });
        report.append("| (realm import, compact form, s) |");
        sizes.forEach(s -> report.append(' ').append(importSeconds.get(s)).append(" |"));
        report.append("\n");
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "admin-read-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * A realm admin with view-realm who may view every group (fine-grained admin permissions v2,
     * one permission on all groups) but no user: the listing must leave out every user row.
     */
    private static AdminApi groupViewer(String realm) {
        KeycloakServer server = SharedKeycloak.get();
        AdminApi master = server.adminApi();
        String realmApi = "/admin/realms/" + realm;
        master.expect(204, "PUT", realmApi, Map.of("realm", realm, "adminPermissionsEnabled", true));
        AdminApi viewer = RealmAdmins.create(server, realm, "group-viewer", "view-realm");
        String viewerId = master.findUserId(realm, "group-viewer").orElseThrow();
        String permissions = realmApi + "/clients/" + master.findClientByClientId(realm, "admin-permissions").orElseThrow().path("id").asText()
                + "/authz/resource-server";
        String policy = master.expect(201, "POST", permissions + "/policy/user", Map.of("name", "group viewer", "users", List.of(viewerId)))
                .json().path("id").asText();
        master.expect(201, "POST", permissions + "/permission/scope", Map.of("name", "view every group",
                "resourceType", "Groups", "scopes", List.of("view"), "policies", List.of(policy)));
        return viewer;
    }

    /** One warm-up, then the median of {@value #RUNS} calls; {@code expectedRows} >= 0 checks a listing's length. */
    private static void measure(Map<String, Map<Integer, String>> cells, String request, int roles, AdminApi admin, String path, int expectedRows) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            ApiResponse response = admin.send("GET", path, null);
            double ms = (System.nanoTime() - started) / 1e6;
            if (response.status() != 200) {
                throw new AssertionError(path + " answered " + response.status() + ": " + response.body());
            }
            if (expectedRows >= 0 && response.json().size() != expectedRows) {
                throw new AssertionError(path + " listed " + response.json().size() + " rows, expected " + expectedRows);
            }
            if (expectedRows < 0 && response.body().length() < 100) {
                throw new AssertionError(path + " answered almost nothing: " + response.body());
            }
            if (run > 0) {
                millis.add(ms);
            }
        }
        millis.sort(null);
        cells.computeIfAbsent(request, k -> new LinkedHashMap<>()).put(roles, String.format(Locale.ROOT, "%.0f", millis.get(millis.size() / 2)));
    }

    /** The realm described above, in the compact form (access roles only as the groups' and users' mappings). */
    static ObjectNode realm(String name, int roles) {
        int accounts = roles / SETS;
        GeneratedRealm generated = GeneratedRealm.named(name).accounts(accounts);
        for (int s = 0; s < SETS; s++) {
            generated.permissionSet("Set" + s, 3600);
        }
        ObjectNode realm = generated.json();
        ArrayNode groups = realm.withArray("groups");
        for (int g = 0; g < GROUPS; g++) {
            ArrayNode mapped = groups.addObject().put("name", group(g)).put("path", "/" + group(g))
                    .putObject("clientRoles").putArray("aws-access");
            for (int k = g; k < roles; k += GROUPS) {
                mapped.add(role(k));
            }
        }
        ArrayNode users = realm.withArray("users");
        for (int u = 0; u < USERS; u++) {
            String username = String.format(Locale.ROOT, "u-%04d", u);
            ObjectNode user = users.addObject().put("username", username).put("enabled", true)
                    .put("email", username + "@example.com").put("firstName", username).put("lastName", "Bench");
            user.putArray("groups").add("/" + group(u % GROUPS));
            user.putObject("clientRoles").putArray("aws-access").add(role((int) ((7L * u) % roles)));
        }
        DemoRealm.modelRoles(realm).removeAll();
        return realm;
    }

    static String group(int g) {
        return String.format(Locale.ROOT, "g-%04d", g);
    }

    static String role(int k) {
        return "access:" + GeneratedRealm.accountId(k / SETS) + ":Set" + (k % SETS);
    }
}
