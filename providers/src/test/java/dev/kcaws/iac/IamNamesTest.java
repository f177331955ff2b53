package dev.kcaws.iac;

import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IamNamesTest {

    @Test
    void identifiersAreAlphanumericAndOneToOne() {
        assertThat(IamNames.identifier("ReadOnlyAccess")).isEqualTo("ReadOnlyAccess");
        assertThat(IamNames.identifier("Read-Only")).isEqualTo("ReadZ2DOnly");
        assertThat(IamNames.identifier("ReadZ2DOnly")).isEqualTo("ReadZ5A2DOnly");
        assertThat(IamNames.identifier("a_b+c=d,e.f@g")).matches("[A-Za-z0-9]+");
    }

    @Test
    void onlyAwsManagedPoliciesChangePartition() {
        assertThat(IamNames.policyArnIn(ManagedPolicyArn.parse("p", "arn:aws:iam::aws:policy/job-function/Billing"), Partition.AWS_CN))
                .isEqualTo("arn:aws-cn:iam::aws:policy/job-function/Billing");
        assertThat(IamNames.policyArnIn(ManagedPolicyArn.parse("p", "arn:aws:iam::123456789012:policy/Mine"), Partition.AWS_CN))
                .isEqualTo("arn:aws:iam::123456789012:policy/Mine");
    }

    @Test
    void longTemplateDescriptionsAreCutToCloudFormationsLimit() {
        String cut = IamNames.templateDescription("é".repeat(2000));
        assertThat(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(cut).endsWith("...");
    }
}
