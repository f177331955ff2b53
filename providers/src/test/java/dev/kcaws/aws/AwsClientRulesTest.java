package dev.kcaws.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an admin may name as an AWS client's endpoint and entity ID. */
class AwsClientRulesTest {

    @Test
    void eachKnownRegionBelongsToExactlyOnePartition() {
        assertThat(AwsRegions.partitionOf("eu-west-1")).contains(Partition.AWS);
        assertThat(AwsRegions.partitionOf("us-east-1")).contains(Partition.AWS);
        assertThat(AwsRegions.partitionOf("us-gov-west-1")).contains(Partition.AWS_US_GOV);
        assertThat(AwsRegions.partitionOf("us-gov-east-1")).contains(Partition.AWS_US_GOV);
        assertThat(AwsRegions.partitionOf("cn-north-1")).contains(Partition.AWS_CN);
        assertThat(AwsRegions.partitionOf("cn-northwest-1")).contains(Partition.AWS_CN);
        assertThat(AwsRegions.partitionOf("eu-moon-1")).isEmpty();
        for (Partition a : Partition.values()) {
            for (Partition b : Partition.values()) {
                if (a != b) {
                    assertThat(AwsRegions.of(a)).as(a + " vs " + b).doesNotContainAnyElementsOf(AwsRegions.of(b));
                }
            }
            assertThat(AwsRegions.of(a)).allSatisfy(r -> assertThat(new SigninEndpoint(Partition.AWS, r).region()).isEqualTo(r));
        }
    }

    @Test
    void anEndpointIsGlobalAPartitionOrAKnownCommercialRegion() {
        assertThat(SigninEndpoint.choose("endpoint", null)).isEqualTo(SigninEndpoint.GLOBAL);
        assertThat(SigninEndpoint.choose("endpoint", "global")).isEqualTo(SigninEndpoint.GLOBAL);
        assertThat(SigninEndpoint.choose("endpoint", "aws")).isEqualTo(SigninEndpoint.GLOBAL);
        assertThat(SigninEndpoint.choose("endpoint", "aws-us-gov")).isEqualTo(SigninEndpoint.of(Partition.AWS_US_GOV));
        assertThat(SigninEndpoint.choose("endpoint", "aws-cn")).isEqualTo(SigninEndpoint.of(Partition.AWS_CN));
        assertThat(SigninEndpoint.choose("endpoint", "eu-central-1").url()).isEqualTo("https://eu-central-1.signin.aws.amazon.com/saml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1"})
    void aGovCloudOrChinaRegionIsNotACommercialEndpoint(String region) {
        assertThatThrownBy(() -> SigninEndpoint.choose("endpoint", region)).isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("endpoint: " + region + " is a region of the aws-")
                .hasMessageContaining("use aws-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"atlantis", "eu-moon-1", "EU-WEST-1", "eu-west-1 ", "us-iso-east-1", "https://signin.aws.amazon.com/saml", "eu-west-1\n"})
    void anUnknownRegionIsRefused(String text) {
        assertThatThrownBy(() -> SigninEndpoint.choose("endpoint", text)).isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("endpoint: must be global, aws-us-gov, aws-cn or an AWS region");
    }

    @Test
    void aRefusedValueIsQuotedBoundedAndWithoutControlCharacters() {
        String message = catchMessage("x".repeat(100_000) + "\u0000");
        assertThat(message.length()).isLessThan(300);
        assertThat(message).doesNotContain("\u0000");
    }

    private static String catchMessage(String text) {
        try {
            SigninEndpoint.choose("endpoint", text);
        } catch (AwsRuleViolation e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:amazon:webservices", "urn:amazon:webservices:govcloud", "urn:amazon:webservices:cn", "urn:amazon:webservices:eu-1",
            "https://signin.aws.amazon.com/saml", "https://eu-west-1.signin.aws.amazon.com/saml", "https://signin.amazonaws-us-gov.com/saml"})
    void audiencesAwsAccepts(String audience) {
        assertThat(SamlAudience.check("clientId", audience)).isEqualTo(audience);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "my-aws", "urn:amazon:webservicesX", "urn:amazon:webservices:", "urn:amazon:webservices:a b", "urn:amazon:webservices\n",
            "urn:amazon:webservices:\u00e9", "https://evil.example/saml", "https://us-gov-west-1.signin.aws.amazon.com/saml",
            "https://eu-moon-1.signin.aws.amazon.com/saml"})
    void audiencesAwsRefuses(String audience) {
        assertThatThrownBy(() -> SamlAudience.check("clientId", audience)).isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("clientId: ");
    }

    @Test
    void anAudienceHasASaneLength() {
        assertThatThrownBy(() -> SamlAudience.check("clientId", "urn:amazon:webservices:" + "a".repeat(300)))
                .hasMessage("clientId: must be at most 255 characters");
    }
}
