package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcaws.scim.PushLedger.PushedGroup;
import dev.kcaws.scim.PushLedger.PushedUser;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.scimpush.InMemoryPushSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reconcile on a {@link WriteBehindLedger} cut off mid-run, as a node killed mid-push would be:
 * the writes it journaled but had not flushed are lost (Identity Center accepted them, the durable
 * ledger does not know), and the next reconcile must complete the push without a duplicate, leave
 * the ledger complete, and a third must find nothing to write. 60 users in 4 groups, each user in
 * 2 of them; flushes of 10 writes: the first run writes 4 groups, 60 users and 4 memberships
 * (PatchGroup) = 68 writes, so a cut after K flushes loses groups and users (K = 0), users (K = 1,
 * 3) or the last users and every membership (K = 6: the final flush).
 */
class InterruptedReconcileTest {
    private static final String TOKEN = "interrupted-reconcile-token-0123456789";
    private static final int USERS = 60;
    private static final int GROUPS = 4;
    private static final int FLUSH_WRITES = 10;

    private AwsLikeScimServer server;
    private ScimClient client;
    private final InMemoryPushSource source = new InMemoryPushSource();
    private final InMemoryPushLedger durable = new InMemoryPushLedger();

    /** The node dies: nothing after this reaches the durable ledger. */
    private static final class Crash extends RuntimeException {
    }

    @BeforeEach
    void start() throws Exception {
        server = AwsLikeScimServer.start(TOKEN);
        client = ScimClient.create(server.endpoint(), BearerToken.of(TOKEN));
        for (int g = 1; g <= GROUPS; g++) {
            source.putGroup(new SourceGroup("kc-g" + g, "Group" + g));
        }
        for (int i = 0; i < USERS; i++) {
            source.putUser(new KeycloakUser("kc-u" + i, "user" + i, "user" + i + "@example.com", "First" + i, "Last" + i, true))
                    .join("kc-g" + (i % GROUPS + 1), "kc-u" + i)
                    .join("kc-g" + ((i + 1) % GROUPS + 1), "kc-u" + i);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ScimPush push() {
        return new ScimPush(client, UserNameSource.EMAIL, LeavePolicy.DEACTIVATE);
    }

    private WriteBehindLedger ledgerFlushingInto(PushLedger target) {
        return WriteBehindLedger.over(durable, writes -> writes.accept(target), FLUSH_WRITES, Duration.ofHours(1));
    }

    @ParameterizedTest(name = "cut off after {0} flushes")
    @ValueSource(ints = {0, 1, 3, 6})
    void theNextReconcileCompletesACutOffOneWithoutDuplicates(int flushesBeforeTheCrash) {
        AtomicInteger flushes = new AtomicInteger();
        WriteBehindLedger cutOff = WriteBehindLedger.over(durable, writes -> {
            if (flushes.incrementAndGet() > flushesBeforeTheCrash) {
                throw new Crash();
            }
            writes.accept(durable);
        }, FLUSH_WRITES, Duration.ofHours(1));

        assertThatThrownBy(() -> {
            push().reconcile(source, cutOff);
            cutOff.flush(); // the caller's flush at the end
        }).isInstanceOf(Crash.class);

        int lost = cutOff.pendingWrites();
        assertThat(lost).as("writes Identity Center accepted that the durable ledger lost").isPositive();
        assertThat(durable.users().size() + durable.groups().size()).as("users and groups the durable ledger knows")
                .isLessThan(server.directory().userCount() + server.directory().groupCount());
        long usersCreated = server.requests(ScimOperation.CREATE_USER);
        long groupsCreated = server.requests(ScimOperation.CREATE_GROUP);

        WriteBehindLedger next = ledgerFlushingInto(durable);
        PushResult repaired = push().reconcile(source, next);
        next.flush();

        assertThat(repaired.failures()).isEmpty();
        assertThat(server.directory().userCount()).as("users in Identity Center").isEqualTo(USERS);
        assertThat(server.directory().groupCount()).as("groups in Identity Center").isEqualTo(GROUPS);
        assertThat(server.requests(ScimOperation.CREATE_USER) - usersCreated).as("users created by the second run")
                .isEqualTo(USERS - usersCreated);
        assertThat(server.requests(ScimOperation.CREATE_GROUP) - groupsCreated).as("groups created by the second run")
                .isEqualTo(GROUPS - groupsCreated);
        assertThat(Arrays.stream(ScimRule.values()).mapToLong(server::rejections).sum()).as("requests the fake refused").isZero();
        assertLedgerComplete();

        server.resetCounters();
        PushResult third = push().reconcile(source, ledgerFlushingInto(durable));

        assertThat(server.writeRequests()).as("writes of the third reconcile").isZero();
        assertThat(third.created() + third.updated() + third.deactivated() + third.deleted()).isZero();
    }

    /** Every user and group in the durable ledger under the ID Identity Center holds, every membership recorded and held. */
    private void assertLedgerComplete() {
        assertThat(durable.users()).hasSize(USERS);
        assertThat(durable.groups()).hasSize(GROUPS);
        assertThat(durable.membershipCount()).isEqualTo(2 * USERS);
        Map<String, String> userNames = server.directory().userNamesById();
        for (PushedUser user : durable.users()) {
            int i = Integer.parseInt(user.keycloakId().substring("kc-u".length()));
            assertThat(userNames.get(user.scimId())).as(user.keycloakId()).isEqualTo("user" + i + "@example.com");
        }
        for (PushedGroup group : durable.groups()) {
            Set<String> held = server.directory().membersOf(group.scimId());
            Set<String> recorded = durable.members(group.keycloakId()).stream()
                    .map(id -> durable.user(id).orElseThrow().scimId()).collect(Collectors.toSet());
            assertThat(held).as("members of " + group.keycloakId() + " in Identity Center").isEqualTo(recorded);
            assertThat(durable.members(group.keycloakId())).as("members of " + group.keycloakId())
                    .isEqualTo(source.memberIds(group.keycloakId()));
        }
    }
}
