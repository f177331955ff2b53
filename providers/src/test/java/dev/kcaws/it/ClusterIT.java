package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.GeneratedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakCluster;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.Page;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two production-mode Keycloak nodes in one Infinispan cluster on one PostgreSQL database
 * ({@link KeycloakCluster}), and what the bundle guarantees there: a change made on one node is in
 * the very next login, portal view and shortcut on the other; concurrent edits split across the
 * nodes lose nothing; a node killed with SIGKILL in the middle of a bulk assignment leaves all or
 * nothing; a database outage shows users an error page and writes nothing half, and service
 * resumes when the database is back, without restarting Keycloak. Prints its figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String REALM = "aws-demo";
    static final String API = "/admin/realms/" + REALM + "/aws";
    static final String TOGGLED_ACCOUNT = "111111111111";
    static final String TOGGLED_SET = "Billing";

    static KeycloakCluster cluster;
    static final StringBuilder figures = new StringBuilder();

    @BeforeAll
    static void cluster() {
        long started = System.nanoTime();
        cluster = KeycloakCluster.start(2, List.of(DemoRealm.file()));
        figure("cluster of 2 nodes on PostgreSQL up in %.0f s (node starts %.0f s and %.0f s)",
                (System.nanoTime() - started) / 1e9, seconds(cluster.node(0)), seconds(cluster.node(1)));
    }

    @AfterAll
    static void stop() {
        System.out.println("ClusterIT figures:" + figures);
        if (cluster != null) {
            cluster.close();
        }
    }

    static AdminApi admin(int node) {
        return cluster.node(node).adminApi();
    }

    // ---- (a) a change on one node is seen by the very next request on the other ----

    @Test
    @Order(1)
    void aGrantOrRevokeOnOneNodeIsInTheVeryNextLoginPortalViewAndShortcutOnTheOther() {
        String user = "casey";
        admin(0).createUser(REALM, user, user);
        // A pair that stays, so every login sends a response; the toggled one comes and goes.
        admin(0).expect(201, "POST", API + "/assignments", Map.of("user", user, "accountId", "333333333333", "permissionSet", "ReadOnlyAccess"));
        int rounds = 20;
        int checks = 0;
        List<String> stale = new ArrayList<>();
        boolean held = false;
        for (int round = 0; round < rounds; round++) {
            int writer = (round / 2) % 2;
            int reader = 1 - writer;
            held = !held;
            if (held) {
                admin(writer).expect(201, "POST", API + "/assignments",
                        Map.of("user", user, "accountId", TOGGLED_ACCOUNT, "permissionSet", TOGGLED_SET));
            } else {
                admin(writer).expect(204, "DELETE", API + "/assignments?user=" + user + "&accountId=" + TOGGLED_ACCOUNT
                        + "&permissionSet=" + TOGGLED_SET, null);
            }
            String change = (held ? "grant" : "revoke") + " on node " + writer + ", round " + round + ": ";
            AwsLogin aws = AwsLogin.to(cluster.node(reader), REALM);
            BrowserSession browser = new BrowserSession();

            List<String> pairs = aws.plain(browser, user).accepted().rolePairs().stream()
                    .map(p -> p.accountId() + "/" + p.roleName()).toList();
            checks++;
            if (pairs.contains(TOGGLED_ACCOUNT + "/" + TOGGLED_SET) != held) {
                stale.add(change + "login on node " + reader + " offered " + pairs);
            }

            Page portal = browser.get(aws.realmUrl() + "/aws/");
            assertThat(portal.status()).as(portal.toString()).isEqualTo(200);
            List<String> roles = portal.document()
                    .select(".kcaws-account[data-account-id=" + TOGGLED_ACCOUNT + "] .kcaws-role").eachAttr("data-role");
            checks++;
            if (roles.contains(TOGGLED_SET) != held) {
                stale.add(change + "portal on node " + reader + " listed " + roles);
            }

            AwsLogin.Outcome shortcut = aws.judge(browser.get(aws.shortcutUrl(TOGGLED_ACCOUNT, TOGGLED_SET, null)));
            checks++;
            if (shortcut.sentToAws() != held) {
                stale.add(change + "shortcut on node " + reader + (shortcut.sentToAws() ? " signed in" : " refused: " + shortcut.page()));
            } else if (!held) {
                assertThat(shortcut.page().errorMessage()).contains("You do not have access");
            }
        }
        figure("cross-node reads: %d checks (login, portal, shortcut) after %d grants/revokes alternating nodes, %d stale",
                checks, rounds, stale.size());
        assertThat(stale).as("stale reads").isEmpty();
    }

    // ---- (b) concurrent edits split across both nodes ----

    /** One request of a concurrent step; the thread's index picks the node (even: 0, odd: 1). */
    record Call(String method, String path, Object body) {
    }

    static final int THREADS = 8;

    /** Runs one call per thread, all released at once by a barrier; returns the statuses by thread. */
    static List<Integer> concurrently(ExecutorService pool, IntFunction<Call> call) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            AdminApi admin = admin(thread % 2);
            admin.token(); // before the barrier, so the requests leave together
            Call c = call.apply(thread);
            results.add(pool.submit(() -> {
                barrier.await();
                return admin.send(c.method(), c.path(), c.body()).status();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        return statuses;
    }

    static void count(Map<String, Integer> outcomes, String step, List<Integer> statuses) {
        statuses.forEach(s -> outcomes.merge(step + " " + s, 1, Integer::sum));
    }

    @Test
    @Order(2)
    void concurrentEditsSplitAcrossBothNodesLoseNothing() throws Exception {
        int rounds = 4;
        for (int g = 0; g < THREADS; g++) {
            admin(0).expect(201, "POST", "/admin/realms/" + REALM + "/groups", Map.of("name", "race-" + g));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> lost = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < rounds; round++) {
                int r = round;
                IntFunction<String> own = t -> String.format("8%02d%09d", r, t);
                String shared = String.format("9%02d000000000", r);

                // Different accounts created, then renamed and granted, at once on both nodes.
                List<Integer> created = concurrently(pool, t -> new Call("POST", API + "/accounts",
                        Map.of("id", own.apply(t), "name", "created-" + t)));
                count(outcomes, "create distinct accounts", created);
                soft.assertThat(created).as("round %d: distinct creates", r).containsOnly(201);
                List<Integer> renamed = concurrently(pool, t -> new Call("PUT", API + "/accounts/" + own.apply(t),
                        Map.of("id", own.apply(t), "name", "renamed-" + t)));
                count(outcomes, "rename distinct accounts", renamed);
                List<Integer> granted = concurrently(pool, t -> new Call("POST", API + "/assignments",
                        Map.of("group", "/Everyone", "accountId", own.apply(t), "permissionSet", "ReadOnlyAccess")));
                count(outcomes, "grant distinct accounts to one group", granted);
                soft.assertThat(renamed).as("round %d: renames", r).containsOnly(200);
                soft.assertThat(granted).as("round %d: grants", r).containsOnly(201);

                // Item 2's races, across nodes: one ID created by all, and its first grant to every group at once.
                List<Integer> sameId = concurrently(pool, t -> new Call("POST", API + "/accounts",
                        Map.of("id", shared, "name", "same-" + t)));
                count(outcomes, "create one account ID", sameId);
                soft.assertThat(sameId).as("round %d: one 201 and 409s for the same ID", r)
                        .filteredOn(s -> s == 201).hasSize(1);
                soft.assertThat(sameId).as("round %d: the others 409", r).filteredOn(s -> s != 201).containsOnly(409);
                String winner = "same-" + sameId.indexOf(201);
                List<Integer> firstGrants = concurrently(pool, t -> new Call("POST", API + "/assignments",
                        Map.of("group", "/race-" + t, "accountId", shared, "permissionSet", "PowerUserAccess")));
                count(outcomes, "first grants of one new pair to 8 groups", firstGrants);
                soft.assertThat(firstGrants).as("round %d: concurrent first grants", r).containsOnly(201);

                // What each node reads back afterwards.
                for (int node = 0; node < 2; node++) {
                    JsonNode accounts = admin(node).expect(200, "GET", API + "/accounts", null).json();
                    Map<String, String> names = new TreeMap<>();
                    accounts.forEach(a -> names.put(a.path("id").asText(), a.path("name").asText()));
                    for (int t = 0; t < THREADS; t++) {
                        if (!("renamed-" + t).equals(names.get(own.apply(t))) && renamed.get(t) == 200) {
                            lost.add("node " + node + ": account " + own.apply(t) + " is " + names.get(own.apply(t)) + ", not renamed-" + t);
                        }
                    }
                    long sameIdCreated = sameId.stream().filter(st -> st == 201).count();
                    if (sameIdCreated > 1) {
                        lost.add("node " + node + ": " + (sameIdCreated - 1) + " of " + sameIdCreated + " creates of " + shared
                                + " that answered 201 were overwritten (stored: " + names.get(shared) + ")");
                    } else if (sameIdCreated == 1 && !winner.equals(names.get(shared))) {
                        lost.add("node " + node + ": account " + shared + " is " + names.get(shared) + " but the 201 went to " + winner);
                    }
                    List<String> everyone = admin(node).expect(200, "GET", API + "/assignments?group=/Everyone&max=1000", null).json()
                            .findValuesAsText("accountId");
                    for (int t = 0; t < THREADS; t++) {
                        if (granted.get(t) == 201 && !everyone.contains(own.apply(t))) {
                            lost.add("node " + node + ": grant of " + own.apply(t) + " to /Everyone is gone");
                        }
                    }
                    List<String> raceGroups = admin(node).expect(200, "GET", API + "/assignments?accountId=" + shared + "&max=1000", null)
                            .json().findValuesAsText("group");
                    for (int t = 0; t < THREADS; t++) {
                        if (firstGrants.get(t) == 201 && !raceGroups.contains("/race-" + t)) {
                            lost.add("node " + node + ": first grant of " + shared + " to /race-" + t + " answered 201 but is gone");
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        figure("concurrent edits across nodes: %d rounds × 5 steps × %d threads (split over 2 nodes); outcomes %s; lost %d%s",
                rounds, THREADS, outcomes, lost.size(), lost.isEmpty() ? "" : " " + lost);
        soft.assertThat(lost).as("lost updates").isEmpty();
        soft.assertAll();
    }

    /**
     * The races of {@link ModelRacesIT}, with each barrier-started batch split over both nodes: one
     * account ID created by all, first grants of one new pair, grants racing the account's delete,
     * updates racing a delete, and distinct edits; in a realm of their own.
     */
    @Test
    @Order(2)
    void theModelRacesLoseAndResurrectNothingAcrossNodes() {
        ModelRaces races = new ModelRaces(List.of(admin(0), admin(1)), "race-cluster");
        races.createRealm();
        try {
            for (int round = 0; round < 2; round++) {
                races.sameAccountCreatedOnce(8);
                races.samePermissionSetCreatedOnce(8);
                races.firstGrantsToManyPrincipalsAllSucceed(8);
                races.deleteWhileGrantingLeavesNoOrphan(8);
                races.updateRacesDelete(6);
                races.differentEditsAllKept(8);
            }
            figure("ModelRaces across 2 nodes: 2 rounds of 6 scenarios passed");
        } finally {
            races.deleteRealm();
        }
    }

    // ---- (c) SIGKILL in the middle of a bulk assignment ----

    @Test
    @Order(3)
    void aNodeKilledInTheMiddleOfABulkAssignmentLeavesAllOrNothing() throws Exception {
        String realm = "bulk";
        int accounts = 1000;
        admin(0).createRealm(GeneratedRealm.named(realm).accounts(accounts).permissionSet("ReadOnlyAccess", 3600)
                .group("Everyone", "ReadOnlyAccess", 0).json());
        List<String> ids = IntStream.range(0, accounts).mapToObj(GeneratedRealm::accountId).toList();
        AdminApi victim = admin(1);
        victim.token();
        CompletableFuture<ApiResponse> bulk = CompletableFuture.supplyAsync(() -> victim.send("POST",
                "/admin/realms/" + realm + "/aws/assignments/bulk",
                Map.of("groups", List.of("/Everyone"), "accountIds", ids, "permissionSets", List.of("ReadOnlyAccess"))));
        // A transaction that has written (it holds a transaction ID) and stays open: the bulk call at work.
        String writing = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'keycloak' AND pid <> pg_backend_pid()"
                + " AND backend_xid IS NOT NULL AND xact_start < now() - interval '200 milliseconds'";
        boolean seenWriting = false;
        while (!bulk.isDone() && !seenWriting) {
            seenWriting = !cluster.database().query(writing).equals("0");
        }
        cluster.node(1).kill();
        String callOutcome;
        try {
            ApiResponse response = bulk.join();
            callOutcome = "answered " + response.status() + " before the kill";
        } catch (RuntimeException e) {
            callOutcome = "cut off by the kill (" + rootMessage(e) + ")";
        }

        String rolesSql = "SELECT count(*) FROM keycloak_role r JOIN client c ON r.client = c.id JOIN realm m ON c.realm_id = m.id"
                + " WHERE m.name = '" + realm + "' AND c.client_id = 'aws-access' AND r.name LIKE 'access:%'";
        String mappingsSql = "SELECT count(*) FROM group_role_mapping g JOIN keycloak_role r ON g.role_id = r.id JOIN client c ON r.client = c.id"
                + " JOIN realm m ON c.realm_id = m.id WHERE m.name = '" + realm + "' AND c.client_id = 'aws-access'";
        int roles = Integer.parseInt(cluster.database().query(rolesSql));
        int mappings = Integer.parseInt(cluster.database().query(mappingsSql));
        int seenBySurvivor = assignments(admin(0), realm);
        long restartStarted = System.nanoTime();
        cluster.node(1).start();
        cluster.awaitOneCluster();
        double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
        int seenByRestarted = assignments(admin(1), realm);
        figure("kill -9 during a 1,000-account bulk assignment (writing transaction seen: %s): call %s; afterwards %d access roles"
                        + " and %d group mappings in the database, %d assignments via the surviving node, %d via the killed node"
                        + " restarted in %.0f s",
                seenWriting, callOutcome, roles, mappings, seenBySurvivor, seenByRestarted, restartSeconds);
        assertThat(seenWriting).as("the kill came while the bulk call's transaction was writing").isTrue();
        assertThat(callOutcome).startsWith("cut off");
        List<Integer> counts = List.of(roles, mappings, seenBySurvivor, seenByRestarted);
        assertThat(counts.stream().distinct().toList()).as("all or nothing, everywhere: " + counts)
                .isIn(List.of(0), List.of(accounts));
        admin(0).deleteRealm(realm);
    }

    static int assignments(AdminApi admin, String realm) {
        return admin.expect(200, "GET", "/admin/realms/" + realm + "/aws/assignments?group=/Everyone&max=1000", null).json().size();
    }

    static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    // ---- (d) the database goes away and comes back ----

    @Test
    @Order(4)
    void aDatabaseOutageShowsAClearPageWritesNothingAndServiceResumesWithoutARestart() throws Exception {
        String user = "dana";
        admin(0).createUser(REALM, user, user);
        admin(0).expect(201, "POST", API + "/assignments", Map.of("user", user, "accountId", "222222222222", "permissionSet", "ReadOnlyAccess"));
        AwsLogin aws0 = AwsLogin.to(cluster.node(0), REALM);
        AwsLogin aws1 = AwsLogin.to(cluster.node(1), REALM);
        BrowserSession signedIn = new BrowserSession();
        assertThat(aws0.plain(signedIn, user).accepted().rolePairs()).hasSize(1);
        String accountsBefore = admin(0).expect(200, "GET", API + "/accounts", null).body();
        long pid0 = pid(cluster.node(0));
        long pid1 = pid(cluster.node(1));
        AdminApi admin1 = admin(1);
        admin1.token(); // valid for 45 s more: the write below is the first request of the outage

        cluster.database().stop();
        List<String> seen = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        try {
            try {
                ApiResponse write = admin1.send("POST", API + "/accounts", Map.of("id", "444444444444", "name", "during-outage"));
                seen.add("admin create account on node 1: " + write.status() + " " + abbreviate(write.body()));
                soft.assertThat(write.status()).as("a write during the outage fails").isGreaterThanOrEqualTo(500);
                soft.assertThat(write.body()).as("admin API error shows no internals").doesNotContain("Exception", "\tat ", "SQL");
            } catch (RuntimeException e) {
                seen.add("admin create account on node 1: no answer (" + rootMessage(e) + ")");
            }
            Page login = loginPage(aws1, new BrowserSession(), user);
            Page portal = signedIn.get(aws0.realmUrl() + "/aws/");
            Page shortcut = signedIn.get(aws0.shortcutUrl("222222222222", "ReadOnlyAccess", null));
            for (var entry : Map.of("fresh login on node 1", login, "portal on node 0", portal, "shortcut on node 0", shortcut).entrySet()) {
                Page page = entry.getValue();
                seen.add(entry.getKey() + ": " + page.status() + " \"" + abbreviate(page.text()) + "\"");
                soft.assertThat(page.document().selectFirst("form input[name=SAMLResponse]")).as(entry.getKey() + " sends nothing to AWS").isNull();
                soft.assertThat(page.body()).as(entry.getKey() + " shows no internals")
                        .doesNotContain("Exception", "\tat ", "org.hibernate", "org.keycloak", "jdbc", "SQL");
                soft.assertThat(page.status()).as(entry.getKey() + " is an error").isGreaterThanOrEqualTo(400);
            }
        } finally {
            cluster.database().start();
        }
        long back = System.nanoTime();
        List<Double> resumed = new ArrayList<>();
        for (AwsLogin aws : List.of(aws0, aws1)) {
            resumed.add(awaitLogin(aws, user, back));
        }
        soft.assertThat(admin(0).expect(200, "GET", API + "/accounts", null).body()).as("nothing written during the outage")
                .isEqualTo(accountsBefore);
        soft.assertThat(admin(1).send("GET", API + "/accounts/444444444444", null).status()).isEqualTo(404);
        soft.assertThat(List.of(pid(cluster.node(0)), pid(cluster.node(1)))).as("no restart").containsExactly(pid0, pid1);
        figure("database outage: %s; after the database returned, logins worked again on node 0 after %.1f s and node 1 after %.1f s,"
                + " same processes", seen, resumed.get(0), resumed.get(1));
        soft.assertAll();
    }

    // ---- (e) every node crashes at once ----

    /**
     * Both nodes killed and started again together, as after a power cut. Figures only, except that
     * the nodes end up in one cluster and a revoke made on one is seen on the other after that: if
     * they first formed two clusters, a revoke during that window may not be seen by the other
     * node (README, "When every node crashes at once"); this records whether it was.
     */
    @Test
    @Order(5)
    void afterEveryNodeCrashedAtOnceTheNodesEndUpInOneClusterAndAgree() {
        String user = "casey";
        String account = "222222222222";
        admin(0).expect(201, "POST", API + "/assignments", Map.of("user", user, "accountId", account, "permissionSet", TOGGLED_SET));
        cluster.node(0).kill();
        cluster.node(1).kill();
        long restarted = System.nanoTime();
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> cluster.node(0).start()),
                CompletableFuture.runAsync(() -> cluster.node(1).start())).join();
        double readySeconds = (System.nanoTime() - restarted) / 1e9;
        long ready = System.nanoTime();
        List<Integer> viewsAtReady = List.of(cluster.node(0).clusterViewSize(), cluster.node(1).clusterViewSize());

        // Node 1 caches casey's roles, node 0 revokes one, node 1 is asked again.
        AwsLogin aws1 = AwsLogin.to(cluster.node(1), REALM);
        boolean heldBefore = aws1.shortcut(new BrowserSession(), user, account, TOGGLED_SET, null).sentToAws();
        admin(0).expect(204, "DELETE", API + "/assignments?user=" + user + "&accountId=" + account + "&permissionSet=" + TOGGLED_SET, null);
        List<Integer> viewsAtRevoke = List.of(cluster.node(0).clusterViewSize(), cluster.node(1).clusterViewSize());
        boolean staleInWindow = aws1.shortcut(new BrowserSession(), user, account, TOGGLED_SET, null).sentToAws();

        boolean oneClusterAtReady = viewsAtReady.equals(List.of(2, 2));
        String merged;
        if (cluster.oneClusterWithin(Duration.ofSeconds(120))) {
            merged = oneClusterAtReady ? "already at ready" : String.format("%.0f s after ready", (System.nanoTime() - ready) / 1e9);
        } else {
            // Seen once in about ten runs: restarted on their old JGroups ports, both nodes sent their
            // JOINs to the dead members' entries in the table (same addresses, other identities),
            // became clusters of one, and MERGE3 did not merge them for over two minutes. The remedy
            // docs/cluster.md gives operators: restart one node; it joins the other's cluster.
            cluster.node(1).stop();
            cluster.node(1).start();
            cluster.awaitOneCluster();
            merged = String.format("only after restarting node 1 (no merge within 120 s of ready; one cluster %.0f s after ready)",
                    (System.nanoTime() - ready) / 1e9);
        }
        boolean staleAfter = aws1.shortcut(new BrowserSession(), user, account, TOGGLED_SET, null).sentToAws();
        figure("both nodes killed and started together: ready after %.0f s with views of %s members; views at the revoke %s;"
                        + " login on node 1 before the revoke on node 0 %s, right after it %s; one cluster (views %s / %s) %s;"
                        + " after that the revoke is %s on node 1",
                readySeconds, viewsAtReady, viewsAtRevoke, heldBefore ? "signed in" : "refused",
                staleInWindow ? "STILL signed in (stale)" : "refused", cluster.node(0).clusterViews(), cluster.node(1).clusterViews(),
                merged, staleAfter ? "NOT seen" : "seen");
        assertThat(heldBefore).isTrue();
        assertThat(staleAfter).as("node 1 signs in with a role revoked on node 0 even after the merge").isFalse();
    }

    static Page loginPage(AwsLogin aws, BrowserSession browser, String user) {
        try {
            return aws.open(browser, aws.realmUrl() + "/protocol/saml/clients/amazon-aws", user).page();
        } catch (UncheckedIOException e) {
            throw new AssertionError("the login did not answer during the outage: " + rootMessage(e), e);
        }
    }

    /** Seconds from {@code since} until a fresh login on this node is accepted (up to 3 minutes). */
    static double awaitLogin(AwsLogin aws, String user, long since) throws InterruptedException {
        long deadline = since + 180_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                AwsLogin.Outcome outcome = aws.plain(new BrowserSession(), user);
                if (outcome.sentToAws()) {
                    return (System.nanoTime() - since) / 1e9;
                }
                last = outcome.page().toString();
            } catch (RuntimeException e) {
                last = rootMessage(e);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("logins did not work again within 3 minutes of the database's return; last: " + last);
    }

    static long pid(KeycloakServer server) {
        return server.pid();
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    static double seconds(KeycloakServer server) {
        return server.lastStartDuration().toMillis() / 1000.0;
    }

    static void figure(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("ClusterIT: " + line);
        figures.append(System.lineSeparator()).append("- ").append(line);
    }
}
