package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.Rejections.INVALID_RESPONSE;
import static dev.kcaws.testsupport.awssp.Rejections.ISSUER_NOT_PRESENT;
import static dev.kcaws.testsupport.awssp.Rejections.assertRejected;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ENTITY_ID;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SIGNIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.encryption.EncryptedData;

/** Where it was posted, size, encoding, XML safety, the Response itself, assertion count and issuers. */
class ResponseEnvelopeRulesTest {
    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final AwsLikeServiceProvider aws = realm.serviceProvider();

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com/saml", "http://signin.aws.amazon.com/saml",
            "https://signin.aws.amazon.com/saml/", "https://signin.aws.amazon.com.evil.example/saml",
            "https://xx.signin.aws.amazon.com/saml"})
    void refusesAPostToAnythingButAnAwsSigninEndpoint(String postedTo) {
        String posted = realm.validResponse().postedTo(postedTo).base64();

        assertRejected(() -> aws.accept(posted, postedTo), AwsSamlRule.SIGNIN_ENDPOINT_UNKNOWN, INVALID_RESPONSE);
    }

    @Test
    void refusesAResponseShorterThanFourCharacters() {
        assertRejected(() -> aws.accept("PD8", SIGNIN), AwsSamlRule.RESPONSE_SIZE, INVALID_RESPONSE);
        assertRejected(() -> aws.accept(null, SIGNIN), AwsSamlRule.RESPONSE_SIZE, INVALID_RESPONSE);
    }

    @Test
    void acceptsExactlyOneHundredThousandCharactersAndRefusesOneCharacterMore() throws Exception {
        // pad with an attribute AWS ignores until the UTF-8 XML is exactly 75,000 bytes = 100,000 base64 chars
        int probe = 1_000;
        int probeBytes = padded(probe).getBytes(StandardCharsets.UTF_8).length;
        int fill = probe + (75_000 - probeBytes);

        String atLimit = ResponseSpec.base64(padded(fill));
        String overLimit = ResponseSpec.base64(padded(fill + 1));

        assertThat(atLimit).hasSize(100_000);
        assertThat(aws.accept(atLimit, SIGNIN).responseLength()).isEqualTo(100_000);
        assertThat(overLimit.length()).isGreaterThan(100_000);
        AwsSamlRejection rejection = assertRejected(() -> aws.accept(overLimit, SIGNIN), AwsSamlRule.RESPONSE_SIZE, INVALID_RESPONSE);
        assertThat(rejection.detail()).contains(String.valueOf(overLimit.length()));
    }

    private String padded(int fillerChars) {
        return realm.validResponse().attribute("urn:example:filler", "x".repeat(fillerChars)).xml();
    }

    @Test
    void refusesSomethingThatIsNotBase64() {
        assertRejected(() -> aws.accept("<samlp:Response/>", SIGNIN), AwsSamlRule.NOT_BASE64, INVALID_RESPONSE);
    }

    @Test
    void refusesXmlDeclaredInAnotherEncoding() {
        String latin1 = realm.validResponse().xml().replaceFirst("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        String posted = Base64.getEncoder().encodeToString(latin1.getBytes(StandardCharsets.ISO_8859_1));

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.NOT_UTF8, INVALID_RESPONSE);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        String xml = realm.validResponse().roles("r\u00e9le").xml();
        String posted = Base64.getEncoder().encodeToString(
                xml.replaceFirst("<\\?xml[^>]*\\?>", "").getBytes(StandardCharsets.ISO_8859_1));

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.NOT_UTF8, INVALID_RESPONSE);
    }

    @Test
    void refusesADoctypeSoExternalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + realm.validResponse().xml().replaceFirst("<\\?xml[^>]*\\?>", "")
                        .replace("alice@example.com", "&xxe;");

        AwsSamlRejection rejection = assertRejected(() -> aws.accept(ResponseSpec.base64(xxe), SIGNIN),
                AwsSamlRule.XML_REJECTED, INVALID_RESPONSE);
        assertThat(rejection.detail()).containsIgnoringCase("DOCTYPE");
    }

    @Test
    void refusesXmlThatIsNotWellFormed() {
        assertRejected(() -> aws.accept(ResponseSpec.base64("<samlp:Response"), SIGNIN), AwsSamlRule.XML_REJECTED, INVALID_RESPONSE);
    }

    @Test
    void refusesARootThatIsNotASamlResponse() {
        String bareAssertion = realm.validResponse().signResponse(false).xml()
                .replaceAll("(?s)^.*?(<saml2:Assertion )", "$1").replaceAll("(?s)</saml2p:Response>\\s*$", "");

        assertRejected(() -> aws.accept(ResponseSpec.base64(bareAssertion), SIGNIN), AwsSamlRule.NOT_A_SAML2_RESPONSE, INVALID_RESPONSE);
        assertRejected(() -> aws.accept(ResponseSpec.base64("<html><body>login</body></html>"), SIGNIN),
                AwsSamlRule.NOT_A_SAML2_RESPONSE, INVALID_RESPONSE);
    }

    @Test
    void refusesAResponseWhoseStatusIsNotSuccess() {
        String posted = realm.validResponse().statusCode(StatusCode.RESPONDER).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.STATUS_NOT_SUCCESS, INVALID_RESPONSE);
    }

    @Test
    void refusesEncryptedAssertionsAsUnsupportedByThisTestSp() {
        String posted = realm.validResponse().customize(response -> {
            response.getAssertions().clear();
            EncryptedAssertion encrypted = SignedResponseFactory.build(EncryptedAssertion.DEFAULT_ELEMENT_NAME);
            encrypted.setEncryptedData(SignedResponseFactory.build(EncryptedData.DEFAULT_ELEMENT_NAME));
            response.getEncryptedAssertions().add(encrypted);
        }).base64();

        AwsSamlRejection rejection = assertRejected(() -> aws.accept(posted, SIGNIN),
                AwsSamlRule.ENCRYPTED_ASSERTION_UNSUPPORTED, INVALID_RESPONSE);
        assertThat(rejection.getMessage()).contains("not supported by this test SP");
    }

    @Test
    void refusesAResponseWithoutAssertion() {
        String posted = realm.validResponse().customize(response -> response.getAssertions().clear()).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.NOT_EXACTLY_ONE_ASSERTION, INVALID_RESPONSE);
    }

    @Test
    void refusesTwoAssertions() {
        ResponseSpec spec = realm.validResponse();
        String posted = spec.customize(response -> {
            spec.ids("_response-0001", "_assertion-0002");
            response.getAssertions().add(SignedResponseFactory.assertion(spec));
        }).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.NOT_EXACTLY_ONE_ASSERTION, INVALID_RESPONSE);
    }

    @Test
    void refusesAResponseIssuerOtherThanTheMetadataEntityId() {
        String posted = realm.validResponse().issuers("https://other.example.test/realms/aws", ENTITY_ID).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.RESPONSE_ISSUER_MISMATCH, ISSUER_NOT_PRESENT);
    }

    @Test
    void refusesAnAssertionIssuerOtherThanTheMetadataEntityId() {
        String posted = realm.validResponse().issuers(ENTITY_ID, ENTITY_ID + "/").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ASSERTION_ISSUER_MISMATCH, ISSUER_NOT_PRESENT);
    }

    @Test
    void refusesAnAssertionWithoutIssuerButAcceptsAResponseWithout() throws Exception {
        String noAssertionIssuer = realm.validResponse().issuers(ENTITY_ID, null).base64();
        String noResponseIssuer = realm.validResponse().issuers(null, ENTITY_ID).base64();

        assertRejected(() -> aws.accept(noAssertionIssuer, SIGNIN), AwsSamlRule.ASSERTION_ISSUER_MISMATCH, ISSUER_NOT_PRESENT);
        assertThat(aws.accept(noResponseIssuer, SIGNIN).rolePairs()).hasSize(1);
    }
}
