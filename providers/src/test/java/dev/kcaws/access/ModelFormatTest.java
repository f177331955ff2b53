package dev.kcaws.access;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.aws.SessionDuration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFormatTest {

    static final AwsAccount PROD = new AwsAccount(new AccountId("111111111111"), "acme-prod", Partition.AWS, new SamlProviderName("keycloak"), null);
    static final PermissionSet BILLING = new PermissionSet(new PermissionSetName("Billing"), "Billing and cost", new SessionDuration(3600),
            ConsoleDestination.parseAnyPartition("r", "https://console.aws.amazon.com/billing/home"),
            List.of(ManagedPolicyArn.parse("p", "arn:aws:iam::aws:policy/job-function/Billing")),
            InlinePolicy.parse("i", "{\"Statement\":[]}"), ManagedPolicyArn.parse("b", "arn:aws:iam::111111111111:policy/Boundary"));

    @Test
    void accountsRoundTripThroughTheirAttribute() {
        String json = ModelFormat.write(PROD);
        assertThat(json).isEqualTo("{\"name\":\"acme-prod\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\"}");
        assertThat(ModelFormat.readAccount("kcaws.account.111111111111", json)).isEqualTo(PROD);
    }

    @Test
    void permissionSetsRoundTripWithEveryField() {
        assertThat(ModelFormat.readPermissionSet("kcaws.permission-set.Billing", ModelFormat.write(BILLING))).isEqualTo(BILLING);
        assertThat(ModelFormat.readPermissionSet("kcaws.permission-set.Plain", "{}").sessionDuration().seconds()).isEqualTo(3600);
    }

    @Test
    void accessRoleNamesCarryTheirKey() {
        assertThat(ModelFormat.accessRoleName("111111111111", "Billing")).isEqualTo("access:111111111111:Billing");
        var name = ModelFormat.parseAccessRole("access:111111111111:Billing").orElseThrow();
        assertThat(name.account().value()).isEqualTo("111111111111");
        assertThat(name.permissionSet().value()).isEqualTo("Billing");
        assertThat(ModelFormat.parseAccessRole("some-other-role")).isEmpty();
        assertThatThrownBy(() -> ModelFormat.parseAccessRole("access:1111:Billing")).isInstanceOf(AwsRuleViolation.class);
        assertThatThrownBy(() -> ModelFormat.parseAccessRole("access:111111111111")).isInstanceOf(AwsRuleViolation.class);
        assertThat(new Access(PROD, BILLING).rolePair().attributeValue())
                .isEqualTo("arn:aws:iam::111111111111:role/Billing,arn:aws:iam::111111111111:saml-provider/keycloak");
    }

    @Test
    void badStoredValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ModelFormat.readAccount("kcaws.account.11111111111", ModelFormat.write(PROD)))
                .hasMessageStartingWith("accountId:");
        assertThatThrownBy(() -> ModelFormat.readAccount("kcaws.account.111111111111", "{\"name\":\"x\",\"samlProvider\":\"k\"}"))
                .hasMessageStartingWith("account.partition:");
        assertThatThrownBy(() -> ModelFormat.readAccount("kcaws.account.111111111111",
                "{\"name\":\"x\",\"partition\":\"aws\",\"samlProvider\":\"k\",\"regoin\":\"x\"}"))
                .hasMessageStartingWith("account.regoin:");
        assertThatThrownBy(() -> ModelFormat.readAccount("kcaws.account.111111111111", "not json")).hasMessageStartingWith("account:");
        assertThatThrownBy(() -> ModelFormat.readPermissionSet("kcaws.permission-set.Billing", "{\"sessionDuration\":60}"))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.sessionDuration");
        assertThatThrownBy(() -> ModelFormat.readPermissionSet("kcaws.permission-set.Billing", "{\"relayState\":\"https://evil.example/\"}"))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.relayState");
        assertThatThrownBy(() -> ModelFormat.readPermissionSet("kcaws.permission-set.Bad Name", "{}"))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.name");
    }

    @Test
    void storedValuesThatWouldReachGeneratedCodeFollowAwsRules() {
        String account = "kcaws.account.111111111111";
        for (String region : new String[] {"${file(\\\"/etc/passwd\\\")}", "eu-west-1\\n", "eu-west-1\\u0000", "x".repeat(1 << 20), "us-gov-west-1"}) {
            assertThatThrownBy(() -> ModelFormat.readAccount(account,
                    "{\"name\":\"x\",\"partition\":\"aws\",\"samlProvider\":\"k\",\"region\":\"" + region + "\"}"))
                    .isInstanceOf(AwsRuleViolation.class).extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("account.region");
        }
        assertThat(ModelFormat.readAccount(account, "{\"name\":\"x\",\"partition\":\"aws-cn\",\"samlProvider\":\"k\",\"region\":\"cn-north-1\"}")
                .region().toString()).isEqualTo("cn-north-1");
        assertThatThrownBy(() -> ModelFormat.readAccount(account, "{\"name\":\"bidi\\u202e\",\"partition\":\"aws\",\"samlProvider\":\"k\"}"))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("account.name");
        assertThatThrownBy(() -> ModelFormat.readPermissionSet("kcaws.permission-set.Billing", "{\"description\":\"nul\\u0000\"}"))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.description");
        assertThatThrownBy(() -> ModelFormat.readPermissionSet("kcaws.permission-set.Billing",
                "{\"inlinePolicy\":\"{\\\"Statement\\\":{\\\"Resource\\\":{\\\"Fn::Sub\\\":\\\"x\\\"}}}\"}"))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.inlinePolicy");
    }

    @Test
    void aPartitionsDefaultClientIsAKnownPartitionAndAClientId() {
        assertThat(ModelFormat.defaultClientAttribute(Partition.AWS_US_GOV)).isEqualTo("kcaws.default-client.aws-us-gov");
        assertThat(ModelFormat.readDefaultClient("kcaws.default-client.aws", "urn:amazon:webservices")).isEqualTo(Partition.AWS);
        assertThatThrownBy(() -> ModelFormat.readDefaultClient("kcaws.default-client.moon", "urn:amazon:webservices"))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("defaultClient.partition");
        assertThatThrownBy(() -> ModelFormat.readDefaultClient("kcaws.default-client.aws", " "))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("defaultClient.clientId");
        assertThatThrownBy(() -> ModelFormat.readDefaultClient("kcaws.default-client.aws", "a\nb"))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("defaultClient.clientId");
    }
}
