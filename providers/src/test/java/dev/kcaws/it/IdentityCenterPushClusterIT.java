package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.identitycenter.push.PushEventListenerProviderFactory;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakCluster;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push's scheduled reconcile on two Keycloak nodes of one cluster (one PostgreSQL database),
 * both timers ticking every 2 s, the scheduled reconcile shortened to {@link #INTERVAL} by the
 * server option every node gets ({@code scheduled-reconcile-seconds}; the realms' own interval is
 * 60 minutes): the scheduled reconcile runs by itself, once per interval across the cluster (the
 * realm's lease and the re-check under it, {@code RealmPush.reconcile}), and sends no write for an
 * unchanged realm; changes made on one node while both timers run arrive once.
 *
 * <p>The AWS-like SCIM server answers each request {@link #LATENCY} late, so a reconcile lasts a
 * few seconds and the other node's timer ticks while it runs: without the lease, that node would
 * start a second reconcile of the same interval.
 */
class IdentityCenterPushClusterIT {

    static final String TOKEN = "scim-token-for-cluster-tests";
    static final Duration INTERVAL = Duration.ofSeconds(20);
    static final Duration LATENCY = Duration.ofMillis(300);
    /** Cluster tests on a shared 2-core machine: generous (a wait, not a measure). */
    static final Duration PATIENCE = Duration.ofMinutes(5);
    static final String OPTION = "--spi-events-listener--" + PushEventListenerProviderFactory.PROVIDER_ID + "--";

    static KeycloakCluster cluster;
    static List<AdminApi> nodes;

    final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void cluster() {
        cluster = KeycloakCluster.start(2, List.of(), List.of(OPTION + "timer-seconds=2",
                OPTION + "scheduled-reconcile-seconds=" + INTERVAL.toSeconds()));
        nodes = List.of(cluster.node(0).adminApi(), cluster.node(1).adminApi());
    }

    @AfterEach
    void clean() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A copy of the demo realm made through node 0, pushed to a fresh fake, with a scheduled reconcile (60 minutes, shortened by the option). */
    KeycloakPushFixture pushedDemo(String realm) throws Exception {
        AdminApi api = nodes.get(0);
        api.createRealm(DemoRealm.copyNamed(realm));
        cleanup.add(() -> api.deleteRealm(realm));
        AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN);
        cleanup.add(scim);
        scim.delayEachRequest(LATENCY);
        KeycloakPushFixture push = new KeycloakPushFixture(api, realm, scim, TOKEN);
        push.configure(TOKEN, KeycloakPushFixture.DEMO_GROUPS, "DEACTIVATE", 60);
        push.awaitDemoPushed();
        return push;
    }

    /** When each full reconcile began listing Identity Center: its ListGroups without a filter (a 409's adoption filters by name). */
    static List<Long> fullListings(AwsLikeScimServer scim) {
        return scim.received().stream()
                .filter(r -> r.op() == ScimOperation.LIST_GROUPS && (r.query() == null || !r.query().contains("filter")))
                .map(AwsLikeScimServer.Received::atMillis).toList();
    }

    static long startedAt(JsonNode run) {
        return run == null || run.isNull() ? 0 : Instant.parse(run.path("startedAt").asText()).toEpochMilli();
    }

    @Test
    void theScheduledReconcileRunsOncePerIntervalAcrossTheClusterAndSendsNoWriteForAnUnchangedRealm() throws Exception {
        KeycloakPushFixture push = pushedDemo("ic-push-cluster-schedule");
        KeycloakPushFixture onNode1 = new KeycloakPushFixture(nodes.get(1), push.realm(), push.scim(), TOKEN);
        AwsLikeScimServer scim = push.scim();
        scim.resetCounters();
        int listingsBefore = fullListings(scim).size();
        long firstStart = startedAt(push.status().path("lastReconcile"));

        // Each run's start as the status of either node shows it (a run stays the last one for a whole interval).
        TreeSet<Long> starts = new TreeSet<>();
        List<JsonNode> runs = new ArrayList<>();
        int[] poll = {0};
        waitFor("four scheduled reconciles after the first push", () -> {
            JsonNode last = (poll[0]++ % 2 == 0 ? push : onNode1).status().path("lastReconcile");
            long start = startedAt(last);
            if (start > firstStart && starts.add(start)) {
                runs.add(last);
            }
            return starts.size() >= 4;
        }, () -> starts + " " + fullListings(scim));
        // Let the last run's listing and record settle before counting (its record is seen, so its listing was sent).
        List<Long> listings = fullListings(scim).subList(listingsBefore, fullListings(scim).size());

        // lastReconcile advanced by itself (no sync now was sent), each run complete and writing nothing.
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.path("outcome").asText()).as(run.toString()).isEqualTo("OK");
            assertThat(run.path("created").asInt() + run.path("updated").asInt() + run.path("deactivated").asInt()
                    + run.path("deleted").asInt()).as(run.toString()).isZero();
        });
        assertThat(scim.writeRequests()).as("writes sent for an unchanged realm").isZero();
        // Once per interval: consecutive runs start at least the interval apart (due is checked under the lease).
        Long previous = null;
        for (long start : starts) {
            if (previous != null) {
                assertThat(start - previous).as("runs started at " + starts).isGreaterThanOrEqualTo(INTERVAL.toMillis());
            }
            previous = start;
        }
        // And no second reconcile in between, from either node: one full listing per run seen, none closer than half an
        // interval to the one before (a second node's reconcile of the same interval would follow within seconds).
        assertThat(listings).as("full listings since the first push, runs started at " + starts).hasSizeBetween(starts.size(), starts.size() + 1);
        for (int i = 1; i < listings.size(); i++) {
            assertThat(listings.get(i) - listings.get(i - 1)).as("full listings at " + listings)
                    .isGreaterThanOrEqualTo(INTERVAL.toMillis() / 2);
        }
        assertThat(scim.rejections(ScimRule.CONFLICT_ON_EXISTING)).isZero();
        System.out.printf("IdentityCenterPushClusterIT: scheduled reconciles started at %s; full listings at %s%n", starts, listings);
    }

    @Test
    void changesMadeOnEitherNodeWhileBothTimersRunArriveOnce() throws Exception {
        KeycloakPushFixture push = pushedDemo("ic-push-cluster-changes");
        AwsLikeScimServer scim = push.scim();
        scim.resetCounters();
        String developers = push.groupId("/Developers");
        List<String> userNames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // created on node 0, added to a chosen group on node 0 or node 1: both nodes capture and deliver
            AdminApi creator = nodes.get(0);
            AdminApi joiner = nodes.get(i % 2);
            ObjectNode user = DemoRealm.JSON.createObjectNode();
            String name = "cluster" + i;
            user.put("username", name).put("email", name + "@example.com").put("firstName", "Cluster").put("lastName", "User" + i).put("enabled", true);
            String id = creator.createUser(push.realm(), user);
            joiner.addUserToGroup(push.realm(), id, developers);
            userNames.add(name + "@example.com");
            Thread.sleep(3000); // spread the changes over the scheduled reconciles
        }
        waitFor("the six users in Developers", () -> userNames.stream().allMatch(u -> push.member("Developers", u)),
                () -> push.memberIds("Developers"));
        // One more scheduled reconcile after everything arrived: it finds nothing to send.
        long delivered = System.currentTimeMillis();
        waitFor("a scheduled reconcile after the delivery", () -> startedAt(push.status().path("lastReconcile")) > delivered,
                push::status);
        long writesBefore = scim.writeRequests();
        long after = startedAt(push.status().path("lastReconcile"));
        waitFor("another scheduled reconcile", () -> startedAt(push.status().path("lastReconcile")) > after, push::status);

        assertThat(scim.requests(ScimOperation.CREATE_USER)).as("CreateUser requests for six new users").isEqualTo(6);
        assertThat(scim.rejections(ScimRule.CONFLICT_ON_EXISTING)).as("creates refused as existing (a second push of one user)").isZero();
        assertThat(scim.directory().userCount()).as("users in Identity Center").isEqualTo(4 + 6);
        assertThat(scim.writeRequests()).as("writes of the reconcile after everything arrived").isEqualTo(writesBefore);
        JsonNode last = push.status().path("lastReconcile");
        assertThat(last.path("outcome").asText()).as(last.toString()).isEqualTo("OK");
        assertThat(push.status().path("pending").asLong()).isZero();
    }

    // ---- time-bound assignments: the window on every node, the sweep once per cluster ----

    @Test
    void aWindowSetThroughOneNodeIsRefusedOnTheOtherASecondAfterItsEndAndItsSweepRemovesItOnce() throws Exception {
        String realm = "cluster-window";
        String api = "/admin/realms/" + realm + "/aws";
        ObjectNode copy = DemoRealm.copyNamed(realm);
        copy.put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true);
        nodes.get(0).createRealm(copy);
        cleanup.add(() -> nodes.get(0).deleteRealm(realm));
        nodes.get(0).createUser(realm, "tess", "tess");
        Instant end = Instant.now().plusSeconds(75).truncatedTo(ChronoUnit.SECONDS);
        nodes.get(0).expect(201, "POST", api + "/assignments",
                Map.of("user", "tess", "accountId", "111111111111", "permissionSet", "Billing", "notAfter", end.toString()));

        AwsLogin onNode1 = AwsLogin.to(cluster.node(1), realm);
        BrowserSession browser = new BrowserSession();
        assertThat(onNode1.plain(browser, "tess").accepted().rolePairs()).as("inside the window, on node 1")
                .anySatisfy(pair -> assertThat(pair.accountId() + "/" + pair.roleName()).isEqualTo("111111111111/Billing"));
        assertThat(Instant.now()).as("the login above ran inside the window; lengthen it if the machine is this slow").isBefore(end);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), end.plusSeconds(1)).toMillis()));
        // The same browser, signed in on node 1 before the end; no sweep has to have run yet.
        assertThat(onNode1.plain(browser, "tess").refused().status()).as("plain login on node 1 after the end").isEqualTo(403);
        assertThat(onNode1.shortcut(browser, "tess", "111111111111", "Billing", null).refused().status())
                .as("shortcut on node 1 after the end").isEqualTo(403);

        // Each node's sweep runs once a minute: wait until the grant is gone, then a minute more, so both ran after its end.
        waitFor("the sweep removing the ended grant", () -> nodes.get(1).expect(200, "GET", api + "/assignments?user=tess", null).json().isEmpty(),
                () -> nodes.get(1).expect(200, "GET", api + "/assignments?user=tess", null).body());
        Thread.sleep(65_000);
        JsonNode events = nodes.get(1).expect(200, "GET", "/admin/realms/" + realm + "/admin-events?max=1000", null).json();
        List<JsonNode> removals = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("operationType").asText().equals("DELETE") && e.path("resourcePath").asText().equals("assignments/111111111111/Billing")) {
                removals.add(e);
            }
        });
        assertThat(removals).as("admin events of the removal").hasSize(1);
        assertThat(removals.get(0).path("representation").asText()).contains("tess").contains("notAfter passed");
        long logged = cluster.nodes().stream().mapToLong(node -> node.logSinceStart().lines()
                .filter(line -> line.contains("Realm ") && line.contains("removed the AWS assignment of user")).count()).sum();
        assertThat(logged).as("removals logged by the two nodes").isEqualTo(1);
    }

    static void waitFor(String what, BooleanSupplier condition, Supplier<Object> state) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting " + PATIENCE.toSeconds() + " s for: " + what + "; state: " + state.get());
            }
            Thread.sleep(500);
        }
    }
}
