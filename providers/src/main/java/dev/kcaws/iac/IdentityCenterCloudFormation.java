package dev.kcaws.iac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.IdentityCenterRules;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.iac.IdentityCenterModel.Group;
import dev.kcaws.iac.IdentityCenterNames.Policies;
import dev.kcaws.iac.IdentityCenterNames.PolicyReference;

import java.util.List;

/**
 * The realm's permission sets and group assignments as a CloudFormation template (JSON) for one
 * IAM Identity Center instance: one {@code AWS::SSO::PermissionSet} per set (managed policies,
 * customer managed policy references, inline policy, permissions boundary, session duration,
 * description, relay state) and one {@code AWS::SSO::Assignment} per (group, account, set).
 * Deployed as a stack in the organization's management account (or Identity Center's delegated
 * administrator), in the instance's region.
 *
 * <p>CloudFormation cannot look a group up by its name, so the instance ARN and each group's ID
 * are parameters ({@value #INSTANCE_ARN} and {@code Group<key>Id}), each described with the
 * command that gives it. As in {@link CloudFormationTemplate}, data is written only as plain
 * string values (nothing is evaluated there without {@code Fn::Sub}), except the inline policy
 * document, admitted only without a {@code Ref} or {@code Fn::} key.
 */
public final class IdentityCenterCloudFormation {

    public static final String INSTANCE_ARN = "InstanceArn";
    /** CloudFormation's quotas per template. */
    static final int MAX_RESOURCES = 500;
    static final int MAX_PARAMETERS = 200;
    static final int MAX_PATH_IN_DESCRIPTION = 1000;
    static final String GROUP_ID_PATTERN = "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
    static final String INSTANCE_ARN_PATTERN = "arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}";

    private IdentityCenterCloudFormation() {
    }

    public static String permissionSetId(PermissionSet set) {
        return "PermissionSet" + IdentityCenterNames.setKey(set);
    }

    public static String groupParameter(Group group) {
        return "Group" + IdentityCenterNames.groupKey(group) + "Id";
    }

    public static String assignmentId(Assignment assignment) {
        // Set key, 12-digit account, group key: "ZZZ" never occurs inside an identifier, so the split is unambiguous.
        return "Assignment" + IdentityCenterNames.setKey(assignment.permissionSet()) + assignment.account().id().value()
                + "ZZZ" + IdentityCenterNames.groupKey(assignment.group());
    }

    /** @throws AwsRuleViolation when the template would pass CloudFormation's resource or parameter quota */
    public static ObjectNode of(IdentityCenterModel model) {
        List<PermissionSet> sets = model.permissionSets();
        List<Group> groups = model.groups();
        if (model.assignments().isEmpty()) {
            throw model.accounts().size() == 1
                    ? new AwsRuleViolation("cloudformation", AwsRule.CFN_NOTHING_ASSIGNED_IN_ACCOUNT, model.accounts().get(0).id())
                    : new AwsRuleViolation("cloudformation", AwsRule.CFN_NOTHING_ASSIGNED);
        }
        if (sets.size() + model.assignments().size() > MAX_RESOURCES || groups.size() + 1 > MAX_PARAMETERS) {
            throw new AwsRuleViolation("cloudformation", AwsRule.CFN_TOO_BIG, sets.size(), model.assignments().size(), groups.size());
        }
        ObjectNode template = Json.MAPPER.createObjectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", IamNames.templateDescription("IAM Identity Center permission sets and group assignments of Keycloak realm "
                + model.realmName() + ". Deploy in the organization's management account (or Identity Center's delegated administrator),"
                + " in the instance's region, after the SCIM push has created the groups."));
        ObjectNode meta = template.putObject("Metadata").putObject("kcaws");
        meta.put("realm", model.realmName());
        meta.put("partition", model.partition().id());
        ArrayNode accounts = meta.putArray("accounts");
        model.accounts().forEach(a -> accounts.add(a.id().value()));
        ObjectNode groupMeta = meta.putObject("groups");
        meta.put("userAssignmentsLeftOut", model.userAssignmentsLeftOut());
        ArrayNode notPushed = meta.putArray("groupsNotPushed");
        model.groupsNotPushed().forEach(notPushed::add);

        ObjectNode parameters = template.putObject("Parameters");
        ObjectNode instance = parameters.putObject(INSTANCE_ARN);
        instance.put("Type", "String");
        instance.put("Description", "The ARN of the IAM Identity Center instance: aws sso-admin list-instances --query 'Instances[0].InstanceArn'");
        instance.put("AllowedPattern", INSTANCE_ARN_PATTERN);
        for (Group group : groups) {
            ObjectNode parameter = parameters.putObject(groupParameter(group));
            parameter.put("Type", "String");
            parameter.put("Description", "The Identity Center group ID of Keycloak group " + shortened(group.keycloakPath())
                    + ", pushed with the display name in this template's Metadata (kcaws.groups): aws identitystore get-group-id");
            parameter.put("AllowedPattern", GROUP_ID_PATTERN);
            ObjectNode g = groupMeta.putObject(groupParameter(group));
            g.put("displayName", group.displayName());
            g.put("keycloakPath", group.keycloakPath());
        }

        ObjectNode resources = template.putObject("Resources");
        for (PermissionSet set : sets) {
            String name = set.name().value();
            ObjectNode ps = resources.putObject(permissionSetId(set));
            ps.put("Type", "AWS::SSO::PermissionSet");
            ObjectNode props = ps.putObject("Properties");
            props.putObject("InstanceArn").put("Ref", INSTANCE_ARN);
            props.put("Name", name);
            String description = IdentityCenterRules.description(name, set.description());
            if (description != null) {
                props.put("Description", description);
            }
            props.put("SessionDuration", IdentityCenterRules.sessionDuration(name, set.sessionDuration()));
            if (set.relayState() != null) {
                props.put("RelayStateType", IdentityCenterRules.relayState(name, set.relayState().url()));
            }
            Policies policies = Policies.of(set, model.partition());
            ArrayNode managed = Json.MAPPER.createArrayNode();
            policies.awsManaged().forEach(managed::add);
            ArrayNode customer = Json.MAPPER.createArrayNode();
            policies.customerManaged().forEach(r -> reference(customer.addObject(), r));
            if (!managed.isEmpty()) {
                props.set("ManagedPolicies", managed);
            }
            if (!customer.isEmpty()) {
                props.set("CustomerManagedPolicyReferences", customer);
            }
            if (set.inlinePolicy() != null) {
                props.set("InlinePolicy", CloudFormationTemplate.dataDocument(Json.parse(set.inlinePolicy().json())));
            }
            if (set.permissionsBoundary() != null) {
                ObjectNode boundary = props.putObject("PermissionsBoundary");
                if (IdentityCenterNames.isAwsManaged(set.permissionsBoundary())) {
                    boundary.put("ManagedPolicyArn", IdentityCenterNames.awsManagedArn(set.permissionsBoundary(), model.partition()));
                } else {
                    reference(boundary.putObject("CustomerManagedPolicyReference"), PolicyReference.of(set.permissionsBoundary()));
                }
            }
        }
        for (Assignment a : model.assignments()) {
            ObjectNode assignment = resources.putObject(assignmentId(a));
            assignment.put("Type", "AWS::SSO::Assignment");
            ObjectNode props = assignment.putObject("Properties");
            props.putObject("InstanceArn").put("Ref", INSTANCE_ARN);
            props.putObject("PermissionSetArn").putArray("Fn::GetAtt").add(permissionSetId(a.permissionSet())).add("PermissionSetArn");
            props.putObject("PrincipalId").put("Ref", groupParameter(a.group()));
            props.put("PrincipalType", "GROUP");
            props.put("TargetId", a.account().id().value());
            props.put("TargetType", "AWS_ACCOUNT");
        }
        return template;
    }

    /** A parameter's description holds at most 4000 characters: a long group path is cut (the Metadata has it whole). */
    private static String shortened(String path) {
        if (path.length() <= MAX_PATH_IN_DESCRIPTION) {
            return path;
        }
        int end = Character.isHighSurrogate(path.charAt(MAX_PATH_IN_DESCRIPTION - 1)) ? MAX_PATH_IN_DESCRIPTION - 1 : MAX_PATH_IN_DESCRIPTION;
        return path.substring(0, end) + "...";
    }

    private static void reference(ObjectNode node, PolicyReference reference) {
        node.put("Name", reference.name());
        node.put("Path", reference.path());
    }
}
