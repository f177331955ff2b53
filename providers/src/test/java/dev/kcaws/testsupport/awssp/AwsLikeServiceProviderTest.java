package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ACCOUNT;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.PRINCIPAL_TAG;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.PROVIDER;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.READ_ONLY_ROLE;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ROLE;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ROLE_SESSION_NAME;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SESSION_DURATION;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SIGNIN;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SOURCE_IDENTITY;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.TRANSITIVE_TAG_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SP accepts and what it then reports AWS would offer. */
class AwsLikeServiceProviderTest {
    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final AwsLikeServiceProvider aws = realm.serviceProvider();

    @Test
    void acceptsAValidSignedResponseAndSignsStraightIntoTheOnlyRole() throws Exception {
        String posted = realm.validResponse().base64();

        AwsSignIn signIn = aws.accept(posted, SIGNIN);

        assertThat(signIn.rolePairs()).containsExactly(new RolePair(READ_ONLY_ROLE, PROVIDER));
        assertThat(signIn.signsInDirectly()).isTrue();
        assertThat(signIn.roleSessionName()).isEqualTo("alice@example.com");
        assertThat(signIn.sessionDurationSeconds()).isEqualTo(3600);
        assertThat(signIn.nameId()).isEqualTo("alice");
        assertThat(signIn.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(signIn.responseLength()).isEqualTo(posted.length());
        assertThat(signIn.attributeNames()).containsExactly(ROLE, ROLE_SESSION_NAME, SESSION_DURATION);
        assertThat(signIn.principalTags()).isEmpty();
        assertThat(signIn.transitiveTagKeys()).isEmpty();
        assertThat(signIn.sourceIdentity()).isNull();
    }

    @Test
    void rolePairHelpersSplitTheArns() throws Exception {
        RolePair pair = aws.accept(realm.validResponse().base64(), SIGNIN).rolePairs().get(0);

        assertThat(pair.accountId()).isEqualTo(ACCOUNT);
        assertThat(pair.partition()).isEqualTo("aws");
        assertThat(pair.roleName()).isEqualTo("ReadOnly");
        assertThat(pair.providerName()).isEqualTo("Keycloak");
    }

    @Test
    void acceptsAResponseWhereOnlyTheAssertionIsSigned() throws Exception {
        AwsSignIn signIn = aws.accept(realm.validResponse().signResponse(false).base64(), SIGNIN);

        assertThat(signIn.rolePairs()).hasSize(1);
    }

    @Test
    void severalRolePairsShowThePickerAndProviderFirstValuesAreNormalisedToRoleFirst() throws Exception {
        String admin = "arn:aws:iam::210987654321:role/ops/Admin";
        String otherProvider = "arn:aws:iam::210987654321:saml-provider/Keycloak";
        String posted = realm.validResponse()
                .roles(READ_ONLY_ROLE + "," + PROVIDER, otherProvider + "," + admin)
                .base64();

        AwsSignIn signIn = aws.accept(posted, SIGNIN);

        assertThat(signIn.signsInDirectly()).isFalse();
        assertThat(signIn.rolePairs()).containsExactly(new RolePair(READ_ONLY_ROLE, PROVIDER), new RolePair(admin, otherProvider));
        assertThat(signIn.rolePairs().get(1).roleName()).isEqualTo("Admin");
        assertThat(signIn.rolePairs().get(1).rolePath()).isEqualTo("/ops/");
    }

    @Test
    void acceptsRoleNamesThatContainCommas() throws Exception {
        String role = "arn:aws:iam::" + ACCOUNT + ":role/a,b";
        AwsSignIn signIn = aws.accept(realm.validResponse().roles(role + "," + PROVIDER).base64(), SIGNIN);

        assertThat(signIn.rolePairs()).containsExactly(new RolePair(role, PROVIDER));
    }

    @Test
    void acceptsARegionalSigninEndpoint() throws Exception {
        String regional = "https://eu-central-1.signin.aws.amazon.com/saml";

        AwsSignIn signIn = aws.accept(realm.validResponse().postedTo(regional).base64(), regional);

        assertThat(signIn.rolePairs()).hasSize(1);
    }

    @Test
    void acceptsChinaAndGovCloudRolesAtTheirOwnEndpoints() throws Exception {
        String cn = "https://signin.amazonaws.cn/saml";
        String cnPair = "arn:aws-cn:iam::" + ACCOUNT + ":role/ReadOnly,arn:aws-cn:iam::" + ACCOUNT + ":saml-provider/Keycloak";
        String gov = "https://signin.amazonaws-us-gov.com/saml";
        String govPair = "arn:aws-us-gov:iam::" + ACCOUNT + ":role/ReadOnly,arn:aws-us-gov:iam::" + ACCOUNT + ":saml-provider/Keycloak";

        assertThat(aws.accept(realm.validResponse().postedTo(cn).roles(cnPair).base64(), cn).rolePairs().get(0).partition())
                .isEqualTo("aws-cn");
        AwsSignIn govSignIn = aws.withAudience("urn:amazon:webservices:govcloud").accept(realm.validResponse()
                .postedTo(gov).audiences("urn:amazon:webservices:govcloud").roles(govPair).base64(), gov);
        assertThat(govSignIn.rolePairs().get(0).partition()).isEqualTo("aws-us-gov");
    }

    @Test
    void reportsSessionTagsTransitiveKeysAndSourceIdentity() throws Exception {
        String posted = realm.validResponse()
                .attribute(PRINCIPAL_TAG + "Department", "Engineering")
                .attribute(PRINCIPAL_TAG + "CostCenter", "4711")
                .attribute(TRANSITIVE_TAG_KEYS, "Department")
                .attribute(SOURCE_IDENTITY, "alice")
                .base64();

        AwsSignIn signIn = aws.accept(posted, SIGNIN);

        assertThat(signIn.principalTags()).containsExactly(
                Map.entry("Department", "Engineering"), Map.entry("CostCenter", "4711"));
        assertThat(signIn.transitiveTagKeys()).containsExactly("Department");
        assertThat(signIn.sourceIdentity()).isEqualTo("alice");
        assertThat(signIn.attributeNames()).endsWith(PRINCIPAL_TAG + "Department", PRINCIPAL_TAG + "CostCenter",
                TRANSITIVE_TAG_KEYS, SOURCE_IDENTITY);
    }

    @Test
    void sessionDurationIsOptional() throws Exception {
        AwsSignIn signIn = aws.accept(realm.validResponse().withoutAttribute(SESSION_DURATION).base64(), SIGNIN);

        assertThat(signIn.sessionDurationSeconds()).isNull();
    }

    @Test
    void acceptsTransientAndOtherFullUriNameIdFormats() throws Exception {
        for (String format : List.of("urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified")) {
            AwsSignIn signIn = aws.accept(realm.validResponse().nameId("alice@example.com", format).base64(), SIGNIN);
            assertThat(signIn.nameIdFormat()).isEqualTo(format);
        }
    }

    @Test
    void trustsEverySigningKeyOfARotatedRealm() throws Exception {
        TestSigningKey newKey = TestSigningKey.generate(2048, "aws-rotated");
        String metadata = SignedResponseFactory.metadataXml(SignedResponseFactory.ENTITY_ID, List.of(realm.key(), newKey), List.of());
        AwsLikeServiceProvider trustingBoth = AwsLikeServiceProvider.trustingIdpMetadata(metadata).withClock(SignedResponseFactory.FIXED_CLOCK);

        String signedWithNewKey = realm.validResponse().assertionSignedWith(newKey).responseSignedWith(newKey).base64();

        assertThat(trustingBoth.accept(signedWithNewKey, SIGNIN).rolePairs()).hasSize(1);
        assertThat(trustingBoth.idpEntityId()).isEqualTo(SignedResponseFactory.ENTITY_ID);
    }

    @Test
    void toleratesSixtySecondsOfClockSkew() throws Exception {
        Instant expiry = SignedResponseFactory.NOW.minusSeconds(59);
        String posted = realm.validResponse().conditions(SignedResponseFactory.NOW.plusSeconds(59), expiry)
                .subjectNotOnOrAfter(expiry).base64();

        assertThat(aws.accept(posted, SIGNIN).rolePairs()).hasSize(1);
    }

    @Test
    void registeredProvidersAreAcceptedWhenNamed() throws Exception {
        AwsSignIn signIn = aws.withRegisteredSamlProviders(PROVIDER).accept(realm.validResponse().base64(), SIGNIN);

        assertThat(signIn.rolePairs()).hasSize(1);
    }

    @Test
    void theSameResponseIsRefusedADayLater() {
        AwsLikeServiceProvider realTime = AwsLikeServiceProvider.trustingIdpMetadata(realm.metadataXml())
                .withClock(Clock.offset(SignedResponseFactory.FIXED_CLOCK, Duration.ofDays(1)));

        assertThatThrownBy(() -> realTime.accept(realm.validResponse().base64(), SIGNIN))
                .isInstanceOf(AwsSamlRejection.class)
                .hasMessageContaining("SUBJECT_CONFIRMATION_EXPIRED");
    }
}
