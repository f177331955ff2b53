package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.kcaws.testsupport.scimpush.KeycloakPushFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM push's part of the version matrix (the {@code matrix-26.4} and {@code matrix-26.5}
 * executions, docs/supported-versions.md): on each supported Keycloak line, the first push of the
 * demo realm to the AWS-like server, then a membership added, one removed and a user deleted
 * arriving by themselves, each captured from that line's model and admin events. The whole push
 * is {@link IdentityCenterPushIT}'s, on the default server.
 */
class IdentityCenterPushSmokeIT {

    static final String TOKEN = "scim-token-for-smoke";

    final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @Test
    void theDemoRealmIsPushedThenMembershipChangesAndADeletedUserArrive() throws Exception {
        AdminApi api = SharedKeycloak.get().adminApi();
        KeycloakPushFixture push = KeycloakPushFixture.demoCopy(api, "push-smoke-" + Long.toHexString(System.nanoTime() & 0xffffff),
                TOKEN, "DELETE", cleanup);

        Duration firstPush = push.awaitDemoPushed();

        for (String user : List.of("alice", "bob", "carol", "dave")) {
            JsonNode pushed = push.scimUser(user + "@example.com").orElseThrow(() -> new AssertionError(user + " not pushed"));
            assertThat(pushed.path("externalId").asText()).isEqualTo(push.userId(user));
            assertThat(push.member("Everyone", user + "@example.com")).as(user + " in Everyone").isTrue();
        }
        assertThat(push.member("DevOps", "alice@example.com")).isTrue();
        assertThat(push.member("Developers", "bob@example.com")).isTrue();
        assertThat(push.member("BillingAdmin", "carol@example.com")).isTrue();
        assertThat(push.scimUser("erin@example.com")).as("erin is in no chosen group").isEmpty();
        JsonNode reconcile = push.status().path("lastReconcile");
        assertThat(reconcile.path("outcome").asText()).as(reconcile.toString()).isEqualTo("OK");
        assertThat(reconcile.path("created").asInt()).as(reconcile.toString()).isEqualTo(8); // 4 groups, 4 users

        // membership added
        api.addUserToGroup(push.realm(), push.userId("carol"), push.groupId("/DevOps"));
        Duration added = await("carol joined DevOps", () -> push.member("DevOps", "carol@example.com"), () -> push.memberIds("DevOps"));

        // membership removed (bob stays in scope through Everyone); 26.4's leave event does not name the user
        api.expect(204, "DELETE", push.realmPath() + "/users/" + push.userId("bob") + "/groups/" + push.groupId("/Developers"), null);
        Duration removed = await("bob left Developers", () -> !push.member("Developers", "bob@example.com"), () -> push.memberIds("Developers"));
        assertThat(push.member("Everyone", "bob@example.com")).isTrue();

        // user deleted (leave policy DELETE: deleted in Identity Center too)
        String daveScimId = push.scimUser("dave@example.com").orElseThrow().path("id").asText();
        api.expect(204, "DELETE", push.realmPath() + "/users/" + push.userId("dave"), null);
        Duration deleted = await("dave deleted", () -> push.scimUser("dave@example.com").isEmpty(), () -> push.scimUser("dave@example.com"));
        assertThat(push.scim().directory().membersOf(push.scimGroup("Everyone").orElseThrow().path("id").asText()))
                .doesNotContain(daveScimId);

        await("nothing pending", () -> push.status().path("pending").asLong() == 0, push::status);
        JsonNode status = push.status();
        assertThat(status.path("lastPush").path("outcome").asText()).as(status.toString()).isEqualTo("OK");
        assertThat(Arrays.stream(ScimRule.values()).mapToLong(push.scim()::rejections).sum()).as("requests the fake refused").isZero();
        System.out.printf("IdentityCenterPushSmokeIT figures: first push %.1f s; membership added %.1f s, removed %.1f s, user deleted %.1f s%n",
                firstPush.toMillis() / 1000.0, added.toMillis() / 1000.0, removed.toMillis() / 1000.0, deleted.toMillis() / 1000.0);
    }
}
