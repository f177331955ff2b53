package dev.kcaws.portal.sts;

import static dev.kcaws.testsupport.awssts.SamlFixture.FIXED_CLOCK;
import static dev.kcaws.testsupport.awssts.SamlFixture.NOW;
import static dev.kcaws.testsupport.awssts.SamlFixture.PROVIDER;
import static dev.kcaws.testsupport.awssts.SamlFixture.READ_ONLY_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.awssts.SamlFixture;
import dev.kcaws.testsupport.awssts.StsCall;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real AWS SDK client against the AWS-like STS, with assertions signed by the test realm. */
class StsCredentialsClientTest {
    private static final AccountId ACCOUNT = new AccountId(SamlFixture.ACCOUNT);
    private static final SamlProviderName KEYCLOAK = new SamlProviderName("Keycloak");
    private static final RolePair READ_ONLY = new RolePair(Partition.AWS, ACCOUNT, "ReadOnly", KEYCLOAK);
    private static final RolePair ADMIN = new RolePair(Partition.AWS, ACCOUNT, "Admin", KEYCLOAK);

    private final SamlFixture realm = SamlFixture.realm();
    private AwsLikeSts sts = AwsLikeSts.start(realm.metadataXml(), FIXED_CLOCK);
    private StsCredentialsClient client = new StsCredentialsClient(sts.endpoint());

    @AfterEach
    void stop() {
        client.close();
        sts.close();
    }

    @Test
    void aValidAssertionForThePairGivesTemporaryCredentials() throws Exception {
        assertThat(READ_ONLY.roleArn()).isEqualTo(READ_ONLY_ROLE);
        assertThat(READ_ONLY.providerArn()).isEqualTo(PROVIDER);

        TemporaryCredentials credentials = client.assumeRoleWithSaml(READ_ONLY, realm.validResponse().base64(), 3600);

        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).startsWith("IQoJb3JpZ2luX2Vj").hasSizeGreaterThan(400);
        assertThat(credentials.expiration()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(credentials.assumedRoleArn())
                .isEqualTo("arn:aws:sts::" + SamlFixture.ACCOUNT + ":assumed-role/ReadOnly/alice@example.com");
        assertThat(sts.acceptedCalls()).containsExactly(
                new StsCall(READ_ONLY_ROLE, PROVIDER, "alice@example.com", 3600, true, "alice"));
    }

    @Test
    void theDurationIsSentOrLeftToAws() throws Exception {
        assertThat(client.assumeRoleWithSaml(READ_ONLY, realm.validResponse().base64(), 900).expiration())
                .isEqualTo(NOW.plusSeconds(900));
        assertThat(client.assumeRoleWithSaml(READ_ONLY, realm.validResponse().base64(),
                StsCredentialsClient.AWS_DEFAULT_DURATION).expiration()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(sts.acceptedCalls()).extracting(StsCall::durationRequested).containsExactly(true, false);
    }

    @Test
    void aPairTheAssertionDoesNotNameIsAccessDenied() {
        String assertion = realm.validResponse().base64();

        StsFailure failure = catchThrowableOfType(StsFailure.class,
                () -> client.assumeRoleWithSaml(ADMIN, assertion, 3600));

        assertThat(failure.errorCode()).isEqualTo("AccessDenied");
        assertThat(failure.awsMessage()).isEqualTo("Not authorized to perform sts:AssumeRoleWithSAML");
        assertThat(failure.getMessage()).isEqualTo("AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML");
        assertThat(failure.httpStatus()).isEqualTo(403);
        assertThat(failure.requestId()).matches("[0-9a-f-]{36}");
        assertThat(failure.refusedByAws()).isTrue();
        assertThat(failure.getCause()).isNull();
        assertThat(failure.toString()).doesNotContain(assertion);
        assertThat(sts.acceptedCalls()).isEmpty();
    }

    @Test
    void aTamperedAssertionIsRefusedAsAnInvalidIdentityToken() {
        String xml = realm.validResponse().xml().replace("role/ReadOnly", "role/Admin");
        String tampered = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));

        StsFailure failure = catchThrowableOfType(StsFailure.class, () -> client.assumeRoleWithSaml(ADMIN, tampered, 3600));

        assertThat(failure.getMessage()).isEqualTo("InvalidIdentityToken: Response signature invalid");
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(sts.acceptedCalls()).isEmpty();
    }

    @Test
    void anExpiredAssertionIsAnExpiredToken() throws Exception {
        String assertion = realm.validResponse().base64();
        restartStsAt(Clock.fixed(NOW.plus(Duration.ofMinutes(7)), ZoneOffset.UTC));

        StsFailure failure = catchThrowableOfType(StsFailure.class, () -> client.assumeRoleWithSaml(READ_ONLY, assertion, 3600));

        assertThat(failure.getMessage()).isEqualTo("ExpiredTokenException: Response has expired");
    }

    @Test
    void aDurationAboveTheAssertionsSessionDurationIsAValidationError() {
        StsFailure failure = catchThrowableOfType(StsFailure.class,
                () -> client.assumeRoleWithSaml(READ_ONLY, realm.validResponse().base64(), 7200));

        assertThat(failure.errorCode()).isEqualTo("ValidationError");
        assertThat(failure.awsMessage()).contains("DurationSeconds exceeds");
        // refused, not retried: one request
        assertThat(sts.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnreachableStsIsAClientErrorNamingTheEndpoint() throws Exception {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        try (StsCredentialsClient offline = new StsCredentialsClient(nowhere)) {
            String assertion = realm.validResponse().base64();
            StsFailure failure = catchThrowableOfType(StsFailure.class, () -> offline.assumeRoleWithSaml(READ_ONLY, assertion, 3600));

            assertThat(failure.errorCode()).isEqualTo(StsFailure.CLIENT_ERROR);
            assertThat(failure.refusedByAws()).isFalse();
            assertThat(failure.httpStatus()).isZero();
            assertThat(failure.getMessage()).startsWith("ClientError: Could not get an answer from AWS STS at " + nowhere)
                    .doesNotContain(assertion);
        }
    }

    @Test
    void argumentsAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> client.assumeRoleWithSaml(READ_ONLY, " ", 3600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.assumeRoleWithSaml(READ_ONLY, "PHNhbWw+", 899)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.assumeRoleWithSaml(READ_ONLY, "PHNhbWw+", 43201)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sts.requestCount()).isZero();
    }

    @Test
    void aClosedClientRefusesCalls() {
        client.close();
        assertThatThrownBy(() -> client.assumeRoleWithSaml(READ_ONLY, realm.validResponse().base64(), 3600))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachPartitionUsesItsOwnStsEndpointAndRegion() {
        try (StsCredentialsClient aws = new StsCredentialsClient()) {
            assertThat(aws.endpoint(Partition.AWS)).hasToString("https://sts.amazonaws.com");
            assertThat(aws.endpoint(Partition.AWS_US_GOV)).hasToString("https://sts.us-gov-west-1.amazonaws.com");
            assertThat(aws.endpoint(Partition.AWS_CN)).hasToString("https://sts.cn-north-1.amazonaws.com.cn");
        }
        assertThat(StsCredentialsClient.region(Partition.AWS).id()).isEqualTo("us-east-1");
        assertThat(StsCredentialsClient.region(Partition.AWS_US_GOV).id()).isEqualTo("us-gov-west-1");
        assertThat(StsCredentialsClient.region(Partition.AWS_CN).id()).isEqualTo("cn-north-1");
        assertThat(client.endpoint(Partition.AWS_CN)).isEqualTo(sts.endpoint());
    }

    @Test
    void messagesNeverCarryTheAssertion() {
        String assertion = "PHNhbWxwOlJlc3BvbnNlPg==";
        assertThat(StsCredentialsClient.presentable("bad token " + assertion + "\nsecond line", assertion))
                .isEqualTo("bad token [SAML assertion] second line");
        assertThat(StsCredentialsClient.presentable("x".repeat(2000), null)).hasSize(503);
    }

    private void restartStsAt(Clock clock) {
        client.close();
        sts.close();
        sts = AwsLikeSts.start(realm.metadataXml(), clock);
        client = new StsCredentialsClient(sts.endpoint());
    }
}
