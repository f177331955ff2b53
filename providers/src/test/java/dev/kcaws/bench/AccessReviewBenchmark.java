package dev.kcaws.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.GeneratedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The access review at scale (prints figures; asserts only that each answer has the rows it must):
 * {@value #USERS} users in {@value #GROUPS} groups, each user in two groups, each group holding one
 * permission set in four accounts, so {@value #USERS} x 2 x 4 rows for the whole realm.
 * {@code -Dkcaws.bench.reviewUsers=} sets the number of users.
 */
@Tag("benchmark")
class AccessReviewBenchmark {

    static final int USERS = 5000;
    static final int GROUPS = 50;
    static final int RUNS = 3;

    @Test
    void reviewOfAWholeRealm() throws IOException {
        int users = Integer.getInteger("kcaws.bench.reviewUsers", USERS);
        AdminApi admin = SharedKeycloak.get().adminApi();
        String realm = "review-bench";
        GeneratedRealm generated = GeneratedRealm.named(realm).accounts(2 * GROUPS + 4).permissionSet("ReadOnly", 3600);
        for (int g = 0; g < GROUPS; g++) {
            generated.group(String.format("g-%02d", g), "ReadOnly", 2 * g, 2 * g + 4);
        }
        for (int u = 0; u < users; u++) {
            generated.user(String.format("u-%05d", u), String.format("g-%02d", u % GROUPS), String.format("g-%02d", (u * 7 + 3) % GROUPS));
        }
        ObjectNode json = generated.json();
        // No passwords: hashing thousands of them would be the import's whole cost, and nobody signs in here.
        json.withArray("users").forEach(u -> ((ObjectNode) u).remove("credentials"));
        long started = System.nanoTime();
        admin.createRealm(json);
        double importSeconds = (System.nanoTime() - started) / 1e9;
        String api = "/admin/realms/" + realm + "/aws/access-review";
        int rows = 0;
        for (int u = 0; u < users; u++) {
            rows += (u % GROUPS == (u * 7 + 3) % GROUPS ? 1 : 2) * 4;
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# kcaws access review at scale%n%n%,d users, %d groups, %,d rows for the whole realm; median of %d calls after one warm-up.%n%n"
                        + "| request | ms | rows | bytes |%n|---|---:|---:|---:|%n", users, GROUPS, rows, RUNS));
        measure(report, admin, "whole realm, JSON", api, rows);
        measure(report, admin, "whole realm, CSV", api + "?format=csv", rows);
        measure(report, admin, "one account, JSON", api + "?account=" + GeneratedRealm.accountId(GROUPS), -1);
        measure(report, admin, "one user, JSON", api + "?user=u-00042", 8);
        report.append(String.format(Locale.ROOT, "%n(realm import without passwords: %.1f s)%n", importSeconds));
        admin.deleteRealm(realm);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "access-review-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void measure(StringBuilder report, AdminApi admin, String what, String path, int expectedRows) {
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        int bytes = 0;
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            ApiResponse response = admin.send("GET", path, null);
            double ms = (System.nanoTime() - started) / 1e6;
            if (response.status() != 200) {
                throw new AssertionError(path + " answered " + response.status() + ": " + response.body());
            }
            rows = path.contains("format=csv") ? response.body().split("\r\n").length - 1 : response.json().path("rows").size();
            bytes = response.body().length();
            if (expectedRows >= 0 && rows != expectedRows) {
                throw new AssertionError(path + " listed " + rows + " rows, expected " + expectedRows);
            }
            if (run > 0) {
                millis.add(ms);
            }
        }
        millis.sort(null);
        report.append(String.format(Locale.ROOT, "| %s | %.0f | %,d | %,d |%n", what, millis.get(millis.size() / 2), rows, bytes));
    }
}
