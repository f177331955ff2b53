package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.kcaws.testsupport.scimpush.KeycloakPushFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconcile that lasts longer than Keycloak's transaction timeout completes: no database
 * transaction spans its requests to Identity Center. A private server runs with a 15-second
 * {@code transaction-default-timeout} (Keycloak's default is 5 minutes) and the AWS-like SCIM server
 * answers each request 3 seconds late, so the demo realm's first push (about 14 requests) and
 * an unchanged realm's sync (6 reads) each outlast the timeout — as a first push of a large
 * realm to the real Identity Center outlasts the default one. Before the fix the first push was
 * rolled back at 15 s and retried forever ({@code lastReconcile} stayed null, {@code pending} 1), and
 * a sync longer than the timeout answered 500.
 */
class IdentityCenterPushLongReconcileIT {

    static final String TOKEN = "scim-token-for-long-reconcile";
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(15);
    static final Duration DELAY = Duration.ofSeconds(3);

    @Test
    void aReconcileLongerThanTheTransactionTimeoutCompletesAndIsRecorded() throws Exception {
        try (KeycloakServer server = KeycloakServer.fromBuild().withRealmFile(DemoRealm.file())
                .withOption("--transaction-default-timeout=" + TRANSACTION_TIMEOUT.toSeconds() + "s").start();
             AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN)) {
            scim.delayEachRequest(DELAY);
            KeycloakPushFixture push = new KeycloakPushFixture(server.adminApi(), "aws-demo", scim, TOKEN);

            // Saving the settings queues the first push: a REALM outbox item, a whole reconcile.
            push.configure(TOKEN, IdentityCenterPushIT.DEMO_GROUPS, "DEACTIVATE", 0);

            await("the first push recorded", () -> !push.status().path("lastReconcile").isNull()
                    && push.status().path("pending").asLong() == 0, push::status);
            JsonNode status = push.status();
            JsonNode first = status.path("lastReconcile");
            assertThat(first.path("outcome").asText()).as(status.toString()).isEqualTo("OK");
            assertThat(first.path("created").asInt()).as(status.toString()).isEqualTo(8); // 4 groups, alice, bob, carol, dave
            assertThat(first.path("failures")).isEmpty();
            assertThat(DELAY.multipliedBy(first.path("requests").asInt())).as("the push's requests alone outlast the transaction timeout")
                    .isGreaterThan(TRANSACTION_TIMEOUT);
            assertThat(scim.directory().userCount()).as("users in Identity Center").isEqualTo(4);
            assertThat(scim.directory().groupCount()).as("groups in Identity Center").isEqualTo(4);
            for (String user : List.of("alice", "bob", "carol", "dave")) {
                assertThat(push.member("Everyone", user + "@example.com")).as(user + " in Everyone").isTrue();
            }
            assertThat(push.member("DevOps", "alice@example.com")).isTrue();
            assertThat(push.member("Developers", "bob@example.com")).isTrue();
            assertThat(push.member("BillingAdmin", "carol@example.com")).isTrue();
            assertThat(Arrays.stream(ScimRule.values()).mapToLong(scim::rejections).sum()).as("requests the fake refused").isZero();
            long usersCreated = scim.requests(ScimOperation.CREATE_USER);
            long groupsCreated = scim.requests(ScimOperation.CREATE_GROUP);
            assertThat(usersCreated).as("CreateUser requests").isEqualTo(4);
            assertThat(groupsCreated).as("CreateGroup requests").isEqualTo(4);

            // Sync now of the unchanged realm, still slow (6 reads, 18 s): the admin request answers
            // 202 after 10 s and the reconcile goes on (the request's own transaction is subject to
            // the timeout too); its run shows as lastReconcile.
            String firstFinished = first.path("finishedAt").asText();
            scim.resetCounters();
            ApiResponse sync = push.sync();

            assertThat(sync.status()).as(sync.body()).isEqualTo(202);
            assertThat(sync.json().path("running").asBoolean()).as(sync.body()).isTrue();
            await("the sync's reconcile recorded", () -> !push.status().path("lastReconcile").path("finishedAt").asText().equals(firstFinished),
                    push::status);
            JsonNode after = push.status();
            JsonNode second = after.path("lastReconcile");
            assertThat(second.path("outcome").asText()).as(after.toString()).isEqualTo("OK");
            assertThat(second.path("created").asInt() + second.path("updated").asInt() + second.path("deleted").asInt()
                    + second.path("deactivated").asInt()).as(after.toString()).isZero();
            assertThat(DELAY.multipliedBy(second.path("requests").asInt())).as("the sync's reads alone outlast the transaction timeout")
                    .isGreaterThan(TRANSACTION_TIMEOUT);
            assertThat(scim.writeRequests()).as("writes of the second reconcile").isZero();
            assertThat(after.path("pending").asLong()).isZero();
            assertThat(server.logSinceStart()).as("Narayana's transaction-timeout warning in the server log").doesNotContain("ARJUNA012117");
        }
    }
}
