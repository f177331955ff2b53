package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client's requests look like where SCIM servers other than AWS's are stricter than the
 * AWS-like fake (found against Keycloak 26.7's SCIM server, see
 * docs/identity-center-real-scim-peer.md).
 */
class ScimClientRequestShapeTest {
    private static final String TOKEN = "shape-test-token";
    private AwsLikeScimServer server;
    private ScimClient client;

    @BeforeEach
    void start() throws Exception {
        server = AwsLikeScimServer.start(TOKEN);
        RetryPolicy retry = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.5, Clock.systemUTC());
        client = new ScimClient(server.endpoint(), BearerToken.of(TOKEN), HttpClient.newHttpClient(), retry, d -> { });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void putUserCarriesTheIdOfTheUserItReplaces() {
        ScimUserDocument alice = ScimUserDocument.from(
                new KeycloakUser("kc-1", "alice", "alice@example.com", "Alice", "Liddell", true), UserNameSource.EMAIL);
        String id = client.createUser(alice).id();

        client.putUser(id, alice);

        // RFC 7644 §3.5.1's PUT carries the resource's "id" (readOnly: a server ignores it or checks
        // it); Keycloak's SCIM server refuses a PUT without it: 400 "Invalid reference to resource".
        JsonNode sent = server.lastBody(ScimOperation.PUT_USER).orElseThrow();
        assertThat(sent.path("id").asText(null)).isEqualTo(id);
        assertThat(sent.path("userName").asText()).isEqualTo("alice@example.com");
        // the rest of the document is the one CreateUser sent
        JsonNode created = server.lastBody(ScimOperation.CREATE_USER).orElseThrow();
        JsonNode rest = ((ObjectNode) sent.deepCopy()).without("id");
        assertThat(rest).isEqualTo(created);
    }
}
