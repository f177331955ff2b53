package dev.kcaws.it;

import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.Outage;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kcaws.testsupport.scimpush.KeycloakPushFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox is in the database: a change committed while Identity Center is down survives a
 * SIGKILL of the Keycloak node, and the restarted node delivers it once Identity Center is back,
 * without an admin doing anything and without pushing anything twice.
 */
class IdentityCenterPushRestartIT {

    static final String TOKEN = "scim-token-for-restart";

    @Test
    void aChangeWaitingInTheOutboxSurvivesAKilledNodeAndIsDeliveredOnce() throws Exception {
        try (KeycloakServer server = KeycloakServer.fromBuild().withRealmFile(DemoRealm.file()).start();
             AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN)) {
            KeycloakPushFixture push = new KeycloakPushFixture(server.adminApi(), "aws-demo", scim, TOKEN);
            push.configure(TOKEN, List.of("/DevOps", "/Developers", "/BillingAdmin", "/Everyone"), "DEACTIVATE", 0);
            await("the demo realm pushed", () -> scim.directory().groupCount() == 4 && push.member("Everyone", "dave@example.com")
                    && push.status().path("pending").asLong() == 0, push::status);
            long usersCreated = scim.requests(ScimOperation.CREATE_USER);

            scim.simulate(Outage.UNAVAILABLE);
            push.api().addUserToGroup("aws-demo", push.userId("dave"), push.groupId("/DevOps"));
            await("the change waits in the outbox", () -> push.status().path("pending").asLong() >= 1
                    && push.status().path("lastPush").path("outcome").asText().equals("FAILED"), push::status);

            server.kill();
            scim.recover();
            server.start();
            KeycloakPushFixture after = new KeycloakPushFixture(server.adminApi(), "aws-demo", scim, TOKEN);

            await("dave in DevOps after the restart", () -> after.member("DevOps", "dave@example.com"), after::status);
            await("nothing pending", () -> after.status().path("pending").asLong() == 0, after::status);
            long writes = scim.writeRequests();
            // Two more timer ticks on the restarted node: nothing is sent again.
            Thread.sleep(25_000);
            assertThat(scim.writeRequests()).as("writes after the change was delivered").isEqualTo(writes);
            assertThat(scim.requests(ScimOperation.CREATE_USER)).as("users created").isEqualTo(usersCreated);
            assertThat(scim.directory().userCount()).isEqualTo(4);
        }
    }
}
