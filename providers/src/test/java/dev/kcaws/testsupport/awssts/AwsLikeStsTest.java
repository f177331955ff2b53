package dev.kcaws.testsupport.awssts;

import static dev.kcaws.testsupport.awssts.SamlFixture.ACCOUNT;
import static dev.kcaws.testsupport.awssts.SamlFixture.ENTITY_ID;
import static dev.kcaws.testsupport.awssts.SamlFixture.FIXED_CLOCK;
import static dev.kcaws.testsupport.awssts.SamlFixture.NOW;
import static dev.kcaws.testsupport.awssts.SamlFixture.PROVIDER;
import static dev.kcaws.testsupport.awssts.SamlFixture.READ_ONLY_ROLE;
import static dev.kcaws.testsupport.awssts.SamlFixture.SESSION_DURATION;
import static dev.kcaws.testsupport.awssts.SamlFixture.SIGNIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The AWS-like STS on the wire, without the SDK: what it accepts, answers and records. */
class AwsLikeStsTest {
    private static final String ADMIN_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/Admin";
    private final SamlFixture realm = SamlFixture.realm();
    private final HttpClient http = HttpClient.newHttpClient();
    private AwsLikeSts sts = AwsLikeSts.start(realm.metadataXml(), FIXED_CLOCK);

    @AfterEach
    void stop() {
        sts.close();
    }

    @Test
    void answersAValidCallWithStsXmlAndRecordsItWithoutTheCredentials() throws Exception {
        HttpResponse<String> response = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), "3600"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        String xml = response.body();
        assertThat(xml).startsWith("<AssumeRoleWithSAMLResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<AssumeRoleWithSAMLResult>")
                .containsPattern("<AccessKeyId>ASIA[A-Z2-7]{16}</AccessKeyId>")
                .containsPattern("<SecretAccessKey>[A-Za-z0-9+/]{40}</SecretAccessKey>")
                .containsPattern("<SessionToken>IQoJb3JpZ2luX2Vj[A-Za-z0-9+/=]+</SessionToken>")
                .contains("<Expiration>2026-03-01T13:00:00Z</Expiration>")
                .contains("<Arn>arn:aws:sts::" + ACCOUNT + ":assumed-role/ReadOnly/alice@example.com</Arn>")
                .containsPattern("<AssumedRoleId>AROA[A-Z2-7]{17}:alice@example.com</AssumedRoleId>")
                .contains("<Audience>" + SIGNIN + "</Audience>")
                .contains("<Issuer>" + ENTITY_ID + "</Issuer>")
                .contains("<Subject>alice</Subject>")
                .contains("<SubjectType>persistent</SubjectType>")
                .contains("<NameQualifier>" + expectedNameQualifier() + "</NameQualifier>")
                .containsPattern("<ResponseMetadata>\\s*<RequestId>[0-9a-f-]{36}</RequestId>");
        assertThat(sts.acceptedCalls()).containsExactly(
                new StsCall(READ_ONLY_ROLE, PROVIDER, "alice@example.com", 3600, true, "alice"));
        String secret = between(xml, "<SecretAccessKey>", "</SecretAccessKey>");
        String token = between(xml, "<SessionToken>", "</SessionToken>");
        assertThat(sts.toString() + sts.acceptedCalls()).doesNotContain(secret).doesNotContain(token);
    }

    @Test
    void withoutDurationSecondsGrantsOneHourCappedBySessionDuration() throws Exception {
        assertThat(post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null)).body())
                .contains("<Expiration>2026-03-01T13:00:00Z</Expiration>");
        String shortSession = realm.validResponse().replaceAttribute(SESSION_DURATION, "900").base64();
        assertThat(post(call(READ_ONLY_ROLE, PROVIDER, shortSession, null)).body())
                .contains("<Expiration>2026-03-01T12:15:00Z</Expiration>");
        assertThat(sts.acceptedCalls()).extracting(StsCall::durationSeconds, StsCall::durationRequested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3600, false), org.assertj.core.groups.Tuple.tuple(900, false));
    }

    @Test
    void aPairTheAssertionDoesNotHoldIsAccessDenied() throws Exception {
        HttpResponse<String> response = post(call(ADMIN_ROLE, PROVIDER, realm.validResponse().base64(), null));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Type>Sender</Type>", "<Code>AccessDenied</Code>",
                        "<Message>Not authorized to perform sts:AssumeRoleWithSAML</Message>")
                .containsPattern("</Error>\\s*<RequestId>[0-9a-f-]{36}</RequestId>\\s*</ErrorResponse>");
        assertThat(sts.acceptedCalls()).isEmpty();
        assertThat(sts.rejectedCalls()).extracting(StsError::code).containsExactly("AccessDenied");
    }

    @Test
    void theRightPairOfAMultiRoleAssertionIsAccepted() throws Exception {
        String both = realm.validResponse().roles(READ_ONLY_ROLE + "," + PROVIDER, PROVIDER + "," + ADMIN_ROLE).base64();

        assertThat(post(call(ADMIN_ROLE, PROVIDER, both, null)).statusCode()).isEqualTo(200);
        assertThat(post(call(ADMIN_ROLE, "arn:aws:iam::" + ACCOUNT + ":saml-provider/Other", both, null)).statusCode())
                .isEqualTo(403);
        assertThat(sts.acceptedCalls()).extracting(StsCall::roleArn).containsExactly(ADMIN_ROLE);
    }

    @Test
    void durationSecondsMustBeInRangeAndNotAboveTheSessionDuration() throws Exception {
        String assertion = realm.validResponse().base64();

        assertValidationError(post(call(READ_ONLY_ROLE, PROVIDER, assertion, "899")), "greater than or equal to 900");
        assertValidationError(post(call(READ_ONLY_ROLE, PROVIDER, assertion, "43201")), "less than or equal to 43200");
        assertValidationError(post(call(READ_ONLY_ROLE, PROVIDER, assertion, "3601")), "exceeds the SessionDuration");
        assertValidationError(post(call(READ_ONLY_ROLE, PROVIDER, assertion, "an hour")), "DurationSeconds");
        String noSessionDuration = realm.validResponse().withoutAttribute(SESSION_DURATION).base64();
        assertThat(post(call(READ_ONLY_ROLE, PROVIDER, noSessionDuration, "43200")).body())
                .contains("<Expiration>2026-03-02T00:00:00Z</Expiration>");
    }

    @Test
    void missingParametersAndOtherActionsAreRefusedLikeStsDoes() throws Exception {
        Map<String, String> noAssertion = call(READ_ONLY_ROLE, PROVIDER, "x", null);
        noAssertion.remove("SAMLAssertion");
        assertValidationError(post(noAssertion), "Value null at 'sAMLAssertion'");
        assertValidationError(post(call(READ_ONLY_ROLE, PROVIDER, "abc", null)), "length greater than or equal to 4");
        assertValidationError(post(call(READ_ONLY_ROLE, PROVIDER, "a".repeat(100_001), null)), "less than or equal to 100000");

        Map<String, String> otherAction = call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null);
        otherAction.put("Action", "AssumeRole");
        HttpResponse<String> response = post(otherAction);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>");

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(sts.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(sts.acceptedCalls()).isEmpty();
    }

    @Test
    void aTamperedAssertionIsAnInvalidIdentityToken() throws Exception {
        String xml = realm.validResponse().xml().replace("alice@example.com", "mallory@example.com");
        String tampered = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(call(READ_ONLY_ROLE, PROVIDER, tampered, null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidIdentityToken</Code>", "<Message>Response signature invalid</Message>");
    }

    @Test
    void theAssertionMustBeAddressedToAnAwsSigninEndpoint() throws Exception {
        HttpResponse<String> elsewhere = post(call(READ_ONLY_ROLE, PROVIDER,
                realm.validResponse().postedTo("https://sp.example.test/saml").base64(), null));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("<Code>InvalidIdentityToken</Code>",
                "<Message>Your request included an invalid SAML response</Message>");

        // Recipient is IAM's SAML:aud: one that differs from the endpoint fails the role's trust policy
        HttpResponse<String> otherAudience = post(call(READ_ONLY_ROLE, PROVIDER,
                realm.validResponse().recipient("https://eu-west-1.signin.aws.amazon.com/saml").base64(), null));
        assertThat(otherAudience.statusCode()).isEqualTo(403);
        assertThat(otherAudience.body()).contains("<Code>AccessDenied</Code>");

        String regional = "https://eu-west-1.signin.aws.amazon.com/saml";
        HttpResponse<String> regionalResponse = post(call(READ_ONLY_ROLE, PROVIDER,
                realm.validResponse().postedTo(regional).base64(), null));
        assertThat(regionalResponse.statusCode()).isEqualTo(200);
        assertThat(regionalResponse.body()).contains("<Audience>" + regional + "</Audience>");
    }

    @Test
    void anExpiredAssertionIsAnExpiredToken() throws Exception {
        String assertion = realm.validResponse().base64();
        sts.close();
        sts = AwsLikeSts.start(realm.metadataXml(), Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));

        HttpResponse<String> response = post(call(READ_ONLY_ROLE, PROVIDER, assertion, null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>ExpiredTokenException</Code>", "<Message>Response has expired</Message>");
    }

    @Test
    void anotherIdpsAssertionIsRefused() throws Exception {
        String otherMetadata = realm.metadataXml().replace(ENTITY_ID, "https://other.example.test/realms/x");
        sts.close();
        sts = AwsLikeSts.start(otherMetadata, FIXED_CLOCK);

        HttpResponse<String> response = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidIdentityToken</Code>",
                "<Message>Issuer not present in specified provider</Message>");
    }

    // ---- GetCallerIdentity ----

    @Test
    void getCallerIdentityNamesTheAssumedRoleOfCredentialsItIssued() throws Exception {
        String issued = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null)).body();
        String keyId = between(issued, "<AccessKeyId>", "</AccessKeyId>");

        HttpResponse<String> response = callerIdentity(signedBy(keyId), between(issued, "<SessionToken>", "</SessionToken>"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Arn>arn:aws:sts::" + ACCOUNT + ":assumed-role/ReadOnly/alice@example.com</Arn>")
                .contains("<UserId>" + between(issued, "<AssumedRoleId>", "</AssumedRoleId>") + "</UserId>")
                .contains("<Account>" + ACCOUNT + "</Account>");
        assertThat(sts.callerIdentityCalls()).containsExactly("arn:aws:sts::" + ACCOUNT + ":assumed-role/ReadOnly/alice@example.com");
        assertThat(sts.acceptedCalls()).as("GetCallerIdentity is not an AssumeRoleWithSAML call").hasSize(1);
    }

    @Test
    void aKeyItNeverIssuedIsAnInvalidClientTokenId() throws Exception {
        String issued = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null)).body();
        HttpResponse<String> response = callerIdentity(signedBy("ASIAUNKNOWNKEY234567"), between(issued, "<SessionToken>", "</SessionToken>"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>InvalidClientTokenId</Code>",
                "<Message>The security token included in the request is invalid.</Message>");
        assertThat(sts.callerIdentityCalls()).isEmpty();
    }

    @Test
    void aSessionTokenThatIsNotTheKeysOrNoneIsAnInvalidClientTokenId() throws Exception {
        String issued = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null)).body();
        String other = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), null)).body();
        String keyId = between(issued, "<AccessKeyId>", "</AccessKeyId>");

        assertThat(callerIdentity(signedBy(keyId), between(other, "<SessionToken>", "</SessionToken>")).body())
                .contains("<Code>InvalidClientTokenId</Code>");
        assertThat(callerIdentity(signedBy(keyId), null).body()).contains("<Code>InvalidClientTokenId</Code>");
        assertThat(sts.callerIdentityCalls()).isEmpty();
    }

    @Test
    void credentialsPastTheirExpirationAreAnExpiredToken() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        sts.close();
        sts = AwsLikeSts.start(realm.metadataXml(), moving);
        String issued = post(call(READ_ONLY_ROLE, PROVIDER, realm.validResponse().base64(), "900")).body();
        String keyId = between(issued, "<AccessKeyId>", "</AccessKeyId>");
        String token = between(issued, "<SessionToken>", "</SessionToken>");

        now.set(NOW.plusSeconds(899));
        assertThat(callerIdentity(signedBy(keyId), token).statusCode()).isEqualTo(200);
        now.set(NOW.plusSeconds(900));
        HttpResponse<String> expired = callerIdentity(signedBy(keyId), token);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>ExpiredToken</Code>",
                "<Message>The security token included in the request is expired</Message>");
        assertThat(sts.callerIdentityCalls()).hasSize(1);
    }

    @Test
    void anUnsignedOrHalfSignedCallIsRefused() throws Exception {
        HttpResponse<String> unsigned = callerIdentity(null, null);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
        HttpResponse<String> noCredential = callerIdentity("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc", null);
        assertThat(noCredential.statusCode()).isEqualTo(400);
        assertThat(noCredential.body()).contains("<Code>IncompleteSignature</Code>");
        assertThat(sts.callerIdentityCalls()).isEmpty();
    }

    /** An Authorization header as SigV4 writes it (the AWS-like STS reads the key ID, not the signature). */
    private static String signedBy(String accessKeyId) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/20260301/us-east-1/sts/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=" + "0".repeat(64);
    }

    private HttpResponse<String> callerIdentity(String authorization, String sessionToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sts.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (sessionToken != null) {
            request.header("X-Amz-Security-Token", sessionToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- helpers ----

    private static void assertValidationError(HttpResponse<String> response, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>ValidationError</Code>").contains(messagePart);
    }

    private static Map<String, String> call(String roleArn, String principalArn, String assertion, String duration) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithSAML");
        form.put("Version", "2011-06-15");
        form.put("RoleArn", roleArn);
        form.put("PrincipalArn", principalArn);
        form.put("SAMLAssertion", assertion);
        if (duration != null) {
            form.put("DurationSeconds", duration);
        }
        return form;
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(sts.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String expectedNameQualifier() throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest((ENTITY_ID + ACCOUNT + "/Keycloak").getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sha1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
