package dev.kcaws.iac;

import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.iac.IdentityCenterModel.Group;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kcaws.iac.IdentityCenterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the model allows and Identity Center does not is refused before anything is generated, naming the set or group. */
class IdentityCenterModelTest {

    static void assertRefused(Runnable build, String field, String... mentions) {
        assertThatThrownBy(build::run).isInstanceOf(AwsRuleViolation.class)
                .satisfies(e -> {
                    assertThat(((AwsRuleViolation) e).field()).isEqualTo(field);
                    for (String mention : mentions) {
                        assertThat(e.getMessage()).contains(mention);
                    }
                });
    }

    @Test
    void aSessionShorterThanAnHourIsRefusedNamingTheSet() {
        assertRefused(() -> model(assign(DEVOPS, PROD, IamAsCodeFixtures.SHORT)), "permissionSet.sessionDuration", "permission set Short", "900");
    }

    @Test
    void aDescriptionWithCharactersIdentityCenterRefusesIsRefusedNamingTheSet() {
        // The IAM fixture's description has an en dash and a check mark: fine for the model and IAM (replaced there), not for Identity Center.
        assertRefused(() -> model(assign(DEVOPS, PROD, IamAsCodeFixtures.DEVELOPER)), "permissionSet.description", "permission set Developer", "U+2013");
    }

    @Test
    void aRelayStateOfAnotherPartitionIsRefused() {
        var govConsole = set("GovBilling", 3600, null, "https://console.amazonaws-us-gov.com/billing/home", null, null);
        assertRefused(() -> model(assign(DEVOPS, PROD, govConsole)), "permissionSet.relayState", "permission set GovBilling", "partition aws");
    }

    @Test
    void twoGroupsOfOneNameAreRefusedNamingBoth() {
        Group a = new Group("Developers", "/Team A/Developers");
        Group b = new Group("Developers", "/Team B/Developers");
        assertRefused(() -> model(assign(a, PROD, ADMIN), assign(b, STAGING, ADMIN)), "group", "/Team A/Developers", "/Team B/Developers");
        assertThat(model(assign(a, PROD, ADMIN), assign(a, STAGING, ADMIN)).groups()).containsExactly(a);
    }

    @Test
    void aGroupNameIdentityCenterRefusesIsRefusedNamingTheGroup() {
        assertRefused(() -> model(assign(new Group("Administrator", "/Administrator"), PROD, ADMIN)), "group", "/Administrator", "reserved");
        assertRefused(() -> model(assign(new Group("zero\u200Bwidth", "/zw"), PROD, ADMIN)), "group", "/zw");
    }

    @Test
    void anAccountOfAnotherPartitionIsRefused() {
        assertRefused(() -> new IdentityCenterModel("acme", Partition.AWS, List.of(PROD, IamAsCodeFixtures.GOV), List.of(), 0),
                "accountId", "222222222222", "aws-us-gov");
    }

    @Test
    void setsAndGroupsAreListedOnceEachInAStableOrder() {
        IdentityCenterModel m = full();
        assertThat(m.permissionSets()).extracting(s -> s.name().value()).containsExactly("AdministratorAccess", "Developer", "ReadOnlyAccess");
        assertThat(m.groups()).extracting(Group::displayName).containsExactly("DevOps", "Developers", HOSTILE_NAME);
        IdentityCenterModel twice = model(assign(DEVOPS, PROD, ADMIN), assign(DEVOPS, PROD, ADMIN));
        assertThat(twice.assignments()).hasSize(1);
        assertThat(full().assignments()).isEqualTo(m.assignments());
    }
}
