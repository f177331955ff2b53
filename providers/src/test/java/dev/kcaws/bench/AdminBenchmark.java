package dev.kcaws.bench;

import dev.kcaws.testsupport.GeneratedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Admin-side figures on a real server (prints them; asserts only that each call did its job):
 * bulk-assigning one permission set to a group across 1,000 accounts in one call, and importing a
 * realm of 5,000 accounts, 50 permission sets and 200 groups (each group 25 accounts × one set), in
 * the compact form of docs/model.md and with every access role listed as {@code kc.sh export} writes it.
 */
@Tag("benchmark")
class AdminBenchmark {

    @Test
    void bulkAssignmentAndLargeImport() throws IOException {
        StringBuilder report = new StringBuilder("# kcaws admin benchmark\n\n");
        try (KeycloakServer server = KeycloakServer.fromBuild().start()) {
            AdminApi admin = server.adminApi();

            admin.createRealm(GeneratedRealm.named("bulk").accounts(1000).permissionSet("ReadOnlyAccess", 3600)
                    .group("Everyone", "ReadOnlyAccess", 0).json());
            List<String> ids = IntStream.range(0, 1000).mapToObj(GeneratedRealm::accountId).toList();
            Map<String, Object> bulk = Map.of("groups", List.of("/Everyone"), "accountIds", ids, "permissionSets", List.of("ReadOnlyAccess"));
            long started = System.nanoTime();
            ApiResponse response = admin.send("POST", "/admin/realms/bulk/aws/assignments/bulk", bulk);
            double bulkSeconds = (System.nanoTime() - started) / 1e9;
            if (response.status() != 200 || response.json().path("granted").asInt() != 1000) {
                throw new AssertionError("bulk assignment failed: " + response.status() + " " + response.body());
            }

            double compactSeconds = importLarge(admin, "large-compact", false);
            double listedSeconds = importLarge(admin, "large-listed", true);

            report.append("| operation | size | seconds | target |\n|---|---|---:|---|\n");
            report.append(String.format("| bulk assignment, one call | 1 group × 1,000 accounts × 1 set | %.2f | <= 2 s: %s |%n",
                    bulkSeconds, bulkSeconds <= 2 ? "met" : "MISSED"));
            report.append(String.format("| realm import (POST /admin/realms), compact form | 5,000 accounts, 50 sets, 200 groups, 5,000 assignments | %.1f | <= 60 s: %s |%n",
                    compactSeconds, compactSeconds <= 60 ? "met" : "MISSED"));
            report.append(String.format("| realm import, every access role listed (as kc.sh export writes) | the same realm | %.1f | <= 60 s: %s |%n",
                    listedSeconds, listedSeconds <= 60 ? "met" : "MISSED"));
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "admin-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Imports 5,000 accounts, 50 sets and 200 groups (each 25 accounts × one set) and checks the
     * realm is whole: every account, set and access role, and a group's assignments.
     */
    private static double importLarge(AdminApi admin, String name, boolean listRoles) {
        GeneratedRealm large = GeneratedRealm.named(name).accounts(5000);
        for (int s = 0; s < 50; s++) {
            large.permissionSet("Set" + s, 3600);
        }
        for (int g = 0; g < 200; g++) {
            large.group("group-" + g, "Set" + (g % 50), g * 25, g * 25 + 25);
        }
        if (listRoles) {
            large.listingAccessRoles();
        }
        var json = large.json();
        long started = System.nanoTime();
        admin.createRealm(json);
        double seconds = (System.nanoTime() - started) / 1e9;
        String api = "/admin/realms/" + name;
        int accounts = admin.expect(200, "GET", api + "/aws/accounts", null).json().size();
        int sets = admin.expect(200, "GET", api + "/aws/permission-sets", null).json().size();
        String model = admin.findClientByClientId(name, "aws-access").orElseThrow().path("id").asText();
        int roles = admin.expect(200, "GET", api + "/clients/" + model + "/roles?first=0&max=10000", null).json().size();
        int lastGroup = admin.expect(200, "GET", api + "/aws/assignments?group=/group-199", null).json().size();
        if (accounts != 5000 || sets != 50 || roles != 5000 || lastGroup != 25) {
            throw new AssertionError(name + " import incomplete: " + accounts + " accounts, " + sets + " sets, "
                    + roles + " access roles, " + lastGroup + " assignments of /group-199");
        }
        return seconds;
    }
}
