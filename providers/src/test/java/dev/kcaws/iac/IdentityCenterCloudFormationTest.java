package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.iac.IdentityCenterModel.Group;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.kcaws.iac.IamAsCodeFixtures.INLINE;
import static dev.kcaws.iac.IamAsCodeFixtures.fieldNames;
import static dev.kcaws.iac.IamAsCodeFixtures.parse;
import static dev.kcaws.iac.IamAsCodeFixtures.served;
import static dev.kcaws.iac.IamAsCodeFixtures.texts;
import static dev.kcaws.iac.IdentityCenterFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CloudFormation template for Identity Center, read back as JSON, each field checked. */
class IdentityCenterCloudFormationTest {

    static JsonNode template(IdentityCenterModel model) {
        return served(IdentityCenterCloudFormation.of(model));
    }

    static JsonNode permissionSet(JsonNode template, String name) {
        for (JsonNode r : template.path("Resources")) {
            if (r.path("Type").asText().equals("AWS::SSO::PermissionSet") && r.path("Properties").path("Name").asText().equals(name)) {
                return r.path("Properties");
            }
        }
        throw new AssertionError("no permission set " + name + " in " + template);
    }

    static List<JsonNode> assignments(JsonNode template) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::SSO::Assignment")) {
                found.add(r.path("Properties"));
            }
        });
        return found;
    }

    /** Every object with a Ref or Fn:: key anywhere under Resources: what CloudFormation runs. */
    static List<JsonNode> intrinsicFunctions(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (InlinePolicy.isIntrinsicFunctionName(f.getKey())) {
                    found.add(node);
                }
                collect(f.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, found));
        }
    }

    @Test
    void theInstanceArnAndEachGroupIdAreParametersWithTheirRules() {
        JsonNode t = template(full());
        assertThat(t.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        JsonNode parameters = t.path("Parameters");
        assertThat(fieldNames(parameters)).containsExactly("InstanceArn", "GroupDevOpsId", "GroupDevelopersId",
                IdentityCenterCloudFormation.groupParameter(HOSTILE));
        JsonNode instance = parameters.path("InstanceArn");
        assertThat(instance.path("Type").asText()).isEqualTo("String");
        assertThat(instance.path("Description").asText()).contains("aws sso-admin list-instances");
        assertThat("arn:aws:sso:::instance/ssoins-1234567890abcdef").matches(instance.path("AllowedPattern").asText());
        JsonNode devops = parameters.path("GroupDevOpsId");
        assertThat(devops.path("Type").asText()).isEqualTo("String");
        assertThat(devops.path("Description").asText()).contains("/DevOps").contains("aws identitystore get-group-id");
        assertThat("906728ef3a-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901").matches(devops.path("AllowedPattern").asText());
        assertThat("a1b2c3d4-5f60-7182-93a4-b5c6d7e8f901").matches(devops.path("AllowedPattern").asText());
        assertThat(Pattern.matches(devops.path("AllowedPattern").asText(), "DevOps")).isFalse();
        assertThat(parameters.size()).isLessThanOrEqualTo(200);

        JsonNode meta = t.path("Metadata").path("kcaws");
        assertThat(meta.path("realm").asText()).isEqualTo("acme");
        assertThat(meta.path("partition").asText()).isEqualTo("aws");
        assertThat(texts(meta.path("accounts"))).containsExactly("111111111111", "444444444444");
        assertThat(meta.path("groups").path("GroupDevelopersId").path("displayName").asText()).isEqualTo("Developers");
        assertThat(meta.path("groups").path("GroupDevelopersId").path("keycloakPath").asText()).isEqualTo("/Engineering/Developers");
        assertThat(meta.path("userAssignmentsLeftOut").asLong()).isZero();
        assertThat(meta.path("groupsNotPushed").isArray()).isTrue();
        assertThat(meta.path("groupsNotPushed").size()).isZero();
        IdentityCenterModel notPushed = new IdentityCenterModel("acme", dev.kcaws.aws.Partition.AWS, List.of(PROD), List.of(assign(DEVOPS, PROD, ADMIN)), 2,
                List.of("/Everyone"), null);
        assertThat(texts(template(notPushed).path("Metadata").path("kcaws").path("groupsNotPushed"))).containsExactly("/Everyone");
        assertThat(template(notPushed).path("Metadata").path("kcaws").path("userAssignmentsLeftOut").asLong()).isEqualTo(2);
    }

    @Test
    void onePermissionSetPerAssignedSetWithEveryField() {
        JsonNode t = template(full());
        JsonNode dev = permissionSet(t, "Developer");
        assertThat(dev.path("InstanceArn").path("Ref").asText()).isEqualTo("InstanceArn");
        assertThat(dev.path("Description").asText()).isEqualTo(DEVELOPER.description());
        assertThat(dev.path("SessionDuration").asText()).isEqualTo("PT1H30M");
        assertThat(dev.path("RelayStateType").asText()).isEqualTo("https://console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:");
        assertThat(texts(dev.path("ManagedPolicies"))).containsExactly("arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/job-function/Billing");
        List<String> customer = new ArrayList<>();
        dev.path("CustomerManagedPolicyReferences").forEach(r -> customer.add(r.path("Path").asText() + r.path("Name").asText()));
        assertThat(customer).containsExactly("/team/ci/Deploy", "/Local");
        assertThat(dev.path("InlinePolicy")).as("a JSON object, not a string").isEqualTo(parse(INLINE));
        assertThat(dev.path("PermissionsBoundary").path("CustomerManagedPolicyReference").path("Name").asText()).isEqualTo("Boundary");
        assertThat(dev.path("PermissionsBoundary").path("CustomerManagedPolicyReference").path("Path").asText()).isEqualTo("/team/");

        JsonNode admin = permissionSet(t, "AdministratorAccess");
        assertThat(fieldNames(admin)).containsExactly("InstanceArn", "Name", "SessionDuration", "ManagedPolicies");
        assertThat(admin.path("SessionDuration").asText()).isEqualTo("PT1H");
        assertThat(texts(permissionSet(t, "ReadOnlyAccess").path("ManagedPolicies"))).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(permissionSet(t, "ReadOnlyAccess").path("SessionDuration").asText()).isEqualTo("PT12H");

        PermissionSet awsBoundary = set("Bounded", 3600, null, null, null, "arn:aws:iam::aws:policy/PowerUserAccess");
        JsonNode bounded = permissionSet(template(model(assign(DEVOPS, PROD, awsBoundary))), "Bounded");
        assertThat(fieldNames(bounded.path("PermissionsBoundary"))).containsExactly("ManagedPolicyArn");
        assertThat(bounded.path("PermissionsBoundary").path("ManagedPolicyArn").asText()).isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
    }

    @Test
    void oneAssignmentPerGroupAccountAndSet() {
        JsonNode t = template(full());
        List<JsonNode> all = assignments(t);
        assertThat(all).hasSize(5);
        JsonNode one = t.path("Resources").path(IdentityCenterCloudFormation.assignmentId(assign(DEVOPS, STAGING, ADMIN))).path("Properties");
        assertThat(one.path("InstanceArn").path("Ref").asText()).isEqualTo("InstanceArn");
        assertThat(texts(one.path("PermissionSetArn").path("Fn::GetAtt"))).containsExactly("PermissionSetAdministratorAccess", "PermissionSetArn");
        assertThat(one.path("PrincipalId").path("Ref").asText()).isEqualTo("GroupDevOpsId");
        assertThat(one.path("PrincipalType").asText()).isEqualTo("GROUP");
        assertThat(one.path("TargetId").asText()).isEqualTo("444444444444");
        assertThat(one.path("TargetType").asText()).isEqualTo("AWS_ACCOUNT");
        assertThat(fieldNames(t.path("Resources"))).hasSize(3 + 5).allMatch(id -> id.matches("[A-Za-z0-9]{1,255}"));
    }

    @Test
    void cloudFormationRunsOnlyTheTemplatesOwnReferencesWhateverTheData() {
        JsonNode t = template(full());
        List<String> parameters = fieldNames(t.path("Parameters"));
        List<String> resources = fieldNames(t.path("Resources"));
        for (JsonNode function : intrinsicFunctions(t.path("Resources"))) {
            assertThat(fieldNames(function)).hasSize(1);
            if (function.has("Ref")) {
                assertThat(parameters).contains(function.path("Ref").asText());
            } else {
                assertThat(fieldNames(function)).containsExactly("Fn::GetAtt");
                assertThat(resources).contains(function.path("Fn::GetAtt").get(0).asText());
                assertThat(function.path("Fn::GetAtt").get(1).asText()).isEqualTo("PermissionSetArn");
            }
        }
        assertThat(intrinsicFunctions(t.path("Resources"))).hasSize(3 + 5 * 3);
        assertThat(t.path("Metadata").path("kcaws").path("groups").path(IdentityCenterCloudFormation.groupParameter(HOSTILE))
                .path("displayName").asText()).isEqualTo(HOSTILE_NAME);
        assertThat(t.path("Parameters").path(IdentityCenterCloudFormation.groupParameter(HOSTILE)).path("Description").asText()).contains(HOSTILE.keycloakPath());
    }

    @Test
    void logicalIdsStayWithinCloudFormationsLimitForLongGroupNames() {
        Group long1 = new Group("개".repeat(1024), "/long1");
        Group long2 = new Group("개".repeat(1023) + "발", "/long2");
        JsonNode t = template(model(assign(long1, PROD, ADMIN), assign(long2, PROD, ADMIN)));
        assertThat(fieldNames(t.path("Parameters"))).hasSize(3).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9]{1,255}"));
        assertThat(fieldNames(t.path("Resources"))).hasSize(3).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9]{1,255}"));
        Group longPath = new Group("g", "/" + "p".repeat(5000));
        JsonNode description = template(model(assign(longPath, PROD, ADMIN))).path("Parameters").path("GroupgId").path("Description");
        assertThat(description.asText().length()).isLessThanOrEqualTo(4000);
    }

    @Test
    void aTemplateWithNothingToDeployOrMoreThanCloudFormationHoldsIsRefused() {
        assertThatThrownBy(() -> IdentityCenterCloudFormation.of(model())).isInstanceOf(AwsRuleViolation.class)
                .hasMessageContaining("no group is assigned");
        List<Assignment> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(assign(new Group("g" + i, "/g" + i), PROD, ADMIN));
        }
        assertThatThrownBy(() -> IdentityCenterCloudFormation.of(model(many.toArray(Assignment[]::new))))
                .isInstanceOf(AwsRuleViolation.class).hasMessageContaining("?accountId=").hasMessageContaining("Terraform");
        assertThat(Json.pretty(IdentityCenterTerraform.of(model(many.toArray(Assignment[]::new))))).as("Terraform has no such limit").contains("g249");
    }
}
