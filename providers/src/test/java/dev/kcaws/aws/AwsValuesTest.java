package dev.kcaws.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsValuesTest {

    @Test
    void accountIdIsTwelveDigitsKeepingLeadingZeros() {
        assertThat(new AccountId("012345678901").value()).isEqualTo("012345678901");
        assertThatThrownBy(() -> new AccountId("12345678901")).isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("accountId:");
        assertThatThrownBy(() -> new AccountId("12345678901a")).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new AccountId(null)).isInstanceOf(AwsRuleViolation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AdministratorAccess", "a_b+c=d,e.f@g-h", "12345678901234567890123456789012"})
    void permissionSetNamesIdentityCenterAccepts(String name) {
        assertThat(new PermissionSetName(name).iamRoleName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "slash/name", "123456789012345678901234567890123", "ünïcode"})
    void permissionSetNamesIdentityCenterRefuses(String name) {
        assertThatThrownBy(() -> new PermissionSetName(name)).isInstanceOf(AwsRuleViolation.class)
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.name");
    }

    @Test
    void sessionDurationBounds() {
        assertThat(new SessionDuration(900).seconds()).isEqualTo(900);
        assertThat(new SessionDuration(43200).seconds()).isEqualTo(43200);
        assertThatThrownBy(() -> new SessionDuration(899)).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new SessionDuration(43201)).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> SessionDuration.parse("1h")).hasMessageContaining("whole number");
    }

    @Test
    void rolePairArnsAreRoleFirstInTheSameAccountAndPartition() {
        RolePair pair = new RolePair(Partition.AWS_US_GOV, new AccountId("111111111111"), "ReadOnly", new SamlProviderName("keycloak"));
        assertThat(pair.attributeValue()).isEqualTo(
                "arn:aws-us-gov:iam::111111111111:role/ReadOnly,arn:aws-us-gov:iam::111111111111:saml-provider/keycloak");
    }

    @Test
    void signinEndpointsOfEveryPartitionAndRegion() {
        assertThat(SigninEndpoint.GLOBAL.url()).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(new SigninEndpoint(Partition.AWS, "eu-west-1").url()).isEqualTo("https://eu-west-1.signin.aws.amazon.com/saml");
        assertThat(SigninEndpoint.of(Partition.AWS_US_GOV).url()).isEqualTo("https://signin.amazonaws-us-gov.com/saml");
        assertThat(SigninEndpoint.of(Partition.AWS_CN).url()).isEqualTo("https://signin.amazonaws.cn/saml");
        assertThat(SigninEndpoint.parse("https://eu-west-1.signin.aws.amazon.com/saml")).contains(new SigninEndpoint(Partition.AWS, "eu-west-1"));
        assertThat(SigninEndpoint.parse("https://signin.amazonaws.cn/saml")).contains(SigninEndpoint.of(Partition.AWS_CN));
        assertThat(SigninEndpoint.parse("https://evil.com/saml")).isEmpty();
        assertThat(SigninEndpoint.parse("https://x.evil.signin.aws.amazon.com/saml")).isEmpty();
        assertThatThrownBy(() -> new SigninEndpoint(Partition.AWS, "moon-1")).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new SigninEndpoint(Partition.AWS_CN, "eu-west-1")).isInstanceOf(AwsRuleViolation.class);
    }

    @Test
    void consoleDestinationOnlyOnThePartitionsConsole() {
        assertThat(ConsoleDestination.parse("d", "https://console.aws.amazon.com/billing/home", Partition.AWS).url())
                .isEqualTo("https://console.aws.amazon.com/billing/home");
        assertThat(ConsoleDestination.parse("d", "https://us-east-1.console.aws.amazon.com/ec2/home", Partition.AWS)).isNotNull();
        for (String bad : new String[] {"http://console.aws.amazon.com/", "https://console.aws.amazon.com.evil.com/",
                "https://evil.com/?https://console.aws.amazon.com", "https://user@console.aws.amazon.com/",
                "https://console.aws.amazon.com:8443/", "javascript:alert(1)", "https://console.amazonaws.cn/"}) {
            assertThatThrownBy(() -> ConsoleDestination.parse("destination", bad, Partition.AWS))
                    .as(bad).isInstanceOf(AwsRuleViolation.class);
        }
        assertThatThrownBy(() -> ConsoleDestination.parse("d", "https://console.aws.amazon.com/" + "x".repeat(240), Partition.AWS))
                .hasMessageContaining("240");
        assertThat(ConsoleDestination.parseAnyPartition("r", "https://console.amazonaws.cn/x").isIn(Partition.AWS_CN)).isTrue();
        assertThat(ConsoleDestination.parseAnyPartition("r", "https://console.amazonaws.cn/x").isIn(Partition.AWS)).isFalse();
    }

    @Test
    void roleSessionNameIsMadeValidTheSameWayEveryTime() {
        assertThat(RoleSessionName.sanitize("alice@example.com").value()).isEqualTo("alice@example.com");
        assertThat(RoleSessionName.sanitize("Jöhn Doe/ops").value()).isEqualTo("J-hn-Doe-ops");
        assertThat(RoleSessionName.sanitize("x").value()).isEqualTo("x_");
        assertThat(RoleSessionName.sanitize("").value()).isEqualTo("__");
        assertThat(RoleSessionName.sanitize("a".repeat(100)).value()).hasSize(64);
        assertThat(RoleSessionName.sanitize("Jöhn Doe/ops")).isEqualTo(RoleSessionName.sanitize("Jöhn Doe/ops"));
    }

    @Test
    void sessionTagsAndSourceIdentityFollowStsRules() {
        assertThat(new SessionTag("Cost Center", "R-D 42").attributeName())
                .isEqualTo("https://aws.amazon.com/SAML/Attributes/PrincipalTag:Cost Center");
        assertThatThrownBy(() -> new SessionTag("k".repeat(129), "v")).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new SessionTag("k", "v".repeat(257))).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new SessionTag("aws:x", "v")).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new SessionTag("k", "<script>")).isInstanceOf(AwsRuleViolation.class);
        assertThat(new SourceIdentity("alice@example.com").value()).isEqualTo("alice@example.com");
        assertThatThrownBy(() -> new SourceIdentity("aws:alice")).hasMessageContaining("aws:");
        assertThatThrownBy(() -> new SourceIdentity("a")).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> new SourceIdentity("has space")).isInstanceOf(AwsRuleViolation.class);
    }

    @Test
    void policiesAreCheckedByShapeAndSize() {
        assertThat(ManagedPolicyArn.parse("p", "arn:aws:iam::aws:policy/job-function/Billing").value()).endsWith("Billing");
        assertThat(ManagedPolicyArn.parse("p", "arn:aws:iam::123456789012:policy/team/MyPolicy")).isNotNull();
        assertThatThrownBy(() -> ManagedPolicyArn.parse("p", "arn:aws:iam::aws:role/Admin")).isInstanceOf(AwsRuleViolation.class);
        assertThat(InlinePolicy.parse("i", "{\"Version\":\"2012-10-17\",\"Statement\":[]}")).isNotNull();
        assertThatThrownBy(() -> InlinePolicy.parse("i", "{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> InlinePolicy.parse("i", "{\"Version\":\"2012-10-17\"}")).hasMessageContaining("Statement");
        assertThatThrownBy(() -> InlinePolicy.parse("i", "{\"Statement\":[\"" + "x".repeat(33_000) + "\"]}"))
                .hasMessageContaining("32768");
    }
}
