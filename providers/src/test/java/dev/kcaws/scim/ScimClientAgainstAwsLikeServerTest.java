package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.Outage;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client of {@code dev.kcaws.scim} end to end against the AWS-like SCIM server. */
class ScimClientAgainstAwsLikeServerTest {
    private static final String TOKEN = "AQoDYXdzEJr-very-secret-scim-token";
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private AwsLikeScimServer server;
    private ScimClient client;

    @BeforeEach
    void start() throws Exception {
        server = AwsLikeScimServer.start(TOKEN);
        client = client(server.endpoint(), TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ScimClient client(URI endpoint, String token) {
        RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5, Clock.systemUTC());
        return new ScimClient(endpoint, BearerToken.of(token), HttpClient.newHttpClient(), retry, waits::add);
    }

    private static ScimUserDocument user(int i) {
        return ScimUserDocument.from(new KeycloakUser("kc-" + i, "user" + i, "user" + i + "@example.com",
                "First" + i, "Last" + i, true), UserNameSource.EMAIL);
    }

    private long rejections() {
        return Arrays.stream(ScimRule.values()).mapToLong(server::rejections).sum();
    }

    @Test
    void createsUsersAndAGroupOf250MembersInThreePatchGroupRequests() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(client.createOrAdoptUser(user(i)).resource().id());
        }
        String group = client.createOrAdoptGroup(ScimGroupDocument.of("Developers", "kc-g1")).resource().id();
        int requests = client.changeMembers(group, ids, List.of());

        assertThat(requests).isEqualTo(3);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(3);
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(250);
        assertThat(server.directory().membersOf(group)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(rejections()).isZero();
    }

    @Test
    void removesAndAddsMembersWithoutReplacing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.createUser(user(i)).id());
        }
        String group = client.createGroup(ScimGroupDocument.of("DevOps", "kc-g2")).id();
        client.changeMembers(group, ids.subList(0, 3), List.of());
        client.changeMembers(group, ids.subList(3, 5), ids.subList(0, 3));
        assertThat(server.directory().membersOf(group)).containsExactlyInAnyOrderElementsOf(ids.subList(3, 5));
        client.changeMembers(group, List.of(), ids.subList(3, 5));
        assertThat(server.directory().membersOf(group)).isEmpty();
        assertThat(rejections()).isZero();
    }

    @Test
    void listsEveryPageOfFifty() {
        for (int i = 0; i < 120; i++) {
            client.createUser(user(i));
        }
        server.resetCounters();
        List<ScimResource> all = client.listUsers(null);
        assertThat(all).hasSize(120);
        assertThat(all.stream().map(ScimResource::id).distinct()).hasSize(120);
        assertThat(server.requests(ScimOperation.LIST_USERS)).isEqualTo(3);
        // answered by cursor, so never asked for a startIndex (AWS refuses it)
        assertThat(server.rejections(ScimRule.LIST_UNSUPPORTED_PARAMETER)).isZero();
        assertThat(client.findUserByUserName("user77@example.com")).get()
                .extracting(r -> r.text("externalId")).isEqualTo("kc-77");
        assertThat(client.findUserByExternalId("kc-5")).isPresent();
    }

    @Test
    void conflictOnCreateAdoptsTheExistingUserAndGroup() {
        String existingUser = client.createUser(user(1)).id();
        String existingGroup = client.createGroup(ScimGroupDocument.of("BillingAdmin", "old")).id();

        Created user = client.createOrAdoptUser(user(1));
        Created group = client.createOrAdoptGroup(ScimGroupDocument.of("BillingAdmin", "kc-g3"));

        assertThat(user.adopted()).isTrue();
        assertThat(user.resource().id()).isEqualTo(existingUser);
        assertThat(group.adopted()).isTrue();
        assertThat(group.resource().id()).isEqualTo(existingGroup);
        assertThat(server.rejections(ScimRule.CONFLICT_ON_EXISTING)).isEqualTo(2);
        assertThat(server.directory().userCount()).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfter() {
        server.simulate(Outage.THROTTLING, 2);
        ScimResource created = client.createUser(user(1));
        assertThat(created.id()).isNotNull();
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(3);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReportedAsTransient() {
        server.simulate(Outage.UNAVAILABLE);
        assertThatThrownBy(() -> client.createUser(user(1)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(5);
        assertThat(waits).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600));
        server.recover();
        assertThat(server.directory().userCount()).isZero();
    }

    @Test
    void revokedTokenIsNotRetriedAndNeverShown() {
        server.simulate(Outage.REVOKED_TOKEN);
        assertThatThrownBy(() -> client.createUser(user(1)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.tokenRefused()).isTrue();
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                    assertThat(String.valueOf(e.detail())).doesNotContain(TOKEN);
                });
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void wrongTokenIsRefusedAndTheTokenIsInNoMessage() {
        ScimClient wrong = client(server.endpoint(), "wrong-" + TOKEN);
        assertThatThrownBy(wrong::serviceProviderConfig)
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.toString()).doesNotContain(TOKEN);
                });
        assertThat(wrong.toString()).doesNotContain(TOKEN);
        assertThat(client.serviceProviderConfig().path("patch").path("supported").asBoolean()).isTrue();
    }

    @Test
    void validationErrorsAreFinalWithAwsDetail() {
        String id = client.createUser(user(1)).id();
        String group = client.createGroup(ScimGroupDocument.of("Everyone", "kc-g4")).id();
        assertThatThrownBy(() -> client.changeMembers(group, List.of("not-a-user"), List.of()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("not-a-user");
                });
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(server.directory().membersOf(group)).isEmpty();
        assertThat(id).isNotNull();
    }

    /** The write may have happened: worth another try (which adopts it), named as what it is, not an internal error. */
    @Test
    void aCreatedAnswerWithoutItsBodyIsTransientAndTheNextTryAdopts() {
        server.dropTheBodyOfTheNextWrites(1);

        assertThatThrownBy(() -> client.createUser(user(7)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.getMessage()).isEqualTo("CreateUser failed: HTTP 201 answered without the SCIM JSON it must return (no body, not JSON, or no id)");
                });
        assertThat(server.directory().userCount()).isEqualTo(1);

        Created again = client.createOrAdoptUser(user(7));
        assertThat(server.directory().userCount()).isEqualTo(1);
        assertThat(again.resource().id()).isEqualTo(server.directory().userNamesById().keySet().iterator().next());
    }

    @Test
    void unreachableEndpointIsTransientWithStatusZero() throws Exception {
        URI endpoint = server.endpoint();
        server.close();
        ScimClient offline = client(endpoint, TOKEN);
        assertThatThrownBy(() -> offline.createUser(user(1)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(waits).hasSize(4);
        server = AwsLikeScimServer.start(TOKEN);
    }

    @Test
    void userWithoutNamesProvisionsByTheFallback() {
        ScimUserDocument nameless = ScimUserDocument.from(
                new KeycloakUser("kc-9", "nobody", "nobody@example.com", null, null, true), UserNameSource.EMAIL);
        assertThat(client.createUser(nameless).id()).isNotNull();
        assertThat(rejections()).isZero();
    }

    @Test
    void updatesDeactivatesRenamesAndDeletes() {
        String id = client.createUser(user(1)).id();
        String group = client.createGroup(ScimGroupDocument.of("Old", "kc-g5")).id();
        client.changeMembers(group, List.of(id), List.of());

        ScimUserDocument renamed = ScimUserDocument.from(
                new KeycloakUser("kc-1", "user1", "user1@example.com", "New", "Name", true), UserNameSource.EMAIL);
        assertThat(client.putUser(id, renamed).text("displayName")).isEqualTo("New Name");
        client.setUserActive(id, false);
        assertThat(client.getUser(id)).get().extracting(r -> r.document().get("active").asBoolean()).isEqualTo(false);
        client.renameGroup(group, "New");
        assertThat(client.getGroup(group)).get().extracting(r -> r.text("displayName")).isEqualTo("New");

        client.deleteUser(id);
        client.deleteUser(id); // already gone: not an error
        assertThat(client.getUser(id)).isEmpty();
        assertThat(server.directory().membersOf(group)).isEmpty();
        client.deleteGroup(group);
        assertThat(client.getGroup(group)).isEmpty();
        assertThat(rejections()).isEqualTo(3); // the 404s of the second delete and the two gets
    }
}
