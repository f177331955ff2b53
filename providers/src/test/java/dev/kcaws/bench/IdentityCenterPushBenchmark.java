package dev.kcaws.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SCIM push through a real Keycloak (its own server, H2), to the AWS-like SCIM server: a realm
 * of {@value #USERS} users in {@value #GROUPS} groups with 50,000 memberships (each user in 5 groups,
 * 250 members per group, as {@link ScimPushBenchmark}), then the push settings saved through
 * Keycloak's components API, which queues the first full reconcile. Prints and writes to
 * {@code providers/target/benchmark/identity-center-push-benchmark.txt}:
 * <ul>
 *   <li>the realm's creation (one {@code POST /admin/realms} with the groups, then the users with
 *       their group paths in {@code partialImport} calls of {@value #DEFAULT_IMPORT_CHUNK}, each its
 *       own transaction);</li>
 *   <li>from saving the settings until the first reconcile's run is recorded
 *       ({@code GET push/status} → {@code lastReconcile}) and until the fake holds everything; the
 *       fake's request counts against the fewest AWS's rules allow (10,800 writes);</li>
 *   <li>{@code POST push/sync} of the unchanged realm: time, writes (target 0);</li>
 *   <li>one membership removed through the admin API until the fake applied it.</li>
 * </ul>
 * Asserts only correctness (every user, group and membership arrived; no write on the unchanged
 * sync). A reconcile that fails (a non-OK run, an error the server logs about the push, e.g. a
 * transaction timeout) or does not finish within {@code -Dkcaws.bench.pushMinutes} (default 20)
 * ends the benchmark at once with the status and the server's log lines in the report and the failure.
 *
 * <p>Options: {@code -Dkcaws.bench.transactionTimeout=30m} starts Keycloak with
 * {@code --transaction-default-timeout=30m} (unset: Keycloak's default);
 * {@code -Dkcaws.bench.importChunk=1000}. Run alone (see docs/identity-center-push.md, "Benchmark on Keycloak").
 */
@Tag("benchmark")
class IdentityCenterPushBenchmark {

    static final int USERS = 10_000;
    static final int GROUPS = 200;
    static final int GROUPS_PER_USER = 5;
    static final int MEMBERSHIPS = USERS * GROUPS_PER_USER;
    /** 10,000 CreateUser + 200 CreateGroup (with up to 100 of the 250 members) + 2 PatchGroup per group (≤ 100 changes each). */
    static final long MINIMUM = USERS + GROUPS + GROUPS * 2L;
    static final int DEFAULT_IMPORT_CHUNK = 1000;

    private static final String REALM = "scim-bench";
    private static final String TOKEN = "benchmark-scim-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_PUSH_PATIENCE = Duration.ofMinutes(Long.getLong("kcaws.bench.pushMinutes", 20));
    /** After a run recorded OK, how long the fake may still lack something before that is a failure. */
    private static final Duration AFTER_RUN_PATIENCE = Duration.ofSeconds(60);

    private final StringBuilder report = new StringBuilder("# kcaws SCIM push through Keycloak (AWS-like SCIM server)\n\n");

    @Test
    void tenThousandUsersPushedThroughKeycloak() throws Exception {
        KeycloakServer server = KeycloakServer.fromBuild();
        String transactionTimeout = System.getProperty("kcaws.bench.transactionTimeout", "").strip();
        if (!transactionTimeout.isEmpty()) {
            server.withOption("--transaction-default-timeout=" + transactionTimeout);
        }
        report.append(String.format(Locale.ROOT, "%,d users, %,d chosen groups, %,d memberships (each user in %d groups, 250 members per group). "
                        + "Keycloak transaction timeout: %s.%n%n", USERS, GROUPS, MEMBERSHIPS, GROUPS_PER_USER,
                transactionTimeout.isEmpty() ? "Keycloak's default" : transactionTimeout));
        report.append("| step | time | requests | writes | reads | vs minimum | result |\n|---|---:|---:|---:|---:|---:|---|\n");
        try (server; AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN)) {
            server.start();
            run(server, scim);
        } finally {
            report.append(String.format(Locale.ROOT, "%nOne run, wall-clock, %d cores, system load average %.1f at the end; "
                            + "the fake answers from memory in the test's JVM (no AWS latency).%n",
                    Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            String text = report.toString();
            System.out.println(text);
            Path out = Path.of("target", "benchmark", "identity-center-push-benchmark.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
        }
    }

    private void run(KeycloakServer server, AwsLikeScimServer scim) throws IOException, InterruptedException {
        AdminApi admin = server.adminApi();

        // ---- the realm ----
        int chunk = Integer.getInteger("kcaws.bench.importChunk", DEFAULT_IMPORT_CHUNK);
        long started = System.nanoTime();
        admin.createRealm(realmWithGroups());
        for (int from = 0; from < USERS; from += chunk) {
            int to = Math.min(from + chunk, USERS);
            ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "FAIL");
            ArrayNode users = body.putArray("users");
            for (int i = from; i < to; i++) {
                users.add(user(i));
            }
            JsonNode answer = admin.expect(200, "POST", realmPath() + "/partialImport", body).json();
            if (answer.path("added").asInt() != to - from) {
                throw new AssertionError("partialImport of users " + from + ".." + (to - 1) + " added " + answer.path("added"));
            }
        }
        double realmSeconds = secondsSince(started);
        Map<String, String> groupIds = groupIds(admin);
        checkRealm(admin, groupIds);
        row(String.format(Locale.ROOT, "create the realm (POST /admin/realms with %d groups, then %d partialImport of %,d users with their groups)",
                GROUPS, (USERS + chunk - 1) / chunk, chunk), realmSeconds, null, "–", "10,000 users, 50,000 memberships in Keycloak");

        // ---- save the settings: the first reconcile ----
        KeycloakPushFixture push = new KeycloakPushFixture(admin, REALM, scim, TOKEN);
        List<String> chosen = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            chosen.add(groupIds.get(groupName(g)));
        }
        started = System.nanoTime();
        push.configureGroupIds(scim.endpoint(), TOKEN, chosen, "DEACTIVATE", 0);
        FirstPush first = awaitFirstPush(server, push, scim, started);
        if (first.failure() != null) {
            row("save the settings → first reconcile", secondsSince(started), scim, "–", "**FAILED**: " + first.failure());
            report.append("\nThe fake's requests until then: ").append(operations(scim)).append('\n');
            throw new AssertionError("the first reconcile failed: " + first.failure());
        }
        verifyFake(scim);
        long writes = scim.writeRequests();
        row(String.format(Locale.ROOT, "save the settings → first reconcile's run recorded (lastReconcile) / fake holds everything: %.1f s / %.1f s",
                        first.runRecordedSeconds(), first.completeSeconds()),
                Math.max(first.runRecordedSeconds(), first.completeSeconds()), scim,
                String.format(Locale.ROOT, "writes %.4fx, all %.4fx", (double) writes / MINIMUM, (double) scim.totalRequests() / MINIMUM),
                runSummary(first.run()));
        report.append("\nFirst reconcile's requests by kind: ").append(operations(scim)).append(String.format(Locale.ROOT,
                " (minimum: CreateUser %,d + CreateGroup %,d + PatchGroup %,d = %,d writes)%n%n", USERS, GROUPS, GROUPS * 2, MINIMUM));
        long rejected = Arrays.stream(ScimRule.values()).mapToLong(scim::rejections).sum();
        if (rejected > 0) {
            throw new AssertionError("the fake refused " + rejected + " requests of the first reconcile: " + rules(scim));
        }

        // ---- sync now, nothing changed ----
        scim.resetCounters();
        started = System.nanoTime();
        String reconciledBefore = push.status().path("lastReconcile").path("finishedAt").asText();
        ApiResponse sync = push.sync();
        JsonNode syncRun = sync.status() == 200 ? sync.json() : null;
        if (sync.status() == 202) {
            // Still running after the request's 10 s: its run shows as lastReconcile when done.
            KeycloakPushFixture.await("the sync's reconcile recorded",
                    () -> !push.status().path("lastReconcile").path("finishedAt").asText().equals(reconciledBefore), push::status);
            syncRun = push.status().path("lastReconcile");
        }
        double syncSeconds = secondsSince(started);
        if (syncRun == null) {
            row("POST push/sync, unchanged realm", syncSeconds, scim, "–", "**FAILED**: HTTP " + sync.status() + " " + sync.body());
            throw new AssertionError("sync now answered " + sync.status() + ": " + sync.body());
        }
        long syncWrites = scim.writeRequests();
        row("POST push/sync, unchanged realm", syncSeconds, scim,
                syncWrites == 0 ? "0 writes (target 0: met)" : syncWrites + " writes (target 0: MISSED)", runSummary(syncRun));
        if (!"OK".equals(syncRun.path("outcome").asText()) || syncWrites != 0) {
            report.append("\nSync's requests by kind: ").append(operations(scim)).append('\n');
            throw new AssertionError("sync of the unchanged realm: " + syncRun + "; writes " + syncWrites + ": " + operations(scim));
        }

        // ---- one membership removed ----
        String userId = admin.findUserId(REALM, "user0").orElseThrow();
        String groupId = groupIds.get(groupName(0));
        String scimGroup = push.scimGroup(groupName(0)).orElseThrow().path("id").asText();
        String scimUser = push.scimUser(email(0)).orElseThrow().path("id").asText();
        scim.resetCounters();
        started = System.nanoTime();
        admin.expect(204, "DELETE", realmPath() + "/users/" + userId + "/groups/" + groupId, null);
        // Timed from before the admin call: delivery starts after its commit, often before its 204 reaches us.
        KeycloakPushFixture.await("user0 out of Group-0 in the fake",
                () -> !scim.directory().membersOf(scimGroup).contains(scimUser), push::status);
        row("one membership removed (DELETE …/users/{id}/groups/{id}) until the fake applied it", secondsSince(started), scim, "minimum 1", "");
    }

    private record FirstPush(double runRecordedSeconds, double completeSeconds, JsonNode run, String failure) {
    }

    /**
     * Polls the status and the fake until the first reconcile's run is recorded and the fake holds
     * everything; stops at the first sign of failure (a run that is not OK, an error the server
     * logged about the push or a transaction timeout, the patience running out).
     */
    private static FirstPush awaitFirstPush(KeycloakServer server, KeycloakPushFixture push, AwsLikeScimServer scim, long saved)
            throws InterruptedException {
        double recorded = -1;
        double complete = -1;
        long deadline = saved + FIRST_PUSH_PATIENCE.toNanos();
        long nextLogCheck = System.nanoTime();
        JsonNode status = null;
        while (true) {
            status = push.status();
            JsonNode run = status.path("lastReconcile");
            if (recorded < 0 && run.isObject()) {
                recorded = secondsSince(saved);
            }
            if (complete < 0 && fakeHoldsEverything(scim)) {
                complete = secondsSince(saved);
            }
            if (run.isObject() && !"OK".equals(run.path("outcome").asText())) {
                return new FirstPush(recorded, complete, run, "lastReconcile is " + run.path("outcome").asText()
                        + " after " + fixed(secondsSince(saved)) + " s, error: " + run.path("error") + "; status: " + status
                        + "; " + fakeState(scim) + serverErrors(server));
            }
            if (recorded >= 0 && complete >= 0) {
                return new FirstPush(recorded, complete, run, null);
            }
            long now = System.nanoTime();
            if (recorded >= 0 && now - saved > (long) (recorded * 1e9) + AFTER_RUN_PATIENCE.toNanos()) {
                return new FirstPush(recorded, complete, run, "lastReconcile is OK but the fake still lacks something "
                        + AFTER_RUN_PATIENCE.toSeconds() + " s later: " + fakeState(scim) + "; status: " + status);
            }
            if (now > nextLogCheck) {
                String errors = serverErrors(server);
                if (!errors.isEmpty()) {
                    return new FirstPush(recorded, complete, run, "after " + fixed(secondsSince(saved)) + " s, status: " + status
                            + "; " + fakeState(scim) + errors);
                }
                nextLogCheck = now + Duration.ofSeconds(5).toNanos();
            }
            if (now > deadline) {
                return new FirstPush(recorded, complete, run, "not done after " + FIRST_PUSH_PATIENCE.toMinutes() + " min; status: "
                        + status + "; " + fakeState(scim) + serverErrors(server));
            }
            Thread.sleep(500);
        }
    }

    /** The server's ERROR lines about the push (with the exception line after each) and transaction-timeout warnings; empty when none. */
    private static String serverErrors(KeycloakServer server) {
        List<String> lines = server.logSinceStart().lines().toList();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size() && found.size() < 12; i++) {
            String line = lines.get(i);
            boolean pushError = line.contains("ERROR") && line.contains("IAM Identity Center");
            boolean timeout = line.contains("ARJUNA012117") || line.contains("ARJUNA012121");
            if (pushError || timeout) {
                found.add(line.strip());
                if (pushError && i + 1 < lines.size()) {
                    found.add("  " + lines.get(i + 1).strip());
                }
            }
        }
        boolean failed = found.stream().anyMatch(l -> l.contains("ERROR"));
        return failed ? "; Keycloak logged:\n    " + String.join("\n    ", found) : "";
    }

    private static boolean fakeHoldsEverything(AwsLikeScimServer scim) {
        return scim.directory().userCount() == USERS && scim.directory().groupCount() == GROUPS && scim.memberChanges() >= MEMBERSHIPS;
    }

    private static String fakeState(AwsLikeScimServer scim) {
        return String.format(Locale.ROOT, "the fake holds %,d users, %,d groups, %,d membership changes applied, %,d requests",
                scim.directory().userCount(), scim.directory().groupCount(), scim.memberChanges(), scim.totalRequests());
    }

    /** Every user, every group and exactly the memberships Keycloak has, by userName and displayName. */
    private static void verifyFake(AwsLikeScimServer scim) {
        Map<String, String> names = scim.directory().userNamesById();
        Set<String> expectedUsers = new HashSet<>();
        for (int i = 0; i < USERS; i++) {
            expectedUsers.add(email(i));
        }
        if (!new HashSet<>(names.values()).equals(expectedUsers)) {
            throw new AssertionError("the fake's users differ from Keycloak's: " + names.size() + " users");
        }
        List<String> wrong = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            JsonNode group = scim.directory().groupByDisplayName(groupName(g)).orElse(null);
            if (group == null) {
                wrong.add(groupName(g) + " missing");
                continue;
            }
            Set<String> members = scim.directory().membersOf(group.path("id").asText()).stream().map(names::get).collect(Collectors.toSet());
            if (!members.equals(expectedMembers(g))) {
                wrong.add(groupName(g) + " has " + members.size() + " members");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("the fake's groups differ from Keycloak's: " + wrong.subList(0, Math.min(10, wrong.size())));
        }
    }

    // ---- the realm ----

    private static ObjectNode realmWithGroups() {
        ObjectNode realm = JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        ArrayNode groups = realm.putArray("groups");
        for (int g = 0; g < GROUPS; g++) {
            groups.addObject().put("name", groupName(g));
        }
        return realm;
    }

    /** User i is in groups i, i+40, i+80, i+120, i+160 (mod 200): 250 members in every group. */
    private static ObjectNode user(int i) {
        ObjectNode user = JSON.createObjectNode().put("username", "user" + i).put("email", email(i)).put("emailVerified", true)
                .put("firstName", "First" + i).put("lastName", "Last" + i).put("enabled", true);
        ArrayNode groups = user.putArray("groups");
        for (int k = 0; k < GROUPS_PER_USER; k++) {
            groups.add("/" + groupName(groupOf(i, k)));
        }
        return user;
    }

    private static int groupOf(int user, int k) {
        return (user + k * (GROUPS / GROUPS_PER_USER)) % GROUPS;
    }

    private static Set<String> expectedMembers(int group) {
        Set<String> members = new HashSet<>();
        for (int i = 0; i < USERS; i++) {
            for (int k = 0; k < GROUPS_PER_USER; k++) {
                if (groupOf(i, k) == group) {
                    members.add(email(i));
                }
            }
        }
        return members;
    }

    private static Map<String, String> groupIds(AdminApi admin) {
        Map<String, String> ids = new HashMap<>();
        admin.expect(200, "GET", realmPath() + "/groups?first=0&max=1000&briefRepresentation=true", null).json()
                .forEach(g -> ids.put(g.path("name").asText(), g.path("id").asText()));
        return ids;
    }

    private static void checkRealm(AdminApi admin, Map<String, String> groupIds) {
        int users = Integer.parseInt(admin.expect(200, "GET", realmPath() + "/users/count", null).body().strip());
        int members = admin.expect(200, "GET", realmPath() + "/groups/" + groupIds.get(groupName(199)) + "/members?first=0&max=1000&briefRepresentation=true", null)
                .json().size();
        if (groupIds.size() != GROUPS || users != USERS || members != MEMBERSHIPS / GROUPS) {
            throw new AssertionError("the realm is not whole: " + groupIds.size() + " groups, " + users + " users, " + members + " members of Group-199");
        }
    }

    private static String realmPath() {
        return "/admin/realms/" + REALM;
    }

    private static String groupName(int g) {
        return "Group-" + g;
    }

    private static String email(int i) {
        return "user" + i + "@example.com";
    }

    // ---- the report ----

    private void row(String step, double seconds, AwsLikeScimServer scim, String versusMinimum, String result) {
        String requests = scim == null ? "–" : String.format(Locale.ROOT, "%,d", scim.totalRequests());
        String writes = scim == null ? "–" : String.format(Locale.ROOT, "%,d", scim.writeRequests());
        String reads = scim == null ? "–" : String.format(Locale.ROOT, "%,d", scim.totalRequests() - scim.writeRequests());
        String time = seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000) : String.format(Locale.ROOT, "%.1f s", seconds);
        report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", step, time, requests, writes, reads, versusMinimum, result));
    }

    private static String runSummary(JsonNode run) {
        return String.format(Locale.ROOT, "%s: created %,d, updated %,d, deactivated %,d, deleted %,d, unchanged %,d, requests %,d, failures %d",
                run.path("outcome").asText(), run.path("created").asInt(), run.path("updated").asInt(), run.path("deactivated").asInt(),
                run.path("deleted").asInt(), run.path("unchanged").asInt(), run.path("requests").asInt(), run.path("failures").size());
    }

    private static String operations(AwsLikeScimServer scim) {
        return Arrays.stream(ScimOperation.values()).filter(op -> scim.requests(op) > 0)
                .map(op -> String.format(Locale.ROOT, "%s %,d", op, scim.requests(op))).collect(Collectors.joining(", "));
    }

    private static String rules(AwsLikeScimServer scim) {
        return Arrays.stream(ScimRule.values()).filter(r -> scim.rejections(r) > 0)
                .map(r -> r + " " + scim.rejections(r)).collect(Collectors.joining(", "));
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
