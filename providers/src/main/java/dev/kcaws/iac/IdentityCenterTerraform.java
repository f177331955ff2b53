package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.IdentityCenterRules;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.iac.IdentityCenterModel.Group;
import dev.kcaws.iac.IdentityCenterNames.Policies;
import dev.kcaws.iac.IdentityCenterNames.PolicyReference;

/**
 * The realm's permission sets and group assignments as a Terraform configuration (JSON syntax,
 * a {@code *.tf.json} file) for one IAM Identity Center instance, applied with credentials of the
 * organization's management account (or Identity Center's delegated administrator):
 * <ul>
 *   <li>{@code data "aws_ssoadmin_instances"} gives the instance ARN and identity store ID;</li>
 *   <li>one {@code aws_ssoadmin_permission_set} per set, and per set
 *       {@code aws_ssoadmin_managed_policy_attachment} (AWS managed policies),
 *       {@code aws_ssoadmin_customer_managed_policy_attachment} (customer managed: by name and path),
 *       {@code aws_ssoadmin_permission_set_inline_policy} and
 *       {@code aws_ssoadmin_permissions_boundary_attachment} where the set has them;</li>
 *   <li>one {@code data "aws_identitystore_group"} per group, found by {@code DisplayName} (the
 *       Keycloak group's name, what the SCIM push sends), and one
 *       {@code aws_ssoadmin_account_assignment} per (group, account, set).</li>
 * </ul>
 * The instance's region is the variable {@value #REGION_VARIABLE}: the realm does not know it.
 * Data strings are escaped as in {@link TerraformConfiguration} ({@link TerraformJson#literal}).
 */
public final class IdentityCenterTerraform {

    public static final String REGION_VARIABLE = "identity_center_region";
    static final String INSTANCE_ARN = "local.instance_arn";
    static final String IDENTITY_STORE_ID = "local.identity_store_id";

    private IdentityCenterTerraform() {
    }

    /** The resource name of a set's permission set (and of its inline policy and boundary). */
    public static String permissionSetName(PermissionSet set) {
        return IamNames.terraformName(set.name().value());
    }

    /** The data source name of a group. */
    public static String groupName(Group group) {
        return IamNames.terraformName(IdentityCenterNames.groupKey(group));
    }

    /** The resource name of an assignment: set, account, group. */
    public static String assignmentName(Assignment assignment) {
        return IamNames.terraformName(IdentityCenterNames.assignmentKey(assignment));
    }

    public static ObjectNode of(IdentityCenterModel model) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("//", "IAM Identity Center permission sets and group assignments of Keycloak realm " + model.realmName()
                + " (partition " + model.partition() + ", accounts " + String.join(", ", model.accounts().stream().map(a -> a.id().value()).toList())
                + "). Apply with credentials of the organization's management account or Identity Center's delegated administrator,"
                + " after the SCIM push has created the groups. Generated; change the realm, not this file."
                + (model.userAssignmentsLeftOut() == 0 ? "" : " " + model.userAssignmentsLeftOut()
                + " assignment(s) of single users are not generated: assign groups.")
                + (model.groupsNotPushed().isEmpty() ? "" : " Not assigned because the realm's SCIM push does not push them"
                + " (choose them in its settings): " + IdentityCenterNames.listed(model.groupsNotPushed()) + "."));
        config.putObject("terraform").putObject("required_providers").putObject("aws")
                .put("source", "hashicorp/aws").put("version", ">= 5.0");
        ObjectNode region = config.putObject("variable").putObject(REGION_VARIABLE);
        region.put("type", "string");
        region.put("description", "The region of the IAM Identity Center instance (where its settings page is)");
        if (model.instanceRegion() != null) {
            region.put("default", model.instanceRegion().name()); // the SCIM push's endpoint is in the instance's region
        }
        config.putObject("provider").putObject("aws").set("region", TerraformJson.reference("var." + REGION_VARIABLE));

        ObjectNode data = config.putObject("data");
        data.putObject("aws_ssoadmin_instances").putObject("this");
        ObjectNode locals = config.putObject("locals");
        locals.set("instance_arn", TerraformJson.reference("tolist(data.aws_ssoadmin_instances.this.arns)[0]"));
        locals.set("identity_store_id", TerraformJson.reference("tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]"));

        ObjectNode resources = config.putObject("resource");
        ObjectNode sets = Json.MAPPER.createObjectNode();
        ObjectNode managed = Json.MAPPER.createObjectNode();
        ObjectNode customer = Json.MAPPER.createObjectNode();
        ObjectNode inline = Json.MAPPER.createObjectNode();
        ObjectNode boundaries = Json.MAPPER.createObjectNode();
        for (PermissionSet set : model.permissionSets()) {
            String name = permissionSetName(set);
            String setName = set.name().value();
            JsonNode setArn = TerraformJson.reference("aws_ssoadmin_permission_set." + name + ".arn");
            ObjectNode ps = sets.putObject(name);
            ps.put("name", setName);
            String description = IdentityCenterRules.description(setName, set.description());
            if (description != null) {
                ps.put("description", description);
            }
            ps.set("instance_arn", TerraformJson.reference(INSTANCE_ARN));
            ps.put("session_duration", IdentityCenterRules.sessionDuration(setName, set.sessionDuration()));
            if (set.relayState() != null) {
                ps.put("relay_state", IdentityCenterRules.relayState(setName, set.relayState().url()));
            }
            Policies policies = Policies.of(set, model.partition());
            for (String arn : policies.awsManaged()) {
                ObjectNode attachment = managed.putObject(TerraformConfiguration.attachmentName(set, new ManagedPolicyArn(arn)));
                attachment.set("instance_arn", TerraformJson.reference(INSTANCE_ARN));
                attachment.set("permission_set_arn", setArn);
                attachment.put("managed_policy_arn", arn);
            }
            for (PolicyReference reference : policies.customerManaged()) {
                ObjectNode attachment = customer.putObject(IdentityCenterNames.customerAttachmentName(set, reference));
                attachment.set("instance_arn", TerraformJson.reference(INSTANCE_ARN));
                attachment.set("permission_set_arn", setArn);
                reference(attachment.putObject("customer_managed_policy_reference"), reference);
            }
            if (set.inlinePolicy() != null) {
                ObjectNode policy = inline.putObject(name);
                policy.set("instance_arn", TerraformJson.reference(INSTANCE_ARN));
                policy.set("permission_set_arn", setArn);
                policy.set("inline_policy", TerraformJson.document(Json.parse(set.inlinePolicy().json())));
            }
            if (set.permissionsBoundary() != null) {
                ObjectNode boundary = boundaries.putObject(name);
                boundary.set("instance_arn", TerraformJson.reference(INSTANCE_ARN));
                boundary.set("permission_set_arn", setArn);
                ObjectNode policy = boundary.putObject("permissions_boundary");
                if (IdentityCenterNames.isAwsManaged(set.permissionsBoundary())) {
                    policy.put("managed_policy_arn", IdentityCenterNames.awsManagedArn(set.permissionsBoundary(), model.partition()));
                } else {
                    reference(policy.putObject("customer_managed_policy_reference"), PolicyReference.of(set.permissionsBoundary()));
                }
            }
        }

        ObjectNode groups = Json.MAPPER.createObjectNode();
        for (Group group : model.groups()) {
            ObjectNode lookup = groups.putObject(groupName(group));
            lookup.set("identity_store_id", TerraformJson.reference(IDENTITY_STORE_ID));
            ObjectNode unique = lookup.putObject("alternate_identifier").putObject("unique_attribute");
            unique.put("attribute_path", "DisplayName");
            unique.put("attribute_value", group.displayName());
        }
        ObjectNode assignments = Json.MAPPER.createObjectNode();
        for (Assignment a : model.assignments()) {
            ObjectNode assignment = assignments.putObject(assignmentName(a));
            assignment.set("instance_arn", TerraformJson.reference(INSTANCE_ARN));
            assignment.set("permission_set_arn", TerraformJson.reference("aws_ssoadmin_permission_set." + permissionSetName(a.permissionSet()) + ".arn"));
            assignment.set("principal_id", TerraformJson.reference("data.aws_identitystore_group." + groupName(a.group()) + ".group_id"));
            assignment.put("principal_type", "GROUP");
            assignment.put("target_id", a.account().id().value());
            assignment.put("target_type", "AWS_ACCOUNT");
        }
        if (!groups.isEmpty()) {
            data.set("aws_identitystore_group", groups);
        }
        putIfAny(resources, "aws_ssoadmin_permission_set", sets);
        putIfAny(resources, "aws_ssoadmin_managed_policy_attachment", managed);
        putIfAny(resources, "aws_ssoadmin_customer_managed_policy_attachment", customer);
        putIfAny(resources, "aws_ssoadmin_permission_set_inline_policy", inline);
        putIfAny(resources, "aws_ssoadmin_permissions_boundary_attachment", boundaries);
        putIfAny(resources, "aws_ssoadmin_account_assignment", assignments);
        if (resources.isEmpty()) {
            config.remove("resource");
        }
        return (ObjectNode) TerraformJson.literal(config);
    }

    private static void reference(ObjectNode node, PolicyReference reference) {
        node.put("name", reference.name());
        node.put("path", reference.path());
    }

    private static void putIfAny(ObjectNode resources, String type, ObjectNode objects) {
        if (!objects.isEmpty()) {
            resources.set(type, objects);
        }
    }
}
