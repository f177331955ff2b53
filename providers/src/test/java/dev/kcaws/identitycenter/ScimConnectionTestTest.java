package dev.kcaws.identitycenter;

import dev.kcaws.scim.LeavePolicy;
import dev.kcaws.scim.UserNameSource;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.Outage;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection test against the AWS-like SCIM server (a literal token needs no Keycloak session). */
class ScimConnectionTestTest {

    static final String TOKEN = "good-token-0123456789";
    static AwsLikeScimServer aws;

    @BeforeAll
    static void start() throws IOException {
        aws = AwsLikeScimServer.start(TOKEN);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @AfterEach
    void recover() {
        aws.recover();
        aws.resetCounters();
    }

    static IdentityCenterSettings settings(URI endpoint, String token) {
        return new IdentityCenterSettings(true, endpoint, token, List.of("g"), LeavePolicy.DEACTIVATE, Duration.ZERO, UserNameSource.EMAIL);
    }

    @Test
    void theRightEndpointAndTokenPass() {
        ScimConnectionTest.Result result = ScimConnectionTest.run(null, settings(aws.endpoint(), TOKEN));
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(aws.requests(ScimOperation.SERVICE_PROVIDER_CONFIG)).isEqualTo(1);
        assertThat(aws.writeRequests()).isZero();
    }

    @Test
    void aWrongTokenFailsWithIdentityCentersMessageAndNeverTheToken() {
        String wrong = "wrong-token-9876543210";
        ScimConnectionTest.Result result = ScimConnectionTest.run(null, settings(aws.endpoint(), wrong));
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.message()).contains("Authorization header is invalid or missing").contains("refused the token")
                .doesNotContain(wrong).doesNotContain(TOKEN);
    }

    @Test
    void aWrongTenantIsNamed() {
        URI otherTenant = URI.create(aws.endpoint().toString().replaceFirst("/t-[^/]+/", "/t-nobody/"));
        ScimConnectionTest.Result result = ScimConnectionTest.run(null, settings(otherTenant, TOKEN));
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("The tenant ID is incorrect");
    }

    @Test
    void anOutageIsAnsweredAtOnceWithoutRetries() {
        aws.simulate(Outage.UNAVAILABLE);
        ScimConnectionTest.Result result = ScimConnectionTest.run(null, settings(aws.endpoint(), TOKEN));
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(503);
        assertThat(result.message()).contains("Simulated UNAVAILABLE").contains("try again later");
        assertThat(aws.outageAnswers()).as("one attempt, no retries").isEqualTo(1);
    }

    @Test
    void anUnreachableEndpointIsStatusZero() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ScimConnectionTest.Result result = ScimConnectionTest.run(null, settings(URI.create("http://127.0.0.1:" + closedPort + "/t/scim/v2/"), TOKEN));
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isZero();
        assertThat(result.message()).contains("could not be reached");
    }
}
