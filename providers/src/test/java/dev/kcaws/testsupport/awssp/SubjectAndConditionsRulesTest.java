package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.Rejections.INVALID_RESPONSE;
import static dev.kcaws.testsupport.awssp.Rejections.NOT_AUTHORIZED;
import static dev.kcaws.testsupport.awssp.Rejections.assertRejected;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.NOW;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SIGNIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.SubjectConfirmation;

/** Destination, the bearer SubjectConfirmation, the Conditions window, the audience and the NameID. */
class SubjectAndConditionsRulesTest {
    private static final String REGIONAL = "https://us-west-2.signin.aws.amazon.com/saml";

    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final AwsLikeServiceProvider aws = realm.serviceProvider();

    @Test
    void refusesADestinationOtherThanTheUrlPostedTo() {
        String posted = realm.validResponse().destination(REGIONAL).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.DESTINATION_MISMATCH, INVALID_RESPONSE);
    }

    @Test
    void acceptsAResponseWithoutDestination() throws Exception {
        assertThat(aws.accept(realm.validResponse().destination(null).base64(), SIGNIN).rolePairs()).hasSize(1);
    }

    @Test
    void refusesARecipientOtherThanTheUrlPostedTo() {
        String posted = realm.validResponse().recipient(REGIONAL).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.RECIPIENT_MISMATCH, NOT_AUTHORIZED);
    }

    @Test
    void refusesTwoSubjectConfirmations() {
        ResponseSpec spec = realm.validResponse();
        String posted = spec.customize(response -> response.getAssertions().get(0).getSubject()
                .getSubjectConfirmations().add(SignedResponseFactory.bearerConfirmation(spec))).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SUBJECT_CONFIRMATION_NOT_SINGLE, INVALID_RESPONSE);
    }

    @Test
    void refusesAMissingSubjectConfirmation() {
        String posted = realm.validResponse().customize(response -> response.getAssertions().get(0).getSubject()
                .getSubjectConfirmations().clear()).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SUBJECT_CONFIRMATION_NOT_SINGLE, INVALID_RESPONSE);
    }

    @Test
    void refusesAConfirmationMethodOtherThanBearer() {
        String posted = realm.validResponse().customize(response -> response.getAssertions().get(0).getSubject()
                .getSubjectConfirmations().get(0).setMethod(SubjectConfirmation.METHOD_HOLDER_OF_KEY)).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SUBJECT_CONFIRMATION_NOT_BEARER, INVALID_RESPONSE);
    }

    @Test
    void refusesConfirmationDataWithoutNotOnOrAfter() {
        String posted = realm.validResponse().subjectNotOnOrAfter(null).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SUBJECT_CONFIRMATION_DATA_INCOMPLETE, INVALID_RESPONSE);
    }

    @Test
    void refusesConfirmationDataWithoutRecipient() {
        String posted = realm.validResponse().recipient(null).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SUBJECT_CONFIRMATION_DATA_INCOMPLETE, INVALID_RESPONSE);
    }

    @Test
    void refusesAnExpiredSubjectConfirmationBeyondTheSkew() {
        String posted = realm.validResponse().subjectNotOnOrAfter(NOW.minusSeconds(60)).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SUBJECT_CONFIRMATION_EXPIRED, INVALID_RESPONSE);
    }

    @Test
    void refusesConditionsThatHaveExpired() {
        Instant expired = NOW.minusSeconds(61);
        String posted = realm.validResponse().conditions(NOW.minusSeconds(300), expired).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.CONDITIONS_EXPIRED, INVALID_RESPONSE);
    }

    @Test
    void refusesConditionsNotYetValidBeyondTheSkew() {
        String posted = realm.validResponse().conditions(NOW.plusSeconds(61), NOW.plusSeconds(300)).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.CONDITIONS_NOT_YET_VALID, INVALID_RESPONSE);
    }

    @Test
    void refusesAnAudienceOtherThanAws() {
        String posted = realm.validResponse().audiences("https://signin.aws.amazon.com/saml/other").base64();

        AwsSamlRejection rejection = assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.AUDIENCE_MISMATCH, INVALID_RESPONSE);
        assertThat(rejection.detail()).contains("urn:amazon:webservices");
    }

    @Test
    void refusesAnAssertionWithoutAudienceRestriction() {
        String posted = realm.validResponse().audiences().base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.AUDIENCE_MISMATCH, INVALID_RESPONSE);
    }

    @Test
    void refusesWhenASecondAudienceRestrictionExcludesAws() {
        String posted = realm.validResponse().customize(response -> {
            AudienceRestriction other = SignedResponseFactory.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            Audience audience = SignedResponseFactory.build(Audience.DEFAULT_ELEMENT_NAME);
            audience.setURI("https://someone-else.example");
            other.getAudiences().add(audience);
            response.getAssertions().get(0).getConditions().getAudienceRestrictions().add(other);
        }).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.AUDIENCE_MISMATCH, INVALID_RESPONSE);
    }

    @Test
    void acceptsAnAudienceListThatIncludesAwsAndAConfiguredAudience() throws Exception {
        String several = realm.validResponse().audiences("https://other.example", "urn:amazon:webservices").base64();
        String govCloud = realm.validResponse().audiences("urn:amazon:webservices:govcloud").base64();

        assertThat(aws.accept(several, SIGNIN).rolePairs()).hasSize(1);
        assertRejected(() -> aws.accept(govCloud, SIGNIN), AwsSamlRule.AUDIENCE_MISMATCH, INVALID_RESPONSE);
        assertThat(aws.withAudience("urn:amazon:webservices:govcloud").accept(govCloud, SIGNIN).rolePairs()).hasSize(1);
    }

    @Test
    void refusesASubjectWithoutNameId() {
        String posted = realm.validResponse().nameId(null, null).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.NAME_ID_MISSING, NOT_AUTHORIZED);
    }

    @Test
    void refusesAnEmptyNameId() {
        String posted = realm.validResponse().nameId("  ", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.NAME_ID_MISSING, NOT_AUTHORIZED);
    }

    @Test
    void refusesANameIdWithoutAFullUriFormat() {
        String noFormat = realm.validResponse().nameId("alice", null).base64();
        String shortFormat = realm.validResponse().nameId("alice", "persistent").base64();

        assertRejected(() -> aws.accept(noFormat, SIGNIN), AwsSamlRule.NAME_ID_FORMAT_NOT_URI, NOT_AUTHORIZED);
        assertRejected(() -> aws.accept(shortFormat, SIGNIN), AwsSamlRule.NAME_ID_FORMAT_NOT_URI, NOT_AUTHORIZED);
    }
}
