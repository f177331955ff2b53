package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.iac.TerraformTemplates;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.TerraformCli;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Identity Center side as code on the real Keycloak: the demo realm's four groups and their
 * permission sets as Terraform and CloudFormation downloads, and a realm Identity Center cannot
 * take refused with a 409 naming what to change.
 */
class IdentityCenterCodeIT {

    static final String DEMO = "/admin/realms/aws-demo/aws/identity-center/iac";
    static final String COPY = "ic-iac-check";
    static final String COPY_API = "/admin/realms/" + COPY + "/aws";
    static final String PERMS = "ic-iac-perms";
    static final String PUSH = "ic-iac-push";

    @RegisterExtension
    static final ManagedRealm demo = ManagedRealm.imported("aws-demo").deletingAfterAll(COPY, PERMS, PUSH);

    /** The demo realm's group assignments: group, account, permission set. */
    static final List<String> DEMO_ASSIGNMENTS = List.of(
            "DevOps 111111111111 AdministratorAccess", "DevOps 222222222222 AdministratorAccess", "DevOps 333333333333 AdministratorAccess",
            "Developers 222222222222 PowerUserAccess", "Developers 333333333333 PowerUserAccess", "Developers 111111111111 ReadOnlyAccess",
            "BillingAdmin 111111111111 Billing", "Everyone 333333333333 ReadOnlyAccess");

    static JsonNode download(ApiResponse response, String fileName) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.header("Content-Disposition").orElse("")).isEqualTo("attachment; filename=\"" + fileName + "\"");
        return response.json();
    }

    static String literal(JsonNode terraformString) {
        return TerraformTemplates.read(terraformString.asText()).literal();
    }

    /** "group account set" of each Terraform assignment, the group read back from its data source's DisplayName. */
    static List<String> tfAssignments(JsonNode config) {
        Map<String, String> groupByAddress = new HashMap<>();
        config.path("data").path("aws_identitystore_group").fields().forEachRemaining(g -> groupByAddress.put(
                "${data.aws_identitystore_group." + g.getKey() + ".group_id}",
                literal(g.getValue().path("alternate_identifier").path("unique_attribute").path("attribute_value"))));
        Map<String, String> setByAddress = new HashMap<>();
        config.path("resource").path("aws_ssoadmin_permission_set").fields().forEachRemaining(s -> setByAddress.put(
                "${aws_ssoadmin_permission_set." + s.getKey() + ".arn}", s.getValue().path("name").asText()));
        List<String> found = new ArrayList<>();
        config.path("resource").path("aws_ssoadmin_account_assignment").forEach(a -> {
            assertThat(a.path("principal_type").asText()).isEqualTo("GROUP");
            assertThat(a.path("target_type").asText()).isEqualTo("AWS_ACCOUNT");
            assertThat(a.path("instance_arn").asText()).isEqualTo("${local.instance_arn}");
            found.add(groupByAddress.get(a.path("principal_id").asText()) + " " + a.path("target_id").asText() + " "
                    + setByAddress.get(a.path("permission_set_arn").asText()));
        });
        return found;
    }

    /** "group account set" of each CloudFormation assignment, the group read back from the template's Metadata. */
    static List<String> cfnAssignments(JsonNode template) {
        JsonNode groups = template.path("Metadata").path("kcaws").path("groups");
        List<String> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::SSO::Assignment")) {
                JsonNode p = r.path("Properties");
                assertThat(p.path("PrincipalType").asText()).isEqualTo("GROUP");
                assertThat(p.path("InstanceArn").path("Ref").asText()).isEqualTo("InstanceArn");
                String setId = p.path("PermissionSetArn").path("Fn::GetAtt").get(0).asText();
                found.add(groups.path(p.path("PrincipalId").path("Ref").asText()).path("displayName").asText() + " " + p.path("TargetId").asText()
                        + " " + template.path("Resources").path(setId).path("Properties").path("Name").asText());
            }
        });
        return found;
    }

    static Map<String, JsonNode> cfnSets(JsonNode template) {
        Map<String, JsonNode> sets = new LinkedHashMap<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::SSO::PermissionSet")) {
                sets.put(r.path("Properties").path("Name").asText(), r.path("Properties"));
            }
        });
        return sets;
    }

    @Test
    void terraformForTheDemoRealmAssignsItsFourGroups() throws Exception {
        ApiResponse response = demo.admin().send("GET", DEMO + "/terraform", null);
        JsonNode config = download(response, "kcaws-aws-demo-identity-center.tf.json");
        assertThat(response.header("X-Kcaws-User-Assignments-Left-Out").orElse("")).isEqualTo("0");
        assertThat(tfAssignments(config)).containsExactlyInAnyOrderElementsOf(DEMO_ASSIGNMENTS);

        JsonNode sets = config.path("resource").path("aws_ssoadmin_permission_set");
        assertThat(sets.findValuesAsText("name")).containsExactlyInAnyOrder("AdministratorAccess", "Billing", "PowerUserAccess", "ReadOnlyAccess");
        assertThat(sets.path("AdministratorAccess").path("session_duration").asText()).isEqualTo("PT1H");
        assertThat(sets.path("PowerUserAccess").path("session_duration").asText()).isEqualTo("PT8H");
        assertThat(sets.path("ReadOnlyAccess").path("session_duration").asText()).isEqualTo("PT12H");
        assertThat(sets.path("Billing").path("relay_state").asText()).isEqualTo("https://console.aws.amazon.com/billing/home");
        assertThat(sets.path("Billing").path("description").asText()).isEqualTo("Billing and cost management.");
        assertThat(sets.path("PowerUserAccess").has("relay_state")).isFalse();
        List<String> policies = new ArrayList<>();
        config.path("resource").path("aws_ssoadmin_managed_policy_attachment").forEach(a -> policies.add(
                a.path("permission_set_arn").asText() + " " + a.path("managed_policy_arn").asText()));
        assertThat(policies).containsExactlyInAnyOrder(
                "${aws_ssoadmin_permission_set.AdministratorAccess.arn} arn:aws:iam::aws:policy/AdministratorAccess",
                "${aws_ssoadmin_permission_set.PowerUserAccess.arn} arn:aws:iam::aws:policy/PowerUserAccess",
                "${aws_ssoadmin_permission_set.ReadOnlyAccess.arn} arn:aws:iam::aws:policy/ReadOnlyAccess",
                "${aws_ssoadmin_permission_set.Billing.arn} arn:aws:iam::aws:policy/job-function/Billing");
        for (JsonNode group : config.path("data").path("aws_identitystore_group")) {
            assertThat(group.path("alternate_identifier").path("unique_attribute").path("attribute_path").asText()).isEqualTo("DisplayName");
        }
        JsonNode validation = TerraformCli.validate(response.body());
        assertThat(validation.path("valid").asBoolean()).as(validation.toString()).isTrue();
    }

    @Test
    void cloudFormationForTheDemoRealmAssignsItsFourGroups() {
        JsonNode template = download(demo.admin().send("GET", DEMO + "/cloudformation", null), "kcaws-aws-demo-identity-center.cfn.json");
        assertThat(cfnAssignments(template)).containsExactlyInAnyOrderElementsOf(DEMO_ASSIGNMENTS);
        List<String> parameters = new ArrayList<>();
        template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
        assertThat(parameters).containsExactlyInAnyOrder("InstanceArn", "GroupDevOpsId", "GroupDevelopersId", "GroupBillingAdminId", "GroupEveryoneId");
        assertThat(template.path("Metadata").path("kcaws").path("groups").path("GroupEveryoneId").path("keycloakPath").asText()).isEqualTo("/Everyone");
        Map<String, JsonNode> sets = cfnSets(template);
        assertThat(sets.keySet()).containsExactlyInAnyOrder("AdministratorAccess", "Billing", "PowerUserAccess", "ReadOnlyAccess");
        assertThat(sets.get("PowerUserAccess").path("SessionDuration").asText()).isEqualTo("PT8H");
        assertThat(sets.get("Billing").path("RelayStateType").asText()).isEqualTo("https://console.aws.amazon.com/billing/home");
        assertThat(sets.get("Billing").path("ManagedPolicies").get(0).asText()).isEqualTo("arn:aws:iam::aws:policy/job-function/Billing");
        assertThat(sets.get("ReadOnlyAccess").path("Description").asText()).isEqualTo("Read-only access to AWS services and resources.");
    }

    @Test
    void oneAccountGetsItsOwnAssignmentsAndSets() {
        JsonNode config = download(demo.admin().send("GET", DEMO + "/terraform?accountId=111111111111", null),
                "kcaws-aws-demo-identity-center-111111111111.tf.json");
        assertThat(tfAssignments(config)).containsExactlyInAnyOrder("DevOps 111111111111 AdministratorAccess",
                "Developers 111111111111 ReadOnlyAccess", "BillingAdmin 111111111111 Billing");
        JsonNode template = download(demo.admin().send("GET", DEMO + "/cloudformation?accountId=333333333333", null),
                "kcaws-aws-demo-identity-center-333333333333.cfn.json");
        assertThat(cfnAssignments(template)).containsExactlyInAnyOrder("DevOps 333333333333 AdministratorAccess",
                "Developers 333333333333 PowerUserAccess", "Everyone 333333333333 ReadOnlyAccess");
    }

    @Test
    void badParametersAreNamedUnknownAccountsNotFoundAndOrdinaryUsersRefused() throws Exception {
        for (String kind : List.of("terraform", "cloudformation")) {
            ApiResponse unknown = demo.admin().send("GET", DEMO + "/" + kind + "?accountId=999999999999", null);
            assertThat(unknown.status()).as(kind).isEqualTo(404);
            assertThat(unknown.json().path("errorMessage").asText()).contains("999999999999");
            ApiResponse malformed = demo.admin().send("GET", DEMO + "/" + kind + "?accountId=1234", null);
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().path("field").asText()).isEqualTo("accountId");
            ApiResponse partition = demo.admin().send("GET", DEMO + "/" + kind + "?partition=aws-iso", null);
            assertThat(partition.status()).isEqualTo(400);
            assertThat(partition.json().path("field").asText()).isEqualTo("partition");
            ApiResponse mismatch = demo.admin().send("GET", DEMO + "/" + kind + "?accountId=111111111111&partition=aws-cn", null);
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.json().path("field").asText()).isEqualTo("partition");
        }
        UserToken dave = UserToken.of(demo.server().baseUrl(), "aws-demo", "dave", "dave");
        assertThat(dave.status("GET", DEMO + "/terraform", null)).isEqualTo(403);
        assertThat(dave.status("GET", DEMO + "/cloudformation?accountId=111111111111", null)).isEqualTo(403);
    }

    /** With the SCIM push on, a group it does not push is not in Identity Center: named, not assigned; the push's region is the default. */
    @Test
    void groupsTheScimPushDoesNotPushAreNamedNotAssigned() {
        demo.admin().createRealm(DemoRealm.copyNamed(PUSH));
        String realm = "/admin/realms/" + PUSH;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", true);
        settings.put("endpoint", "https://scim.eu-west-1.amazonaws.com/AbC123-tenant/scim/v2/");
        settings.put("token", "not-a-real-token");
        settings.put("groupIds", List.of(demo.admin().findGroupId(PUSH, "/DevOps").orElseThrow(), demo.admin().findGroupId(PUSH, "/Developers").orElseThrow()));
        settings.put("leavePolicy", "DEACTIVATE");
        settings.put("reconcileIntervalMinutes", 60);
        demo.admin().expect(200, "PUT", realm + "/aws/identity-center/scim", settings);

        ApiResponse response = demo.admin().send("GET", realm + "/aws/identity-center/iac/terraform", null);
        JsonNode config = download(response, "kcaws-" + PUSH + "-identity-center.tf.json");
        assertThat(response.header("X-Kcaws-Groups-Not-Pushed").orElse("")).isEqualTo("2");
        assertThat(tfAssignments(config)).containsExactlyInAnyOrderElementsOf(DEMO_ASSIGNMENTS.stream().filter(a -> a.startsWith("Dev")).toList());
        assertThat(config.path("//").asText()).contains("does not push them").contains("/BillingAdmin, /Everyone.");
        assertThat(config.path("variable").path("identity_center_region").path("default").asText()).isEqualTo("eu-west-1");
        assertThat(config.path("resource").path("aws_ssoadmin_permission_set").has("Billing")).as("assigned to a group not pushed only").isFalse();

        JsonNode template = download(demo.admin().send("GET", realm + "/aws/identity-center/iac/cloudformation", null), "kcaws-" + PUSH + "-identity-center.cfn.json");
        List<String> notPushed = new ArrayList<>();
        template.path("Metadata").path("kcaws").path("groupsNotPushed").forEach(g -> notPushed.add(g.asText()));
        assertThat(notPushed).containsExactly("/BillingAdmin", "/Everyone");
        List<String> parameters = new ArrayList<>();
        template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
        assertThat(parameters).containsExactly("InstanceArn", "GroupDevOpsId", "GroupDevelopersId");

        demo.admin().expect(204, "DELETE", realm + "/aws/identity-center/scim", null);
        ApiResponse withoutPush = demo.admin().send("GET", realm + "/aws/identity-center/iac/terraform", null);
        assertThat(withoutPush.header("X-Kcaws-Groups-Not-Pushed").orElse("")).as("no push: every group").isEqualTo("0");
        assertThat(tfAssignments(download(withoutPush, "kcaws-" + PUSH + "-identity-center.tf.json"))).hasSize(DEMO_ASSIGNMENTS.size());
    }

    /** The downloads name the realm's groups: view-realm alone is not enough, viewing every group is needed too (as Keycloak's group list). */
    @Test
    void viewRealmAndViewingGroupsAreNeeded() {
        demo.admin().createRealm(DemoRealm.copyNamed(PERMS));
        AdminApi viewer = RealmAdmins.create(demo.server(), PERMS, "viewer", "view-realm");
        AdminApi groupViewer = RealmAdmins.create(demo.server(), PERMS, "group-viewer", "view-realm", "view-users");
        AdminApi usersOnly = RealmAdmins.create(demo.server(), PERMS, "users-only", "view-users");
        String ic = "/admin/realms/" + PERMS + "/aws/identity-center/iac/";
        for (String kind : List.of("terraform", "cloudformation")) {
            assertThat(viewer.send("GET", ic + kind, null).status()).as(kind).isEqualTo(403);
            assertThat(usersOnly.send("GET", ic + kind, null).status()).as(kind).isEqualTo(403);
            assertThat(groupViewer.send("GET", ic + kind, null).status()).as(kind).isEqualTo(200);
        }
        assertThat(viewer.send("GET", "/admin/realms/" + PERMS + "/aws/iac/terraform", null).status()).as("the IAM side names no group").isEqualTo(200);
    }

    /** What the model allows and Identity Center does not: 409 naming it, both formats; what Identity Center can take comes through. */
    @Test
    void aRealmIdentityCenterCannotTakeIsRefusedNamingWhatToChange() {
        demo.admin().createRealm(DemoRealm.copyNamed(COPY));
        String ic = COPY_API + "/identity-center/iac/";

        // A user's own assignment is counted, not generated; a group holding access through a composite role is assigned.
        demo.admin().expect(201, "POST", COPY_API + "/assignments", Map.of("user", "dave", "accountId", "111111111111", "permissionSet", "PowerUserAccess"));
        String realm = "/admin/realms/" + COPY;
        String model = demo.admin().findClientByClientId(COPY, "aws-access").orElseThrow().path("id").asText();
        demo.admin().expect(201, "POST", realm + "/clients/" + model + "/roles", Map.of("name", "access:222222222222:Billing"));
        JsonNode accessRole = demo.admin().expect(200, "GET", realm + "/clients/" + model + "/roles/access:222222222222:Billing", null).json();
        demo.admin().expect(201, "POST", realm + "/roles", Map.of("name", "finance"));
        demo.admin().expect(204, "POST", realm + "/roles/finance/composites", List.of(accessRole));
        JsonNode finance = demo.admin().expect(200, "GET", realm + "/roles/finance", null).json();
        demo.admin().expect(204, "POST", realm + "/groups/" + demo.admin().findGroupId(COPY, "/BillingAdmin").orElseThrow() + "/role-mappings/realm", List.of(finance));
        ApiResponse withExtras = demo.admin().send("GET", ic + "terraform", null);
        assertThat(withExtras.header("X-Kcaws-User-Assignments-Left-Out").orElse("")).isEqualTo("1");
        JsonNode config = download(withExtras, "kcaws-" + COPY + "-identity-center.tf.json");
        assertThat(tfAssignments(config)).contains("BillingAdmin 222222222222 Billing").doesNotContain("null 111111111111 PowerUserAccess")
                .hasSize(DEMO_ASSIGNMENTS.size() + 1);
        assertThat(config.path("//").asText()).contains("1 assignment(s) of single users are not generated");

        // Two assigned groups of one name: Identity Center would hold one group for both.
        String devops = demo.admin().findGroupId(COPY, "/DevOps").orElseThrow();
        demo.admin().expect(201, "POST", realm + "/groups/" + devops + "/children", Map.of("name", "Everyone"));
        demo.admin().expect(201, "POST", COPY_API + "/assignments", Map.of("group", "/DevOps/Everyone", "accountId", "111111111111", "permissionSet", "Billing"));
        for (String kind : List.of("terraform", "cloudformation")) {
            ApiResponse refused = demo.admin().send("GET", ic + kind, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("field").asText()).isEqualTo("group");
            assertThat(refused.json().path("errorMessage").asText()).contains("/Everyone").contains("/DevOps/Everyone");
        }
        assertThat(demo.admin().send("GET", ic + "terraform?accountId=333333333333", null).status()).as("an account without the clash").isEqualTo(200);
        demo.admin().expect(204, "DELETE", COPY_API + "/assignments?group=%2FDevOps%2FEveryone&accountId=111111111111&permissionSet=Billing", null);
        assertThat(demo.admin().send("GET", ic + "terraform", null).status()).isEqualTo(200);

        // A session shorter than Identity Center's hour: fine for direct IAM federation, refused here naming the set.
        JsonNode billing = demo.admin().expect(200, "GET", COPY_API + "/permission-sets/Billing", null).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) billing).put("sessionDuration", 900);
        demo.admin().expect(200, "PUT", COPY_API + "/permission-sets/Billing", billing);
        for (String kind : List.of("terraform", "cloudformation")) {
            ApiResponse refused = demo.admin().send("GET", ic + kind, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("field").asText()).isEqualTo("permissionSet.sessionDuration");
            assertThat(refused.json().path("errorMessage").asText()).contains("permission set Billing").contains("1 to 12 hours");
        }
        assertThat(demo.admin().send("GET", COPY_API + "/iac/terraform?accountId=111111111111", null).status()).as("direct federation takes it").isEqualTo(200);
        assertThat(demo.admin().send("GET", ic + "terraform?accountId=333333333333", null).status()).as("Billing is not assigned there").isEqualTo(200);
    }
}
