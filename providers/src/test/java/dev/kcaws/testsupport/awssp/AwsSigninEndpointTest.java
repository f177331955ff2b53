package dev.kcaws.testsupport.awssp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs are AWS sign-in endpoints and which partition each serves. */
class AwsSigninEndpointTest {

    @ParameterizedTest
    @CsvSource({
        "https://signin.aws.amazon.com/saml, aws",
        "https://us-east-1.signin.aws.amazon.com/saml, aws",
        "https://ap-southeast-2.signin.aws.amazon.com/saml, aws",
        "https://signin.amazonaws.cn/saml, aws-cn",
        "https://signin.amazonaws-us-gov.com/saml, aws-us-gov",
    })
    void knowsThePartitionOfEachEndpoint(String url, String partition) throws Exception {
        assertThat(AwsSigninEndpoint.of(url).partition()).isEqualTo(partition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://signin.aws.amazon.com/SAML", "https://signin.aws.amazon.com/saml?x=1",
            "https://evil.com/https://signin.aws.amazon.com/saml", "https://us-east-1.signin.amazonaws.cn/saml"})
    void refusesLookalikes(String url) {
        assertThatThrownBy(() -> AwsSigninEndpoint.of(url))
                .isInstanceOfSatisfying(AwsSamlRejection.class,
                        r -> assertThat(r.brokenRule()).isEqualTo(AwsSamlRule.SIGNIN_ENDPOINT_UNKNOWN));
    }

    @Test
    void rolePairHelpersReadPartitionAccountAndNames() {
        RolePair pair = new RolePair("arn:aws-us-gov:iam::111122223333:role/team/a/Dev",
                "arn:aws-us-gov:iam::111122223333:saml-provider/kc");

        assertThat(pair.partition()).isEqualTo("aws-us-gov");
        assertThat(pair.accountId()).isEqualTo("111122223333");
        assertThat(pair.roleName()).isEqualTo("Dev");
        assertThat(pair.rolePath()).isEqualTo("/team/a/");
        assertThat(pair.providerName()).isEqualTo("kc");
        assertThat(pair.attributeValue()).isEqualTo("arn:aws-us-gov:iam::111122223333:role/team/a/Dev,arn:aws-us-gov:iam::111122223333:saml-provider/kc");
    }
}
