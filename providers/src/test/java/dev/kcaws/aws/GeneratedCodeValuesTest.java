package dev.kcaws.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the free-text and region fields that end up in generated Terraform and CloudFormation. */
class GeneratedCodeValuesTest {

    static final String MEGABYTE = "a".repeat(1 << 20);

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-1", "eu-central-2", "ap-southeast-5", "ap-northeast-3", "sa-east-1", "ca-west-1",
            "me-central-1", "af-south-1", "il-central-1", "mx-central-1"})
    void commercialRegions(String name) {
        AwsRegion region = AwsRegion.parse("account.region", name);
        assertThat(region.name()).isEqualTo(name);
        assertThat(region.partition()).isEqualTo(Partition.AWS);
    }

    @Test
    void govCloudAndChinaRegionsBelongToTheirPartitions() {
        assertThat(AwsRegion.parse("r", "us-gov-west-1").partition()).isEqualTo(Partition.AWS_US_GOV);
        assertThat(AwsRegion.parse("r", "us-gov-east-1").partition()).isEqualTo(Partition.AWS_US_GOV);
        assertThat(AwsRegion.parse("r", "cn-north-1").partition()).isEqualTo(Partition.AWS_CN);
        assertThat(AwsRegion.parse("r", "cn-northwest-1").partition()).isEqualTo(Partition.AWS_CN);
        assertThatThrownBy(() -> new AwsRegion("us-gov-west-1", Partition.AWS)).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new AwsRegion("cn-north-1", Partition.AWS_US_GOV)).isInstanceOf(AwsRuleViolation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "global", "EU-WEST-1", "eu-west-1 ", " eu-west-1", "eu-west-1\n", "eu-west-1\u0000", "eu-west-01",
            "eu-west-0", "eu-west", "eu_west_1", "xx-west-1", "eu-middle-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1",
            "us-isof-south-1", "eusc-de-east-1", "${file(\"/etc/passwd\")}", "eu-west-1${x}", "%{ if true }x%{ endif }",
            "eu-west-1\"}, \"x\": {\"y\": \"z"})
    void everythingElseIsRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> AwsRegion.parse("account.region", value)).isInstanceOf(AwsRuleViolation.class)
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("account.region");
    }

    @Test
    void aHugeOrControlValueIsDescribedNotEchoed() {
        assertThatThrownBy(() -> AwsRegion.parse("account.region", MEGABYTE))
                .hasMessage("account.region: must be an AWS region name such as eu-west-1, us-gov-west-1 or cn-north-1"
                        + " (was a value of 1048576 characters)");
        assertThatThrownBy(() -> AwsRegion.parse("account.region", "eu\u0000west")).hasMessageNotContaining("\u0000")
                .hasMessageContaining("control");
        assertThatThrownBy(() -> new AccountName(MEGABYTE)).message().hasSizeLessThan(300);
        assertThatThrownBy(() -> new AccountId(MEGABYTE)).message().hasSizeLessThan(300);
        assertThatThrownBy(() -> new SamlProviderName(MEGABYTE)).message().hasSizeLessThan(300);
        assertThatThrownBy(() -> new PermissionSetName(MEGABYTE)).message().hasSizeLessThan(300);
        assertThatThrownBy(() -> ManagedPolicyArn.parse("p", MEGABYTE)).message().hasSizeLessThan(300);
        assertThatThrownBy(() -> Partition.parse("account.partition", "aws\n\u001b[2J")).message().doesNotContain("\u001b");
        assertThatThrownBy(() -> new PermissionSetDescription("x".repeat(701))).message().hasSizeLessThan(300);
    }

    @Test
    void anAbsentRegionIsNoRegion() {
        assertThat(AwsRegion.parseOptional("account.region", null)).isNull();
        assertThat(AwsRegion.parseOptional("account.region", " ")).isNull();
        assertThat(AwsRegion.parseOptional("account.region", "eu-west-1")).isEqualTo(new AwsRegion("eu-west-1", Partition.AWS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-prod", "Acme Production (EU)", "Ünïcode 生产", "${file(\"/etc/passwd\")} %{ if }"})
    void accountNamesArePrintableText(String name) {
        assertThat(new AccountName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "line\nbreak", "nul\u0000", "tab\tbed", "esc\u001b[31m", "del\u007f", "c1\u0085",
            "bidi\u202eevil", "zero\u200bwidth", "line\u2028separator", "lone\ud800surrogate"})
    void accountNamesWithoutControlOrInvisibleCharacters(String name) {
        assertThatThrownBy(() -> new AccountName(name)).isInstanceOf(AwsRuleViolation.class)
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("account.name");
    }

    @Test
    void accountNamesHaveALengthLimit() {
        assertThat(new AccountName("n".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new AccountName("n".repeat(129))).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new AccountName(MEGABYTE)).isInstanceOf(AwsRuleViolation.class);
    }

    @Test
    void descriptionsAreMultiLineTextWithoutOtherControlCharacters() {
        assertThat(new PermissionSetDescription("Read only.\r\n\tNo ${writes} %{ here } – ✓").value()).contains("✓");
        assertThat(new PermissionSetDescription("").value()).isEmpty();
        assertThat(new PermissionSetDescription("d".repeat(700)).value()).hasSize(700);
        for (String bad : new String[] {"nul\u0000", "esc\u001b", "bidi\u202e", "d".repeat(701), MEGABYTE}) {
            assertThatThrownBy(() -> new PermissionSetDescription(bad)).isInstanceOf(AwsRuleViolation.class)
                    .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.description");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":{\"Fn::ImportValue\":\"x\"}}]}",
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":{\"Fn::Sub\":\"arn:aws:s3:::${AWS::AccountId}\"}}}",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":[{\"Ref\":\"AWS::StackId\"}]}]}",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"Fn::Transform\":{}}}}]}"})
    void inlinePoliciesCarryNoCloudFormationIntrinsicFunctions(String json) {
        assertThatThrownBy(() -> InlinePolicy.parse("permissionSet.inlinePolicy", json)).isInstanceOf(AwsRuleViolation.class)
                .hasMessageContaining("permissionSet.inlinePolicy").hasMessageContaining("intrinsic function");
    }

    @Test
    void inlinePoliciesKeepIamPolicyVariables() {
        String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";
        assertThat(InlinePolicy.parse("p", json).json()).isEqualTo(json);
    }
}
