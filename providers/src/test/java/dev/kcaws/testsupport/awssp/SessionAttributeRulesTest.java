package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.Rejections.INVALID_RESPONSE;
import static dev.kcaws.testsupport.awssp.Rejections.SESSION_NAME_MUST_MATCH;
import static dev.kcaws.testsupport.awssp.Rejections.SESSION_NAME_REQUIRED;
import static dev.kcaws.testsupport.awssp.Rejections.assertRejected;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.PRINCIPAL_TAG;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ROLE_SESSION_NAME;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SESSION_DURATION;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SIGNIN;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SOURCE_IDENTITY;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.TRANSITIVE_TAG_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RoleSessionName, SessionDuration, PrincipalTag:*, TransitiveTagKeys and SourceIdentity. */
class SessionAttributeRulesTest {
    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final AwsLikeServiceProvider aws = realm.serviceProvider();

    // ---- RoleSessionName ----

    @Test
    void refusesAResponseWithoutRoleSessionName() {
        String posted = realm.validResponse().withoutAttribute(ROLE_SESSION_NAME).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_SESSION_NAME_MISSING, SESSION_NAME_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice smith", "a", "alice/smith", "al!ce", "élise", ""})
    void refusesARoleSessionNameOutsideStsCharacters(String name) {
        String posted = realm.validResponse().replaceAttribute(ROLE_SESSION_NAME, name).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_SESSION_NAME_MALFORMED, SESSION_NAME_MUST_MATCH);
    }

    @Test
    void roleSessionNameIsAtMost64Characters() throws Exception {
        String longest = "a".repeat(64);

        assertThat(aws.accept(realm.validResponse().replaceAttribute(ROLE_SESSION_NAME, longest).base64(), SIGNIN).roleSessionName())
                .isEqualTo(longest);
        assertRejected(() -> aws.accept(realm.validResponse().replaceAttribute(ROLE_SESSION_NAME, "a".repeat(65)).base64(), SIGNIN),
                AwsSamlRule.ROLE_SESSION_NAME_MALFORMED, SESSION_NAME_MUST_MATCH);
    }

    @Test
    void refusesTwoRoleSessionNameValuesOrElements() {
        String twoValues = realm.validResponse().replaceAttribute(ROLE_SESSION_NAME, "alice", "bob").base64();
        String twoElements = realm.validResponse().attribute(ROLE_SESSION_NAME, "bob").base64();

        assertRejected(() -> aws.accept(twoValues, SIGNIN), AwsSamlRule.ROLE_SESSION_NAME_MALFORMED, SESSION_NAME_MUST_MATCH);
        assertRejected(() -> aws.accept(twoElements, SIGNIN), AwsSamlRule.ROLE_SESSION_NAME_MALFORMED, SESSION_NAME_MUST_MATCH);
    }

    // ---- SessionDuration ----

    @ParameterizedTest
    @ValueSource(strings = {"899", "43201", "0", "-900", "3600s", "PT1H", "1e4", "", "99999999999"})
    void refusesASessionDurationOutside900To43200(String seconds) {
        String posted = realm.validResponse().replaceAttribute(SESSION_DURATION, seconds).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SESSION_DURATION_INVALID, INVALID_RESPONSE);
    }

    @Test
    void acceptsTheSessionDurationBounds() throws Exception {
        assertThat(aws.accept(realm.validResponse().replaceAttribute(SESSION_DURATION, "900").base64(), SIGNIN)
                .sessionDurationSeconds()).isEqualTo(900);
        assertThat(aws.accept(realm.validResponse().replaceAttribute(SESSION_DURATION, "43200").base64(), SIGNIN)
                .sessionDurationSeconds()).isEqualTo(43200);
    }

    @Test
    void refusesTwoSessionDurationValues() {
        String posted = realm.validResponse().replaceAttribute(SESSION_DURATION, "3600", "7200").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SESSION_DURATION_INVALID, INVALID_RESPONSE);
    }

    // ---- PrincipalTag ----

    @Test
    void acceptsFiftyTagsAndRefusesFiftyOne() throws Exception {
        ResponseSpec fifty = realm.validResponse();
        for (int i = 1; i <= 50; i++) {
            fifty.attribute(PRINCIPAL_TAG + "k" + i, "v" + i);
        }
        assertThat(aws.accept(fifty.base64(), SIGNIN).principalTags()).hasSize(50);

        String fiftyOne = fifty.attribute(PRINCIPAL_TAG + "k51", "v51").base64();
        assertRejected(() -> aws.accept(fiftyOne, SIGNIN), AwsSamlRule.PRINCIPAL_TAG_TOO_MANY, INVALID_RESPONSE);
    }

    @Test
    void tagKeysAreAtMost128Characters() throws Exception {
        String longest = "k".repeat(128);

        assertThat(aws.accept(realm.validResponse().attribute(PRINCIPAL_TAG + longest, "v").base64(), SIGNIN).principalTags())
                .containsKey(longest);
        assertRejected(() -> aws.accept(realm.validResponse().attribute(PRINCIPAL_TAG + "k".repeat(129), "v").base64(), SIGNIN),
                AwsSamlRule.PRINCIPAL_TAG_INVALID, INVALID_RESPONSE);
    }

    @Test
    void refusesAnEmptyTagKey() {
        String posted = realm.validResponse().attribute(PRINCIPAL_TAG, "v").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.PRINCIPAL_TAG_INVALID, INVALID_RESPONSE);
    }

    @Test
    void tagValuesAreAtMost256Characters() throws Exception {
        assertThat(aws.accept(realm.validResponse().attribute(PRINCIPAL_TAG + "k", "v".repeat(256)).base64(), SIGNIN)
                .principalTags().get("k")).hasSize(256);
        assertRejected(() -> aws.accept(realm.validResponse().attribute(PRINCIPAL_TAG + "k", "v".repeat(257)).base64(), SIGNIN),
                AwsSamlRule.PRINCIPAL_TAG_INVALID, INVALID_RESPONSE);
    }

    @Test
    void refusesATagWithTwoValues() {
        String posted = realm.validResponse().attribute(PRINCIPAL_TAG + "Team", "a", "b").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.PRINCIPAL_TAG_INVALID, INVALID_RESPONSE);
    }

    @Test
    void refusesTheSameTagKeyTwiceIgnoringCase() {
        String posted = realm.validResponse().attribute(PRINCIPAL_TAG + "Team", "a").attribute(PRINCIPAL_TAG + "team", "b").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.PRINCIPAL_TAG_INVALID, INVALID_RESPONSE);
    }

    @Test
    void refusesATagValueWithCharactersStsRejects() {
        String posted = realm.validResponse().attribute(PRINCIPAL_TAG + "Team", "a,b").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.PRINCIPAL_TAG_INVALID, INVALID_RESPONSE);
    }

    // ---- TransitiveTagKeys ----

    @Test
    void refusesATransitiveKeyThatWasNotSentAsATag() {
        String posted = realm.validResponse().attribute(PRINCIPAL_TAG + "Team", "a")
                .attribute(TRANSITIVE_TAG_KEYS, "Team", "Project").base64();

        AwsSamlRejection rejection = assertRejected(() -> aws.accept(posted, SIGNIN),
                AwsSamlRule.TRANSITIVE_TAG_KEY_NOT_SENT, INVALID_RESPONSE);
        assertThat(rejection.detail()).contains("'Project'");
    }

    // ---- SourceIdentity ----

    @Test
    void refusesASourceIdentityWithTheReservedAwsPrefix() {
        String posted = realm.validResponse().attribute(SOURCE_IDENTITY, "aws:x").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SOURCE_IDENTITY_RESERVED_PREFIX, INVALID_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice smith", "alice/x"})
    void refusesASourceIdentityOutsideStsCharacters(String value) {
        String posted = realm.validResponse().attribute(SOURCE_IDENTITY, value).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SOURCE_IDENTITY_INVALID, INVALID_RESPONSE);
    }

    @Test
    void refusesASourceIdentityLongerThan64OrWithTwoValues() {
        String tooLong = realm.validResponse().attribute(SOURCE_IDENTITY, "s".repeat(65)).base64();
        String twoValues = realm.validResponse().attribute(SOURCE_IDENTITY, "alice", "bob").base64();

        assertRejected(() -> aws.accept(tooLong, SIGNIN), AwsSamlRule.SOURCE_IDENTITY_INVALID, INVALID_RESPONSE);
        assertRejected(() -> aws.accept(twoValues, SIGNIN), AwsSamlRule.SOURCE_IDENTITY_INVALID, INVALID_RESPONSE);
    }
}
