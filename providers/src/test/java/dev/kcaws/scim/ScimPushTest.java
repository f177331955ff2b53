package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.scim.PushLedger.PushedUser;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.Outage;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.scimpush.InMemoryPushSource;
import dev.kcaws.testsupport.scimpush.SwitchingHttpClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push engine against the AWS-like SCIM server, with an in-memory source and ledger. */
class ScimPushTest {
    private static final String TOKEN = "scim-push-test-token-0123456789";
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final SwitchingHttpClient http = new SwitchingHttpClient();
    private AwsLikeScimServer server;
    private ScimClient client;
    /** Changes Identity Center behind the push's back, as an admin of Identity Center would. */
    private ScimClient admin;
    private InMemoryPushSource source;
    private InMemoryPushLedger ledger;

    @BeforeEach
    void start() throws Exception {
        server = AwsLikeScimServer.start(TOKEN);
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5, Clock.systemUTC());
        client = new ScimClient(server.endpoint(), BearerToken.of(TOKEN), http, retry, waits::add);
        admin = new ScimClient(server.endpoint(), BearerToken.of(TOKEN), java.net.http.HttpClient.newHttpClient(), retry, d -> { });
        source = new InMemoryPushSource();
        ledger = new InMemoryPushLedger();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ScimPush push() {
        return push(LeavePolicy.DEACTIVATE);
    }

    private ScimPush push(LeavePolicy onLeave) {
        return new ScimPush(client, UserNameSource.EMAIL, onLeave);
    }

    private static KeycloakUser user(int i) {
        return new KeycloakUser("kc-u" + i, "user" + i, "user" + i + "@example.com", "First" + i, "Last" + i, true);
    }

    private static String email(int i) {
        return "user" + i + "@example.com";
    }

    /** Groups g1..gN (named Group1..), users 0..users-1, user i a member of group (i % groups) + 1. */
    private void realm(int users, int groups) {
        for (int g = 1; g <= groups; g++) {
            source.putGroup(new SourceGroup("kc-g" + g, "Group" + g));
        }
        for (int i = 0; i < users; i++) {
            source.putUser(user(i)).join("kc-g" + (i % groups + 1), "kc-u" + i);
        }
    }

    private ObjectNode held(int i) {
        return server.directory().userByUserName(email(i)).orElseThrow();
    }

    private String groupScimId(String name) {
        return server.directory().groupByDisplayName(name).orElseThrow().get("id").asText();
    }

    private Set<String> heldMemberNames(String groupName) {
        Set<String> ids = server.directory().membersOf(groupScimId(groupName));
        return ledger.users().stream().filter(u -> ids.contains(u.scimId())).map(PushedUser::keycloakId).collect(Collectors.toSet());
    }

    private long rejections() {
        return Arrays.stream(ScimRule.values()).mapToLong(server::rejections).sum();
    }

    private void assertUnchangedReconcileWritesNothing() {
        server.resetCounters();
        PushResult again = push().reconcile(source, ledger);
        assertThat(server.writeRequests()).as("writes of a reconcile with nothing to do").isZero();
        assertThat(again.failures()).isEmpty();
        assertThat(again.created() + again.updated() + again.deactivated() + again.deleted()).isZero();
        server.resetCounters();
    }

    // ---- first push and the unchanged reconcile ----

    @Test
    void firstPushSendsOneCreatePerUserAndGroupAndOnePatchPerHundredMembers() {
        source.putGroup(new SourceGroup("kc-big", "Developers")).putGroup(new SourceGroup("kc-mid", "DevOps"))
                .putGroup(new SourceGroup("kc-small", "BillingAdmin"));
        for (int i = 0; i < 250; i++) {
            source.putUser(user(i)).join("kc-big", "kc-u" + i);
            if (i < 120) {
                source.join("kc-mid", "kc-u" + i);
            }
            if (i < 5) {
                source.join("kc-small", "kc-u" + i);
            }
        }

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).isEmpty();
        assertThat(result.created()).isEqualTo(253);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(250);
        assertThat(server.requests(ScimOperation.CREATE_GROUP)).isEqualTo(3);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(3 + 2 + 1);
        assertThat(server.requests(ScimOperation.GET_USER) + server.requests(ScimOperation.GET_GROUP)).isZero();
        // One ListUsers and one ListGroups of the (empty) directory; no other read.
        assertThat(server.totalRequests()).isEqualTo(250 + 3 + 6 + 2);
        assertThat(result.requests()).isEqualTo(261);
        assertThat(server.memberChanges()).isEqualTo(250 + 120 + 5);
        assertThat(heldMemberNames("DevOps")).hasSize(120);
        assertThat(ledger.members("kc-big")).hasSize(250);
        assertThat(ledger.users()).hasSize(250);
        assertThat(rejections()).isZero();

        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void unchangedReconcileReadsButNeverWrites() {
        realm(120, 3);
        push().reconcile(source, ledger);
        server.resetCounters();

        PushResult again = push().reconcile(source, ledger);

        assertThat(server.writeRequests()).isZero();
        assertThat(again.unchanged()).isEqualTo(123);
        // ListUsers in pages of 50 (3), ListGroups (1), each group's members (40 each: 1 page each).
        assertThat(server.requests(ScimOperation.LIST_USERS)).isEqualTo(3 + 3);
        assertThat(server.requests(ScimOperation.LIST_GROUPS)).isEqualTo(1);
        assertThat(again.requests()).isEqualTo(7);

        server.resetCounters();
        push().withMembershipCheck(false).reconcile(source, ledger);
        assertThat(server.writeRequests()).isZero();
        assertThat(server.totalRequests()).isEqualTo(4);
    }

    // ---- one change at a time ----

    @Test
    void aNewMemberIsOneCreateUserAndOnePatchGroup() {
        realm(10, 2);
        push().reconcile(source, ledger);
        server.resetCounters();

        source.putUser(user(10)).join("kc-g1", "kc-u10");
        PushResult result = push().pushUser("kc-u10", source, ledger);

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.requests()).isEqualTo(2);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(heldMemberNames("Group1")).contains("kc-u10");
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void anUpdatedUserIsOnePutUserAndAnUnchangedOneNoRequest() {
        realm(4, 1);
        push().reconcile(source, ledger);
        server.resetCounters();

        PushResult nothing = push().pushUser("kc-u1", source, ledger);
        assertThat(nothing.requests()).isZero();
        assertThat(nothing.unchanged()).isEqualTo(1);

        source.putUser(new KeycloakUser("kc-u1", "user1", email(1), "Ada", "Lovelace", true));
        PushResult result = push().pushUser("kc-u1", source, ledger);

        assertThat(result.updated()).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PUT_USER)).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(1);
        assertThat(held(1).at("/name/familyName").asText()).isEqualTo("Lovelace");
        assertThat(held(1).path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aDisabledUserIsPushedInactive() {
        realm(3, 1);
        push().reconcile(source, ledger);
        server.resetCounters();

        source.putUser(new KeycloakUser("kc-u2", "user2", email(2), "First2", "Last2", false));
        push().pushUser("kc-u2", source, ledger);

        assertThat(server.totalRequests()).isEqualTo(1);
        assertThat(held(2).path("active").asBoolean()).isFalse();
        assertThat(heldMemberNames("Group1")).contains("kc-u2");
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aUserWhoLeftIsTakenOutOfGroupsAndDeactivated() {
        realm(6, 2);
        source.join("kc-g2", "kc-u0");
        push().reconcile(source, ledger);
        server.resetCounters();

        source.leave("kc-g1", "kc-u0").leave("kc-g2", "kc-u0");
        PushResult result = push(LeavePolicy.DEACTIVATE).pushUser("kc-u0", source, ledger);

        assertThat(result.deactivated()).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(2);
        assertThat(server.requests(ScimOperation.PATCH_USER)).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(3);
        assertThat(held(0).path("active").asBoolean()).isFalse();
        assertThat(heldMemberNames("Group1")).doesNotContain("kc-u0");
        assertThat(ledger.user("kc-u0").orElseThrow().left()).isTrue();
        assertThat(ledger.groupsOf("kc-u0")).isEmpty();
        assertUnchangedReconcileWritesNothing();

        // Back in scope: active again and a member again.
        source.join("kc-g2", "kc-u0");
        push().pushUser("kc-u0", source, ledger);
        assertThat(held(0).path("active").asBoolean()).isTrue();
        assertThat(heldMemberNames("Group2")).contains("kc-u0");
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aUserWhoLeftIsDeletedWithOneRequestUnderTheDeletePolicy() {
        realm(6, 2);
        source.join("kc-g2", "kc-u0");
        push(LeavePolicy.DELETE).reconcile(source, ledger);
        server.resetCounters();

        source.removeUser("kc-u0");
        PushResult result = push(LeavePolicy.DELETE).pushUser("kc-u0", source, ledger);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(1);
        assertThat(server.requests(ScimOperation.DELETE_USER)).isEqualTo(1);
        assertThat(server.directory().userByUserName(email(0))).isEmpty();
        assertThat(ledger.user("kc-u0")).isEmpty();
        assertThat(ledger.members("kc-g1")).doesNotContain("kc-u0");
    }

    @Test
    void theReconcileAppliesTheLeavePolicyBothWays() {
        realm(6, 2);
        push().reconcile(source, ledger);
        source.leave("kc-g1", "kc-u0").removeUser("kc-u1");
        server.resetCounters();

        PushResult deactivated = push(LeavePolicy.DEACTIVATE).reconcile(source, ledger);

        assertThat(deactivated.deactivated()).isEqualTo(2);
        assertThat(server.requests(ScimOperation.PATCH_USER)).isEqualTo(2);
        // One PatchGroup per group, taking its leaver out.
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(2);
        assertThat(server.writeRequests()).isEqualTo(4);
        assertThat(held(0).path("active").asBoolean()).isFalse();
        assertThat(held(1).path("active").asBoolean()).isFalse();
        assertUnchangedReconcileWritesNothing();

        PushResult deleted = push(LeavePolicy.DELETE).reconcile(source, ledger);

        assertThat(deleted.deleted()).isEqualTo(2);
        assertThat(server.requests(ScimOperation.DELETE_USER)).isEqualTo(2);
        assertThat(server.writeRequests()).isEqualTo(2);
        assertThat(server.directory().userCount()).isEqualTo(4);
        assertThat(ledger.users()).hasSize(4);
    }

    @Test
    void aNewGroupIsCreatedWithItsMembers() {
        realm(5, 1);
        push().reconcile(source, ledger);
        server.resetCounters();

        source.putGroup(new SourceGroup("kc-ops", "DevOps")).join("kc-ops", "kc-u1").join("kc-ops", "kc-u2");
        source.putUser(user(7)).join("kc-ops", "kc-u7");
        PushResult result = push().pushGroup("kc-ops", source, ledger);

        assertThat(result.created()).isEqualTo(2);
        assertThat(server.requests(ScimOperation.CREATE_GROUP)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(3);
        assertThat(heldMemberNames("DevOps")).containsExactlyInAnyOrder("kc-u1", "kc-u2", "kc-u7");
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aRenamedGroupIsOnePatchGroup() {
        realm(5, 1);
        push().reconcile(source, ledger);
        server.resetCounters();

        source.putGroup(new SourceGroup("kc-g1", "Developers"));
        PushResult result = push().pushGroup("kc-g1", source, ledger);

        assertThat(result.updated()).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(server.directory().groupByDisplayName("Developers")).isPresent();
        assertThat(server.directory().groupByDisplayName("Group1")).isEmpty();
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void membershipChangesAreOneDiffPatch() {
        realm(6, 1);
        source.putUser(user(6));
        source.putGroup(new SourceGroup("kc-g2", "Other")).join("kc-g2", "kc-u6");
        push().reconcile(source, ledger);
        server.resetCounters();

        source.leave("kc-g1", "kc-u2").join("kc-g1", "kc-u6");
        PushResult result = push().pushGroup("kc-g1", source, ledger);

        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.deactivated()).isEqualTo(1);
        // One PatchGroup (add kc-u6, remove kc-u2); kc-u2 left the only chosen group they were in: one PatchUser.
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_USER)).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(2);
        assertThat(server.memberChanges()).isEqualTo(2);
        assertThat(heldMemberNames("Group1")).contains("kc-u6").doesNotContain("kc-u2");

        source.join("kc-g1", "kc-u2");
        server.resetCounters();
        push().pushGroup("kc-g1", source, ledger);
        assertThat(held(2).path("active").asBoolean()).isTrue();
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aMemberLeavingTheScopeThroughTheGroupGetsTheLeavePolicy() {
        realm(3, 1);
        push().reconcile(source, ledger);
        server.resetCounters();

        source.leave("kc-g1", "kc-u2");
        push().pushGroup("kc-g1", source, ledger);

        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_USER)).isEqualTo(1);
        assertThat(held(2).path("active").asBoolean()).isFalse();
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void anUnchosenGroupIsDeletedAndMembersLeftWithoutItGetTheLeavePolicy() {
        realm(4, 2);
        source.join("kc-g2", "kc-u0");
        push(LeavePolicy.DELETE).reconcile(source, ledger);
        server.resetCounters();

        source.removeGroup("kc-g1");
        PushResult result = push(LeavePolicy.DELETE).pushGroup("kc-g1", source, ledger);

        // Group1 held u0 and u2; u0 is still in Group2, u2 is out of scope now.
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(server.requests(ScimOperation.DELETE_GROUP)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.DELETE_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isZero();
        assertThat(server.totalRequests()).isEqualTo(2);
        assertThat(server.directory().groupByDisplayName("Group1")).isEmpty();
        assertThat(server.directory().userByUserName(email(2))).isEmpty();
        assertThat(server.directory().userByUserName(email(0))).isPresent();
        assertThat(ledger.group("kc-g1")).isEmpty();
    }

    @Test
    void moreThanOneHundredMembershipChangesAreSplitIntoRequestsOfAtMostOneHundred() {
        source.putGroup(new SourceGroup("kc-g1", "Everyone"));
        for (int i = 0; i < 250; i++) {
            source.putUser(user(i)).join("kc-g1", "kc-u" + i);
        }
        source.putGroup(new SourceGroup("kc-g2", "Keep"));
        for (int i = 0; i < 310; i++) {
            if (i >= 250) {
                source.putUser(user(i));
            }
            source.join("kc-g2", "kc-u" + i);
        }
        push().reconcile(source, ledger);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(3 + 4);
        server.resetCounters();

        for (int i = 0; i < 150; i++) {
            source.leave("kc-g1", "kc-u" + i);
        }
        for (int i = 250; i < 310; i++) {
            source.join("kc-g1", "kc-u" + i);
        }
        push().pushGroup("kc-g1", source, ledger);

        // 60 adds + 150 removes = 210 changes: three requests.
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(3);
        assertThat(server.memberChanges()).isEqualTo(210);
        assertThat(server.rejections(ScimRule.PATCH_GROUP_CHANGE_LIMIT)).isZero();
        assertThat(server.directory().membersOf(groupScimId("Everyone"))).hasSize(160);
        assertUnchangedReconcileWritesNothing();
    }

    // ---- drift, adoption, ownership ----

    @Test
    void theReconcileRepairsDriftMadeInIdentityCenter() {
        realm(8, 2);
        push().reconcile(source, ledger);
        String changedId = held(1).get("id").asText();
        admin.putUser(changedId, new ScimUserDocument(email(1), "Changed", "There", "Changed There", email(1), true, "kc-u1"));
        admin.deleteUser(held(2).get("id").asText());
        admin.changeMembers(groupScimId("Group1"), List.of(), List.of(held(4).get("id").asText()));
        admin.setUserActive(held(5).get("id").asText(), false);
        admin.deleteGroup(groupScimId("Group2"));
        server.resetCounters();

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).isEmpty();
        assertThat(held(1).at("/name/givenName").asText()).isEqualTo("First1");
        assertThat(held(2).path("externalId").asText()).isEqualTo("kc-u2");
        assertThat(held(5).path("active").asBoolean()).isTrue();
        assertThat(heldMemberNames("Group1")).containsExactlyInAnyOrder("kc-u0", "kc-u2", "kc-u4", "kc-u6");
        assertThat(heldMemberNames("Group2")).containsExactlyInAnyOrder("kc-u1", "kc-u3", "kc-u5", "kc-u7");
        assertThat(server.requests(ScimOperation.PUT_USER)).isEqualTo(2);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.CREATE_GROUP)).isEqualTo(1);
        // Group1: u2 (recreated) and u4 back in one request; Group2: its four members in one.
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(2);
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void withoutTheMembershipCheckTheReconcileRepairsMembershipsAgainstTheLedger() {
        realm(4, 1);
        push().reconcile(source, ledger);
        admin.changeMembers(groupScimId("Group1"), List.of(), List.of(held(0).get("id").asText()));
        server.resetCounters();

        push().withMembershipCheck(false).reconcile(source, ledger);
        assertThat(server.writeRequests()).isZero();

        push().reconcile(source, ledger);
        assertThat(heldMemberNames("Group1")).contains("kc-u0");
    }

    @Test
    void whenIdentityCenterRefusesTheMemberFilterTheReconcileTrustsTheLedger() {
        realm(4, 2);
        push().reconcile(source, ledger);
        admin.changeMembers(groupScimId("Group1"), List.of(), List.of(held(0).get("id").asText()));
        // As if Identity Center answered 400 to ListUsers filter=groups.value eq "…" (older pages do not list it).
        http.rewrite(request -> request.uri().getRawQuery() != null && request.uri().getRawQuery().contains("groups.value")
                ? HttpRequest.newBuilder(request, (name, value) -> true)
                        .uri(URI.create(request.uri().toString().replace("groups.value", "groups.display"))).build()
                : request);
        server.resetCounters();

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).isEmpty();
        assertThat(server.writeRequests()).isZero();
        // One page of users, one refused member read; the check is dropped for the second group.
        assertThat(server.requests(ScimOperation.LIST_USERS)).isEqualTo(2);
        assertThat(server.rejections(ScimRule.FILTER_COMBINATION)).isEqualTo(1);
        assertThat(ledger.members("kc-g1")).contains("kc-u0");
    }

    @Test
    void theReconcileAdoptsUsersAndGroupsThatAlreadyExist() {
        realm(4, 2);
        String same = admin.createUser(ScimUserDocument.from(user(0), UserNameSource.EMAIL)).id();
        String differs = admin.createUser(new ScimUserDocument(email(1), "Old", "Name", "Old Name", email(1), true, "okta-1")).id();
        String group = admin.createGroup(new ScimGroupDocument("group1", "okta-g1")).id();
        String foreignUser = admin.createUser(new ScimUserDocument("someone@example.com", "Some", "One", "Some One",
                "someone@example.com", true, "okta-9")).id();
        String foreignGroup = admin.createGroup(new ScimGroupDocument("NotOurs", "okta-g9")).id();
        admin.changeMembers(group, List.of(foreignUser, same), List.of());
        server.resetCounters();

        PushResult result = push(LeavePolicy.DELETE).reconcile(source, ledger);

        assertThat(result.failures()).isEmpty();
        assertThat(result.created()).isEqualTo(2 + 1);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(2);
        assertThat(server.requests(ScimOperation.CREATE_GROUP)).isEqualTo(1);
        // The differing user is overwritten; the group's name takes Keycloak's case.
        assertThat(server.requests(ScimOperation.PUT_USER)).isEqualTo(1);
        assertThat(ledger.user("kc-u0").orElseThrow().scimId()).isEqualTo(same);
        assertThat(ledger.user("kc-u1").orElseThrow().scimId()).isEqualTo(differs);
        assertThat(ledger.group("kc-g1").orElseThrow().scimId()).isEqualTo(group);
        assertThat(held(1).path("externalId").asText()).isEqualTo("kc-u1");
        assertThat(server.directory().groupByDisplayName("Group1").orElseThrow().get("id").asText()).isEqualTo(group);
        // Members: u0 already was one (no add for them), u2 added; the foreign member stays.
        assertThat(server.directory().membersOf(group)).contains(foreignUser, same, held(2).get("id").asText());
        assertThat(server.memberChanges()).isEqualTo(1 + 2);
        // What the push does not own is left alone, even under the DELETE policy.
        assertThat(server.directory().userByUserName("someone@example.com")).isPresent();
        assertThat(server.directory().groupByDisplayName("NotOurs").orElseThrow().get("id").asText()).isEqualTo(foreignGroup);
        assertUnchangedReconcileWritesNothing();

        source.removeGroup("kc-g1").removeGroup("kc-g2");
        push(LeavePolicy.DELETE).reconcile(source, ledger);
        assertThat(server.directory().userCount()).isEqualTo(1);
        assertThat(server.directory().groupCount()).isEqualTo(1);
        assertThat(server.directory().userByUserName("someone@example.com")).isPresent();
    }

    @Test
    void aSingleCreateMeetingAnExistingUserAdoptsItOn409() {
        realm(2, 1);
        push().reconcile(source, ledger);
        String existing = admin.createUser(new ScimUserDocument(email(5), "Pre", "Existing", "Pre Existing", email(5), true, "x")).id();
        server.resetCounters();

        source.putUser(user(5)).join("kc-g1", "kc-u5");
        PushResult result = push().pushUser("kc-u5", source, ledger);

        assertThat(result.failures()).isEmpty();
        assertThat(ledger.user("kc-u5").orElseThrow().scimId()).isEqualTo(existing);
        // CreateUser (409), ListUsers by userName, PutUser, PatchGroup.
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.LIST_USERS)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PUT_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(held(5).at("/name/givenName").asText()).isEqualTo("First5");
        assertUnchangedReconcileWritesNothing();
    }

    /**
     * A user deleted and created again under a new Keycloak ID with the same userName (a partial
     * import that overwrites the user) and fewer groups: when the groups' pushes come first, the new
     * user takes over the old one's Identity Center user through the 409, and the groups the old one
     * was in and the new one is not are still left, whatever order the single pushes run in.
     */
    @Test
    void aUserCreatedAgainUnderANewIdTakesOverTheOldOnesMembershipsToo() {
        userCreatedAgainUnderANewId(LeavePolicy.DEACTIVATE);
    }

    /** As above under DELETE: the old user's departure must not delete the Identity Center user the new one adopted. */
    @Test
    void aUserCreatedAgainUnderANewIdIsNotDeletedWithTheOldOne() {
        userCreatedAgainUnderANewId(LeavePolicy.DELETE);
    }

    private void userCreatedAgainUnderANewId(LeavePolicy onLeave) {
        realm(0, 2);
        source.putUser(user(1)).join("kc-g1", "kc-u1").join("kc-g2", "kc-u1");
        push(onLeave).reconcile(source, ledger);
        String scimId = held(1).get("id").asText();
        source.removeUser("kc-u1");
        KeycloakUser again = new KeycloakUser("kc-u1-again", "user1", email(1), "First1", "Rebuilt", true);
        source.putUser(again).join("kc-g1", "kc-u1-again");

        push(onLeave).pushGroup("kc-g1", source, ledger);
        push(onLeave).pushGroup("kc-g2", source, ledger);
        push(onLeave).pushUser("kc-u1", source, ledger);
        PushResult result = push(onLeave).pushUser("kc-u1-again", source, ledger);

        assertThat(result.failures()).isEmpty();
        assertThat(server.directory().userNamesById().values()).containsOnlyOnce(email(1));
        assertThat(held(1).get("id").asText()).isEqualTo(scimId);
        assertThat(held(1).at("/name/familyName").asText()).isEqualTo("Rebuilt");
        assertThat(held(1).path("active").asBoolean()).isTrue();
        assertThat(server.directory().membersOf(groupScimId("Group1"))).containsExactly(scimId);
        assertThat(server.directory().membersOf(groupScimId("Group2"))).as("Group2: the old user's, not the new one's").isEmpty();
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aSinglePushRecreatesWhatWasDeletedInIdentityCenter() {
        realm(4, 1);
        push().reconcile(source, ledger);
        admin.deleteUser(held(1).get("id").asText());
        admin.deleteGroup(groupScimId("Group1"));
        server.resetCounters();

        source.putUser(new KeycloakUser("kc-u1", "user1", email(1), "New", "Name", true));
        PushResult user = push().pushUser("kc-u1", source, ledger);
        // PutUser answers 404: created again; its group is gone too (PatchGroup 404): created again with its members.
        assertThat(user.failures()).isEmpty();
        assertThat(held(1).at("/name/givenName").asText()).isEqualTo("New");
        assertThat(heldMemberNames("Group1")).containsExactlyInAnyOrder("kc-u0", "kc-u1", "kc-u2", "kc-u3");
        assertUnchangedReconcileWritesNothing();
    }

    // ---- failures ----

    @Test
    void aGroupIdentityCenterRefusesIsAFailureAndTheRestGoesOn() {
        realm(4, 2);
        push().reconcile(source, ledger);
        admin.createGroup(new ScimGroupDocument("Taken", "someone-else"));
        source.putGroup(new SourceGroup("kc-g1", "Taken")).putUser(user(4)).join("kc-g2", "kc-u4");
        server.resetCounters();

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PushFailure.GROUP);
            assertThat(f.keycloakId()).isEqualTo("kc-g1");
            assertThat(f.name()).isEqualTo("Taken");
            assertThat(f.message()).contains("409");
        });
        assertThat(heldMemberNames("Group2")).contains("kc-u4");
        assertThat(server.directory().groupByDisplayName("Group1")).isPresent();
        server.resetCounters();

        // Its members still follow Keycloak under the old name, through a single push as well.
        source.putUser(user(5)).join("kc-g1", "kc-u5");
        assertThat(push().pushGroup("kc-g1", source, ledger).failures()).hasSize(1);
        assertThat(heldMemberNames("Group1")).contains("kc-u5");
        assertThat(ledger.group("kc-g1").orElseThrow().fingerprint())
                .isEqualTo(ScimPush.fingerprint(ScimGroupDocument.of("Group1", "kc-g1")));
    }

    @Test
    void aUserIdentityCenterRefusesIsAFailureAndTheOthersGoOn() {
        realm(6, 1);
        String tooLong = "x".repeat(120) + "@example.com";
        source.putUser(new KeycloakUser("kc-u3", "user3", tooLong, "Long", "Name", true));

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PushFailure.USER);
            assertThat(f.keycloakId()).isEqualTo("kc-u3");
            assertThat(f.name()).isEqualTo(tooLong);
            assertThat(f.message()).contains("400").contains("userName must be at most 128 characters");
        });
        assertThat(result.created()).isEqualTo(5 + 1);
        assertThat(heldMemberNames("Group1")).containsExactlyInAnyOrder("kc-u0", "kc-u1", "kc-u2", "kc-u4", "kc-u5");
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(6);
        assertThat(waits).isEmpty();
        server.resetCounters();

        // The next reconcile tries once more (one request), not a loop.
        PushResult again = push().reconcile(source, ledger);
        assertThat(again.failures()).hasSize(1);
        assertThat(server.writeRequests()).isEqualTo(1);
    }

    @Test
    void aRefusedUpdateKeepsTheUserAndTheirMembershipsFollowKeycloak() {
        realm(3, 2);
        push().reconcile(source, ledger);
        String tooLong = "y".repeat(120) + "@example.com";
        source.putUser(new KeycloakUser("kc-u0", "user0", tooLong, "First0", "Last0", true)).join("kc-g2", "kc-u0");
        server.resetCounters();

        PushResult result = push().pushUser("kc-u0", source, ledger);

        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("400"));
        assertThat(held(0).path("userName").asText()).isEqualTo(email(0));
        assertThat(heldMemberNames("Group2")).contains("kc-u0");
        server.resetCounters();
        PushResult reconciled = push().reconcile(source, ledger);
        assertThat(reconciled.failures()).hasSize(1);
        assertThat(server.writeRequests()).isEqualTo(1);
    }

    @Test
    void aUserWithoutTheValueForUserNameIsAFailureNamingTheUserAndSendsNothing() {
        realm(3, 1);
        source.putUser(new KeycloakUser("kc-u1", "no-mail", null, "No", "Mail", true));

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.keycloakId()).isEqualTo("kc-u1");
            assertThat(f.name()).isEqualTo("no-mail");
            assertThat(f.message()).contains("no email");
        });
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(2);
        assertThat(rejections()).isZero();
        server.resetCounters();
        assertThat(push().pushUser("kc-u1", source, ledger).failures()).hasSize(1);
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void aUserWithoutFirstOrLastNameProvisionsWithTheFallback() {
        source.putGroup(new SourceGroup("kc-g1", "Everyone"))
                .putUser(new KeycloakUser("kc-u1", "bob", "bob@example.com", null, " ", true)).join("kc-g1", "kc-u1");

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).isEmpty();
        ObjectNode bob = server.directory().userByUserName("bob@example.com").orElseThrow();
        assertThat(bob.at("/name/givenName").asText()).isEqualTo("bob");
        assertThat(bob.at("/name/familyName").asText()).isEqualTo("bob");
        assertThat(bob.path("displayName").asText()).isEqualTo("bob@example.com");
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void twoKeycloakUsersWithOneUserNameAreAFailureNotATakeOver() {
        realm(2, 1);
        source.putUser(new KeycloakUser("kc-dup", "dup", email(0), "Dup", "Licate", true)).join("kc-g1", "kc-dup");

        PushResult result = push().reconcile(source, ledger);

        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.keycloakId()).isIn("kc-u0", "kc-dup"));
        assertThat(server.directory().userCount()).isEqualTo(2);
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        realm(3, 1);
        server.simulate(Outage.THROTTLING, 2);
        PushResult first = push().reconcile(source, ledger);
        assertThat(first.failures()).isEmpty();
        assertThat(waits).contains(Duration.ofSeconds(1));

        source.putUser(user(3)).join("kc-g1", "kc-u3");
        server.simulate(Outage.UNAVAILABLE, 2);
        PushResult second = push().pushUser("kc-u3", source, ledger);
        assertThat(second.created()).isEqualTo(1);
        assertThat(second.requests()).isEqualTo(4);
        assertThat(server.outageAnswers()).isEqualTo(4);
        assertThat(heldMemberNames("Group1")).hasSize(4);
    }

    @Test
    void anOutageMidRunThrowsAndTheLedgerHoldsOnlyWhatWasSent() {
        realm(20, 2);
        // ListUsers, ListGroups, two CreateGroup, then five CreateUser go through; the sixth meets the outage.
        http.before(10, () -> server.simulate(Outage.UNAVAILABLE));

        assertThatThrownBy(() -> push().reconcile(source, ledger))
                .isInstanceOfSatisfying(ScimUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.tokenRefused()).isFalse();
                });

        assertThat(ledger.groups()).hasSize(2);
        assertThat(ledger.users()).hasSize(5);
        assertThat(server.directory().userCount()).isEqualTo(5);
        assertThat(ledger.membershipCount()).isZero();

        server.recover();
        server.resetCounters();
        PushResult resumed = push().reconcile(source, ledger);
        assertThat(resumed.failures()).isEmpty();
        assertThat(resumed.created()).isEqualTo(15);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(15);
        assertThat(server.requests(ScimOperation.CREATE_GROUP)).isZero();
        assertThat(server.directory().userCount()).isEqualTo(20);
        assertUnchangedReconcileWritesNothing();
    }

    @Test
    void aRevokedTokenThrowsAtOnceAndChangesNothing() {
        realm(3, 1);
        push().reconcile(source, ledger);
        source.putUser(user(3)).join("kc-g1", "kc-u3");
        server.resetCounters();
        server.simulate(Outage.REVOKED_TOKEN);

        assertThatThrownBy(() -> push().pushUser("kc-u3", source, ledger))
                .isInstanceOfSatisfying(ScimUnavailableException.class, e -> {
                    assertThat(e.tokenRefused()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
        assertThat(server.outageAnswers()).isEqualTo(1);
        assertThat(waits).isEmpty();
        assertThat(ledger.user("kc-u3")).isEmpty();

        server.recover();
        push().pushUser("kc-u3", source, ledger);
        assertThat(heldMemberNames("Group1")).contains("kc-u3");
    }

    @Test
    void aGroupChangeDuringAnOutageThrowsAndLeavesItsLedgerAsItWas() {
        realm(3, 1);
        push().reconcile(source, ledger);
        source.putGroup(new SourceGroup("kc-g1", "Renamed"));
        server.simulate(Outage.UNAVAILABLE);

        assertThatThrownBy(() -> push().pushGroup("kc-g1", source, ledger)).isInstanceOf(ScimUnavailableException.class);
        assertThat(ledger.group("kc-g1").orElseThrow().fingerprint())
                .isEqualTo(ScimPush.fingerprint(ScimGroupDocument.of("Group1", "kc-g1")));

        server.recover();
        push().pushGroup("kc-g1", source, ledger);
        assertThat(server.directory().groupByDisplayName("Renamed")).isPresent();
    }
}
