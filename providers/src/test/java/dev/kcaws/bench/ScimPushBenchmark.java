package dev.kcaws.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcaws.scim.BearerToken;
import dev.kcaws.scim.InMemoryPushLedger;
import dev.kcaws.scim.KeycloakUser;
import dev.kcaws.scim.LeavePolicy;
import dev.kcaws.scim.PushResult;
import dev.kcaws.scim.RetryPolicy;
import dev.kcaws.scim.ScimClient;
import dev.kcaws.scim.ScimPush;
import dev.kcaws.scim.SourceGroup;
import dev.kcaws.scim.UserNameSource;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.scimpush.InMemoryPushSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SCIM push at scale against the AWS-like SCIM server (in-process, no Keycloak): the first
 * push of {@value #USERS} users in {@value #GROUPS} groups with {@value #MEMBERSHIPS} memberships
 * (time, requests sent against the fewest AWS's rules allow), a reconcile of the unchanged result
 * (writes: target zero; reads with and without the membership check) and single changes (one
 * membership, one new member). Prints figures and writes them to
 * {@code providers/target/benchmark/scim-push-benchmark.txt}; asserts only correctness (every
 * user, group and membership in the fake as Keycloak holds it, no request refused), never speed.
 *
 * <p>Run it alone: {@code mvn -B -o -pl providers test -Dtest=ScimPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (after an install of the parent). Not named {@code *Test}, so the normal test run leaves it out;
 * tagged {@code benchmark} like the others.
 */
@Tag("benchmark")
class ScimPushBenchmark {
    static final int USERS = 10_000;
    static final int GROUPS = 200;
    static final int GROUPS_PER_USER = 5;
    static final int MEMBERSHIPS = USERS * GROUPS_PER_USER;
    private static final String TOKEN = "benchmark-scim-token-0123456789";

    @Test
    void firstPushAndUnchangedReconcile() throws IOException {
        InMemoryPushSource source = new InMemoryPushSource();
        for (int g = 0; g < GROUPS; g++) {
            source.putGroup(new SourceGroup(groupId(g), "Group-" + g));
        }
        for (int i = 0; i < USERS; i++) {
            source.putUser(new KeycloakUser(userId(i), "user" + i, "user" + i + "@example.com", "First" + i, "Last" + i, true));
            // User i is in groups i, i+40, i+80, i+120, i+160 (mod 200): 250 members in every group.
            for (int k = 0; k < GROUPS_PER_USER; k++) {
                source.join(groupId((i + k * (GROUPS / GROUPS_PER_USER)) % GROUPS), userId(i));
            }
        }
        long minimumPatches = 0;
        for (int g = 0; g < GROUPS; g++) {
            // CreateGroup may carry the first 100 members; the rest go in PatchGroups of at most 100.
            minimumPatches += (Math.max(0, source.memberIds(groupId(g)).size() - 100) + 99) / 100;
        }
        long minimum = USERS + GROUPS + minimumPatches;

        StringBuilder report = new StringBuilder("# kcaws SCIM push at scale (AWS-like SCIM server, in-process)\n\n");
        report.append(String.format(Locale.ROOT, "%,d users, %,d groups, %,d memberships (250 per group). "
                + "Fewest requests AWS's rules allow for the first push: %,d CreateUser + %,d CreateGroup + %,d PatchGroup "
                + "(CreateGroup with up to 100 members, then ceil((members - 100) / 100) per group) = %,d.%n%n", USERS, GROUPS, MEMBERSHIPS, USERS, GROUPS, minimumPatches, minimum));
        report.append("| run | time | requests | writes | reads | vs minimum | result |\n|---|---:|---:|---:|---:|---:|---|\n");

        try (AwsLikeScimServer server = AwsLikeScimServer.start(TOKEN)) {
            ScimClient client = new ScimClient(server.endpoint(), BearerToken.of(TOKEN), HttpClient.newHttpClient(),
                    RetryPolicy.standard(), d -> Thread.sleep(d.toMillis()));
            ScimPush push = new ScimPush(client, UserNameSource.EMAIL, LeavePolicy.DEACTIVATE);
            InMemoryPushLedger ledger = new InMemoryPushLedger();

            long started = System.nanoTime();
            PushResult first = push.reconcile(source, ledger);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(first.failures()).isEmpty();
            assertThat(server.directory().userCount()).isEqualTo(USERS);
            assertThat(server.directory().groupCount()).isEqualTo(GROUPS);
            assertThat(server.memberChanges()).isEqualTo(MEMBERSHIPS);
            assertThat(ledger.membershipCount()).isEqualTo(MEMBERSHIPS);
            assertThat(rejections(server)).isZero();
            row(report, "first push (reconcile, empty Identity Center)", seconds, server, minimum, first);
            assertThat(server.writeRequests()).isEqualTo(minimum);

            server.resetCounters();
            started = System.nanoTime();
            PushResult again = push.reconcile(source, ledger);
            seconds = (System.nanoTime() - started) / 1e9;
            assertThat(again.failures()).isEmpty();
            assertThat(server.writeRequests()).as("writes of the unchanged reconcile").isZero();
            row(report, "reconcile, unchanged (membership check on: the default)", seconds, server, 0, again);

            server.resetCounters();
            started = System.nanoTime();
            PushResult ledgerOnly = push.withMembershipCheck(false).reconcile(source, ledger);
            seconds = (System.nanoTime() - started) / 1e9;
            assertThat(server.writeRequests()).isZero();
            row(report, "reconcile, unchanged (membership check off)", seconds, server, 0, ledgerOnly);

            server.resetCounters();
            source.leave(groupId(7), userId(7));
            started = System.nanoTime();
            PushResult oneMembership = push.pushGroup(groupId(7), source, ledger);
            seconds = (System.nanoTime() - started) / 1e9;
            assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
            assertThat(server.directory().membersOf(ledger.group(groupId(7)).orElseThrow().scimId()))
                    .doesNotContain(ledger.user(userId(7)).orElseThrow().scimId());
            row(report, "one membership removed (pushGroup)", seconds, server, 1, oneMembership);

            server.resetCounters();
            source.putUser(new KeycloakUser(userId(USERS), "new", "new@example.com", "New", "Member", true)).join(groupId(3), userId(USERS));
            started = System.nanoTime();
            PushResult newMember = push.pushUser(userId(USERS), source, ledger);
            seconds = (System.nanoTime() - started) / 1e9;
            assertThat(newMember.created()).isEqualTo(1);
            row(report, "one new user in one group (pushUser)", seconds, server, 2, newMember);
        }
        report.append(String.format(Locale.ROOT, "%nTimes are wall-clock, one run each, %d cores, system load average %.1f at the end; "
                + "the fake answers from memory, so they measure the push's own cost plus local HTTP, not AWS's latency.%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        String text = report.toString();
        System.out.println(text);
        Path out = Path.of("target", "benchmark", "scim-push-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private static void row(StringBuilder report, String run, double seconds, AwsLikeScimServer server, long minimum, PushResult result) {
        long total = server.totalRequests();
        long writes = server.writeRequests();
        String ratio = minimum == 0 ? (writes == 0 ? "0 writes (target 0: met)" : writes + " writes (target 0: missed)")
                : String.format(Locale.ROOT, "%.4fx", (double) total / minimum);
        String time = seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000) : String.format(Locale.ROOT, "%.1f s", seconds);
        report.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %s | created %,d, updated %,d, deactivated %,d, unchanged %,d |%n",
                run, time, total, writes, total - writes, ratio, result.created(), result.updated(), result.deactivated(), result.unchanged()));
    }

    private static long rejections(AwsLikeScimServer server) {
        return Arrays.stream(ScimRule.values()).mapToLong(server::rejections).sum();
    }

    private static String groupId(int g) {
        return "kc-group-" + g;
    }

    private static String userId(int i) {
        return "kc-user-" + i;
    }
}
