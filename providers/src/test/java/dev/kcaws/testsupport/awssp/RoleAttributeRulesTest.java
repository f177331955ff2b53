package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.Rejections.INVALID_RESPONSE;
import static dev.kcaws.testsupport.awssp.Rejections.NO_SUCH_PROVIDER;
import static dev.kcaws.testsupport.awssp.Rejections.assertRejected;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.PROVIDER;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.READ_ONLY_PAIR;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.READ_ONLY_ROLE;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ROLE;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SIGNIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The https://aws.amazon.com/SAML/Attributes/Role attribute. */
class RoleAttributeRulesTest {
    private static final String ACCOUNT = SignedResponseFactory.ACCOUNT;

    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final AwsLikeServiceProvider aws = realm.serviceProvider();

    @Test
    void refusesAResponseWithoutRoleAttribute() {
        String posted = realm.validResponse().withoutAttribute(ROLE).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_ATTRIBUTE_MISSING, INVALID_RESPONSE);
    }

    @Test
    void attributeNamesAreCaseSensitive() {
        String posted = realm.validResponse().withoutAttribute(ROLE)
                .attribute("https://aws.amazon.com/SAML/Attributes/role", READ_ONLY_PAIR).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_ATTRIBUTE_MISSING, INVALID_RESPONSE);
    }

    @Test
    void refusesTheRoleListTrapOfKeycloaksDefaultScope() {
        // realm "role_list" scope: many attributes named "Role" and none with AWS's name
        String posted = realm.validResponse().withoutAttribute(ROLE)
                .attribute("Role", "offline_access").attribute("Role", "uma_authorization").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_ATTRIBUTE_MISSING, INVALID_RESPONSE);
    }

    @Test
    void refusesTwoRoleAttributeElementsEvenIfEachIsValid() {
        String posted = realm.validResponse()
                .attribute(ROLE, "arn:aws:iam::" + ACCOUNT + ":role/Admin," + PROVIDER).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_ATTRIBUTE_REPEATED, INVALID_RESPONSE);
    }

    @Test
    void refusesARoleAttributeWithoutValues() {
        String posted = realm.validResponse().roles().base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_ATTRIBUTE_EMPTY, INVALID_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "arn:aws:iam::123456789012:role/ReadOnly",
        "arn:aws:iam::123456789012:role/ReadOnly;arn:aws:iam::123456789012:saml-provider/Keycloak",
        "arn:aws:iam::123456789012:role/ReadOnly, arn:aws:iam::123456789012:saml-provider/Keycloak",
        "arn:aws:iam::123456789012:role/ReadOnly,arn:aws:iam::123456789012:saml-provider/Keycloak,extra",
        "arn:aws:iam::12345678901:role/ReadOnly,arn:aws:iam::12345678901:saml-provider/Keycloak",
        "arn:aws:iam::123456789012:role/Read Only,arn:aws:iam::123456789012:saml-provider/Keycloak",
        "arn:aws:iam::123456789012:role/,arn:aws:iam::123456789012:saml-provider/Keycloak",
        "arn:aws:iam::123456789012:user/alice,arn:aws:iam::123456789012:saml-provider/Keycloak",
        "arn:aws:sts::123456789012:role/ReadOnly,arn:aws:iam::123456789012:saml-provider/Keycloak",
        "arn:aws-iso:iam::123456789012:role/ReadOnly,arn:aws-iso:iam::123456789012:saml-provider/Keycloak",
        "arn:aws:iam::123456789012:role/ReadOnly,arn:aws:iam::123456789012:saml-provider/Key+cloak",
        "arn:aws:iam::123456789012:role/ReadOnly,arn:aws:iam::123456789012:role/Admin",
        "ReadOnly,Keycloak",
    })
    void refusesAMalformedRolePair(String value) {
        String posted = realm.validResponse().roles(value).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_PAIR_MALFORMED, INVALID_RESPONSE);
    }

    @Test
    void roleNamesAreAtMost64Characters() throws Exception {
        String longest = "arn:aws:iam::" + ACCOUNT + ":role/" + "r".repeat(64);
        String tooLong = "arn:aws:iam::" + ACCOUNT + ":role/" + "r".repeat(65);

        assertThat(aws.accept(realm.validResponse().roles(longest + "," + PROVIDER).base64(), SIGNIN).rolePairs().get(0).roleName())
                .hasSize(64);
        assertRejected(() -> aws.accept(realm.validResponse().roles(tooLong + "," + PROVIDER).base64(), SIGNIN),
                AwsSamlRule.ROLE_PAIR_MALFORMED, INVALID_RESPONSE);
    }

    @Test
    void providerNamesAreAtMost128Characters() throws Exception {
        String longest = "arn:aws:iam::" + ACCOUNT + ":saml-provider/" + "p".repeat(128);
        String tooLong = "arn:aws:iam::" + ACCOUNT + ":saml-provider/" + "p".repeat(129);

        assertThat(aws.accept(realm.validResponse().roles(READ_ONLY_ROLE + "," + longest).base64(), SIGNIN).rolePairs()).hasSize(1);
        assertRejected(() -> aws.accept(realm.validResponse().roles(READ_ONLY_ROLE + "," + tooLong).base64(), SIGNIN),
                AwsSamlRule.ROLE_PAIR_MALFORMED, INVALID_RESPONSE);
    }

    @Test
    void refusesARoleAndProviderInDifferentAccounts() {
        String posted = realm.validResponse()
                .roles(READ_ONLY_ROLE + ",arn:aws:iam::210987654321:saml-provider/Keycloak").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_PAIR_ACCOUNT_MISMATCH, INVALID_RESPONSE);
    }

    @Test
    void refusesARoleAndProviderInDifferentPartitions() {
        String posted = realm.validResponse()
                .roles(READ_ONLY_ROLE + ",arn:aws-cn:iam::" + ACCOUNT + ":saml-provider/Keycloak").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_PAIR_PARTITION_MISMATCH, INVALID_RESPONSE);
    }

    @Test
    void refusesCommercialRolesPostedToTheChinaEndpoint() {
        String cn = "https://signin.amazonaws.cn/saml";
        String posted = realm.validResponse().postedTo(cn).base64();

        assertRejected(() -> aws.accept(posted, cn), AwsSamlRule.ROLE_PARTITION_NOT_ENDPOINTS, INVALID_RESPONSE);
    }

    @Test
    void refusesGovCloudRolesPostedToTheCommercialEndpoint() {
        String govPair = "arn:aws-us-gov:iam::" + ACCOUNT + ":role/ReadOnly,arn:aws-us-gov:iam::" + ACCOUNT + ":saml-provider/Keycloak";
        String posted = realm.validResponse().roles(govPair).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_PARTITION_NOT_ENDPOINTS, INVALID_RESPONSE);
    }

    @Test
    void refusesOneBadPairAmongGoodOnes() {
        String posted = realm.validResponse().roles(READ_ONLY_PAIR, "arn:aws:iam::" + ACCOUNT + ":role/Admin").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ROLE_PAIR_MALFORMED, INVALID_RESPONSE);
    }

    @Test
    void refusesAProviderThatIsNotRegisteredWhenProvidersAreKnown() {
        String posted = realm.validResponse()
                .roles(READ_ONLY_ROLE + ",arn:aws:iam::" + ACCOUNT + ":saml-provider/Okta").base64();

        assertRejected(() -> aws.withRegisteredSamlProviders(PROVIDER).accept(posted, SIGNIN),
                AwsSamlRule.SAML_PROVIDER_UNKNOWN, NO_SUCH_PROVIDER);
    }
}
