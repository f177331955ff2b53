package dev.kcaws.access;

import dev.kcaws.access.ModelRoles.StoredRole;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRolesTest {

    static final AwsAccount PROD = new AwsAccount(new AccountId("111111111111"), "acme-prod", Partition.AWS, new SamlProviderName("keycloak"), null);
    static final PermissionSet BILLING = new PermissionSet(new PermissionSetName("Billing"), "Billing and cost", new SessionDuration(3600),
            ConsoleDestination.parseAnyPartition("r", "https://console.aws.amazon.com/billing/home"),
            List.of(ManagedPolicyArn.parse("p", "arn:aws:iam::aws:policy/job-function/Billing")),
            InlinePolicy.parse("i", "{\"Statement\":[]}"), ManagedPolicyArn.parse("b", "arn:aws:iam::111111111111:policy/Boundary"));

    @Test
    void accountsRoundTrip() {
        StoredRole role = ModelRoles.write(PROD);
        assertThat(role.name()).isEqualTo("account:111111111111");
        assertThat(role.attributes()).containsEntry("kcaws.kind", List.of("account"));
        assertThat(ModelRoles.readAccount(role)).isEqualTo(PROD);
    }

    @Test
    void permissionSetsRoundTripWithEveryField() {
        StoredRole role = ModelRoles.write(BILLING);
        assertThat(role.name()).isEqualTo("permission-set:Billing");
        assertThat(ModelRoles.readPermissionSet(role)).isEqualTo(BILLING);
    }

    @Test
    void accessRolesNameTheirAccountAndSet() {
        StoredRole role = ModelRoles.writeAccess(PROD, BILLING);
        assertThat(role.name()).isEqualTo("access:111111111111:Billing");
        assertThat(ModelRoles.readAccessKey(role)).containsExactly("111111111111", "Billing");
        assertThat(new Access(PROD, BILLING).rolePair().attributeValue())
                .isEqualTo("arn:aws:iam::111111111111:role/Billing,arn:aws:iam::111111111111:saml-provider/keycloak");
    }

    @Test
    void aTamperedStoredRoleIsRefusedNamingTheField() {
        Map<String, List<String>> attrs = new HashMap<>(ModelRoles.write(PROD).attributes());
        attrs.put("kcaws.account.id", List.of("11111111111"));
        assertThatThrownBy(() -> ModelRoles.readAccount(new StoredRole("account:11111111111", "x", attrs)))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("accountId:");

        Map<String, List<String>> renamed = new HashMap<>(ModelRoles.write(PROD).attributes());
        assertThatThrownBy(() -> ModelRoles.readAccount(new StoredRole("account:222222222222", "x", renamed)))
                .hasMessageContaining("must be named account:111111111111");

        Map<String, List<String>> set = new HashMap<>(ModelRoles.write(BILLING).attributes());
        set.put("kcaws.permissionSet.sessionDuration", List.of("60"));
        assertThatThrownBy(() -> ModelRoles.readPermissionSet(new StoredRole("permission-set:Billing", null, set)))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.sessionDuration");

        Map<String, List<String>> relay = new HashMap<>(ModelRoles.write(BILLING).attributes());
        relay.put("kcaws.permissionSet.relayState", List.of("https://evil.example/"));
        assertThatThrownBy(() -> ModelRoles.readPermissionSet(new StoredRole("permission-set:Billing", null, relay)))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.relayState");

        Map<String, List<String>> missing = new HashMap<>(ModelRoles.write(PROD).attributes());
        missing.remove("kcaws.account.partition");
        assertThatThrownBy(() -> ModelRoles.readAccount(new StoredRole("account:111111111111", "x", missing)))
                .hasMessageContaining("account.partition").hasMessageContaining("missing");
    }
}
