package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.testsupport.TerraformCli;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.kcaws.iac.IamAsCodeFixtures.INLINE;
import static dev.kcaws.iac.IamAsCodeFixtures.fieldNames;
import static dev.kcaws.iac.IamAsCodeFixtures.parse;
import static dev.kcaws.iac.IamAsCodeFixtures.served;
import static dev.kcaws.iac.IdentityCenterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The Terraform configuration for Identity Center, read back as JSON and as Terraform would read its strings. */
class IdentityCenterTerraformTest {

    static JsonNode config(IdentityCenterModel model) {
        return served(IdentityCenterTerraform.of(model));
    }

    /** What Terraform makes of a string of the configuration: its literal text. */
    static String literal(JsonNode terraformString) {
        assertThat(terraformString.isTextual()).as("a string: " + terraformString).isTrue();
        return TerraformTemplates.read(terraformString.asText()).literal();
    }

    static String ref(String address) {
        return "${" + address + "}";
    }

    @Test
    void theInstanceComesFromTheAwsSsoadminInstancesDataSourceAndTheRegionFromAVariable() {
        JsonNode c = config(full());
        assertThat(c.path("terraform").path("required_providers").path("aws").path("source").asText()).isEqualTo("hashicorp/aws");
        assertThat(c.path("variable").path("identity_center_region").path("type").asText()).isEqualTo("string");
        assertThat(c.path("variable").path("identity_center_region").has("default")).as("the realm does not know the region").isFalse();
        assertThat(c.path("provider").path("aws").path("region").asText()).isEqualTo(ref("var.identity_center_region"));
        assertThat(c.path("provider").path("aws").has("allowed_account_ids")).as("the management account is not in the model").isFalse();
        assertThat(c.path("data").path("aws_ssoadmin_instances").has("this")).isTrue();
        assertThat(c.path("locals").path("instance_arn").asText()).isEqualTo(ref("tolist(data.aws_ssoadmin_instances.this.arns)[0]"));
        assertThat(c.path("locals").path("identity_store_id").asText()).isEqualTo(ref("tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]"));
        assertThat(c.path("//").asText()).contains("acme").contains("111111111111").contains("444444444444");
    }

    @Test
    void onePermissionSetPerAssignedSetWithEveryField() {
        JsonNode sets = config(full()).path("resource").path("aws_ssoadmin_permission_set");
        assertThat(fieldNames(sets)).containsExactly("AdministratorAccess", "Developer", "ReadOnlyAccess");
        JsonNode dev = sets.path("Developer");
        assertThat(dev.path("name").asText()).isEqualTo("Developer");
        assertThat(literal(dev.path("description"))).isEqualTo(DEVELOPER.description());
        assertThat(dev.path("instance_arn").asText()).isEqualTo(ref("local.instance_arn"));
        assertThat(dev.path("session_duration").asText()).isEqualTo("PT1H30M");
        assertThat(literal(dev.path("relay_state"))).isEqualTo("https://console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:");
        assertThat(fieldNames(dev)).containsExactly("name", "description", "instance_arn", "session_duration", "relay_state");

        JsonNode admin = sets.path("AdministratorAccess");
        assertThat(admin.path("session_duration").asText()).isEqualTo("PT1H");
        assertThat(admin.has("description")).as("an empty description is left out: Identity Center refuses it").isFalse();
        assertThat(admin.has("relay_state")).isFalse();
        assertThat(sets.path("ReadOnlyAccess").path("session_duration").asText()).isEqualTo("PT12H");
    }

    @Test
    void managedPoliciesAreAttachedOnceEachAwsManagedByArnCustomerManagedByNameAndPath() {
        JsonNode resources = config(full()).path("resource");
        List<String> devAws = new ArrayList<>();
        resources.path("aws_ssoadmin_managed_policy_attachment").forEach(a -> {
            assertThat(a.path("instance_arn").asText()).isEqualTo(ref("local.instance_arn"));
            if (a.path("permission_set_arn").asText().equals(ref("aws_ssoadmin_permission_set.Developer.arn"))) {
                devAws.add(a.path("managed_policy_arn").asText());
            }
        });
        assertThat(devAws).containsExactlyInAnyOrder("arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/job-function/Billing");
        assertThat(resources.path("aws_ssoadmin_managed_policy_attachment").size()).as("ReadOnlyAccess listed twice is attached once").isEqualTo(4);
        assertThat(resources.path("aws_ssoadmin_managed_policy_attachment").path("ReadOnlyAccess_awsZ2FReadOnlyAccess")
                .path("managed_policy_arn").asText()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");

        JsonNode customer = resources.path("aws_ssoadmin_customer_managed_policy_attachment");
        assertThat(customer.size()).isEqualTo(2);
        List<String> references = new ArrayList<>();
        customer.forEach(a -> {
            assertThat(a.path("permission_set_arn").asText()).isEqualTo(ref("aws_ssoadmin_permission_set.Developer.arn"));
            assertThat(a.path("instance_arn").asText()).isEqualTo(ref("local.instance_arn"));
            references.add(a.path("customer_managed_policy_reference").path("path").asText() + a.path("customer_managed_policy_reference").path("name").asText());
        });
        assertThat(references).containsExactlyInAnyOrder("/team/ci/Deploy", "/Local");
    }

    @Test
    void inlinePolicyAndBoundaryAreTheirOwnResources() {
        JsonNode resources = config(full()).path("resource");
        JsonNode inline = resources.path("aws_ssoadmin_permission_set_inline_policy");
        assertThat(fieldNames(inline)).containsExactly("Developer");
        assertThat(inline.path("Developer").path("permission_set_arn").asText()).isEqualTo(ref("aws_ssoadmin_permission_set.Developer.arn"));
        assertThat(inline.path("Developer").path("instance_arn").asText()).isEqualTo(ref("local.instance_arn"));
        String policy = inline.path("Developer").path("inline_policy").asText();
        assertThat(policy).as("an IAM policy variable is not Terraform interpolation").contains("$${aws:username}");
        assertThat(parse(TerraformTemplates.read(policy).literal())).isEqualTo(parse(INLINE));

        JsonNode boundary = resources.path("aws_ssoadmin_permissions_boundary_attachment");
        assertThat(fieldNames(boundary)).containsExactly("Developer");
        JsonNode reference = boundary.path("Developer").path("permissions_boundary").path("customer_managed_policy_reference");
        assertThat(reference.path("name").asText()).isEqualTo("Boundary");
        assertThat(reference.path("path").asText()).isEqualTo("/team/");
        assertThat(boundary.path("Developer").path("permissions_boundary").has("managed_policy_arn")).isFalse();

        IdentityCenterModel awsBoundary = model(assign(DEVOPS, PROD, set("Bounded", 3600, null, null, null, "arn:aws:iam::aws:policy/PowerUserAccess")));
        JsonNode aws = config(awsBoundary).path("resource").path("aws_ssoadmin_permissions_boundary_attachment").path("Bounded").path("permissions_boundary");
        assertThat(fieldNames(aws)).containsExactly("managed_policy_arn");
        assertThat(aws.path("managed_policy_arn").asText()).isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
    }

    @Test
    void groupsAreLookedUpByDisplayNameAndAssignedPerAccount() {
        JsonNode c = config(full());
        JsonNode groups = c.path("data").path("aws_identitystore_group");
        assertThat(groups.size()).isEqualTo(3);
        JsonNode devops = groups.path("DevOps");
        assertThat(devops.path("identity_store_id").asText()).isEqualTo(ref("local.identity_store_id"));
        assertThat(devops.path("alternate_identifier").path("unique_attribute").path("attribute_path").asText()).isEqualTo("DisplayName");
        assertThat(devops.path("alternate_identifier").path("unique_attribute").path("attribute_value").asText()).isEqualTo("DevOps");
        assertThat(devops.has("filter")).as("removed from the AWS provider in 6.0").isFalse();

        JsonNode assignments = c.path("resource").path("aws_ssoadmin_account_assignment");
        assertThat(assignments.size()).isEqualTo(5);
        JsonNode one = assignments.path(IdentityCenterTerraform.assignmentName(assign(DEVOPS, STAGING, ADMIN)));
        assertThat(one.path("instance_arn").asText()).isEqualTo(ref("local.instance_arn"));
        assertThat(one.path("permission_set_arn").asText()).isEqualTo(ref("aws_ssoadmin_permission_set.AdministratorAccess.arn"));
        assertThat(one.path("principal_id").asText()).isEqualTo(ref("data.aws_identitystore_group.DevOps.group_id"));
        assertThat(one.path("principal_type").asText()).isEqualTo("GROUP");
        assertThat(one.path("target_id").asText()).isEqualTo("444444444444");
        assertThat(one.path("target_type").asText()).isEqualTo("AWS_ACCOUNT");
        List<String> triples = new ArrayList<>();
        assignments.forEach(a -> triples.add(a.path("principal_id").asText() + " " + a.path("target_id").asText() + " " + a.path("permission_set_arn").asText()));
        assertThat(triples).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void namesAreTerraformIdentifiersOneToOneWithTheData() {
        JsonNode c = config(model(assign(new IdentityCenterModel.Group("Read-Only", "/a"), PROD, ADMIN),
                assign(new IdentityCenterModel.Group("ReadZ2DOnly", "/b"), PROD, ADMIN),
                assign(new IdentityCenterModel.Group("1st team", "/c"), PROD, ADMIN),
                assign(HOSTILE, PROD, ADMIN)));
        List<String> names = new ArrayList<>(fieldNames(c.path("data").path("aws_identitystore_group")));
        names.addAll(fieldNames(c.path("resource").path("aws_ssoadmin_account_assignment")));
        assertThat(names).hasSize(8).doesNotHaveDuplicates().allMatch(n -> n.matches("[A-Za-z_][A-Za-z0-9_-]*"));
        List<String> values = new ArrayList<>();
        c.path("data").path("aws_identitystore_group").forEach(g -> values.add(literal(g.path("alternate_identifier").path("unique_attribute").path("attribute_value"))));
        assertThat(values).containsExactlyInAnyOrder("Read-Only", "ReadZ2DOnly", "1st team", HOSTILE_NAME);
    }

    @Test
    void terraformEvaluatesOnlyTheBundlesOwnReferencesWhateverTheGroupOrDescription() {
        JsonNode c = config(full());
        List<String> own = new ArrayList<>(List.of(ref("var.identity_center_region"), ref("tolist(data.aws_ssoadmin_instances.this.arns)[0]"),
                ref("tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]"), ref("local.instance_arn"), ref("local.identity_store_id")));
        for (String set : List.of("AdministratorAccess", "Developer", "ReadOnlyAccess")) {
            own.add(ref("aws_ssoadmin_permission_set." + set + ".arn"));
        }
        for (String group : fieldNames(c.path("data").path("aws_identitystore_group"))) {
            own.add(ref("data.aws_identitystore_group." + group + ".group_id"));
        }
        assertThat(TerraformTemplates.evaluated(c)).isNotEmpty().allMatch(own::contains);

        JsonNode hostile = c.path("data").path("aws_identitystore_group").path(IdentityCenterTerraform.groupName(HOSTILE));
        assertThat(literal(hostile.path("alternate_identifier").path("unique_attribute").path("attribute_value"))).isEqualTo(HOSTILE_NAME);
        assertThat(literal(c.path("resource").path("aws_ssoadmin_permission_set").path("Developer").path("description")))
                .isEqualTo("Build & run ${things} \"fast\" \\ here\nnext line %{x}");
        Assignment hostileAssignment = assign(HOSTILE, PROD, DEVELOPER);
        assertThat(c.path("resource").path("aws_ssoadmin_account_assignment").path(IdentityCenterTerraform.assignmentName(hostileAssignment))
                .path("principal_id").asText()).isEqualTo(ref("data.aws_identitystore_group." + IdentityCenterTerraform.groupName(HOSTILE) + ".group_id"));
    }

    @Test
    void awsManagedPoliciesAreWrittenInTheInstancesPartition() {
        IdentityCenterModel gov = new IdentityCenterModel("acme", dev.kcaws.aws.Partition.AWS_US_GOV, List.of(IamAsCodeFixtures.GOV),
                List.of(assign(DEVOPS, IamAsCodeFixtures.GOV, ADMIN)), 0);
        JsonNode attachment = config(gov).path("resource").path("aws_ssoadmin_managed_policy_attachment").elements().next();
        assertThat(attachment.path("managed_policy_arn").asText()).isEqualTo("arn:aws-us-gov:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void withoutAssignmentsThereIsNothingButTheInstanceLookUp() {
        JsonNode c = config(model());
        assertThat(c.has("resource")).isFalse();
        assertThat(fieldNames(c.path("data"))).containsExactly("aws_ssoadmin_instances");
    }

    /** Terraform itself (with the AWS provider's schema) finds the configuration valid: every argument and block where the provider has it. */
    @Test
    void terraformValidateFindsItValid() throws Exception {
        JsonNode answer = TerraformCli.validate(Json.pretty(IdentityCenterTerraform.of(full())));
        assertThat(answer.path("valid").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.path("warning_count").asInt()).as(answer.toString()).isZero();
    }

    @Test
    void theRegionDefaultsToTheScimPushsAndGroupsNotPushedAreNamed() {
        IdentityCenterModel known = new IdentityCenterModel("acme", dev.kcaws.aws.Partition.AWS, List.of(PROD), List.of(assign(DEVOPS, PROD, ADMIN)), 0,
                List.of("/Everyone", "/BillingAdmin"), dev.kcaws.aws.AwsRegion.parse("r", "eu-west-1"));
        JsonNode c = config(known);
        assertThat(c.path("variable").path("identity_center_region").path("default").asText()).isEqualTo("eu-west-1");
        assertThat(c.path("//").asText()).contains("does not push them").contains("/BillingAdmin, /Everyone.");
        IdentityCenterModel otherPartition = new IdentityCenterModel("acme", dev.kcaws.aws.Partition.AWS, List.of(PROD), List.of(), 0,
                List.of(), dev.kcaws.aws.AwsRegion.parse("r", "us-gov-west-1"));
        assertThat(config(otherPartition).path("variable").path("identity_center_region").has("default")).isFalse();
        assertThat(config(full()).path("//").asText()).doesNotContain("does not push");
    }

    @Test
    void leftOutUserAssignmentsAreSaid() {
        IdentityCenterModel withUsers = new IdentityCenterModel("acme", dev.kcaws.aws.Partition.AWS, List.of(PROD),
                List.of(assign(DEVOPS, PROD, ADMIN)), 3);
        assertThat(config(withUsers).path("//").asText()).contains("3 assignment(s) of single users are not generated");
        assertThat(config(full()).path("//").asText()).doesNotContain("single users");
    }
}
