package dev.kcaws.iac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;

import java.util.List;

/**
 * The IAM side of one account as a Terraform configuration in JSON syntax (a {@code *.tf.json}
 * file): {@code aws_iam_saml_provider} and one {@code aws_iam_role} per permission set assigned
 * in the account, named exactly like the set. Managed policies are
 * {@code aws_iam_role_policy_attachment} resources and the inline policy an
 * {@code aws_iam_role_policy}: the role's own {@code managed_policy_arns} and {@code inline_policy}
 * arguments are deprecated in the AWS provider since 5.68.
 *
 * <p>The {@code provider "aws"} block carries {@code allowed_account_ids = ["<id>"]}, so the
 * configuration cannot be applied with credentials of another account. Every string is a
 * Terraform template in this syntax, so every data string is escaped ({@link TerraformJson}).
 */
public final class TerraformConfiguration {

    public static final String PROVIDER_NAME = "keycloak";
    static final String PROVIDER_ARN = "aws_iam_saml_provider." + PROVIDER_NAME + ".arn";

    private TerraformConfiguration() {
    }

    /** The resource name of a set's role (and of its inline policy): the set's name in letters and digits. */
    public static String roleName(PermissionSet set) {
        return IamNames.terraformName(set.name().value());
    }

    /** The resource name of one managed policy attachment: {@code <role>_<policy owner and path>}. */
    public static String attachmentName(PermissionSet set, ManagedPolicyArn arn) {
        return roleName(set) + "_" + IamNames.identifier(IamNames.policyKey(arn));
    }

    /** The region the provider talks to IAM through: the account's, else its partition's IAM home region. */
    static String region(AwsAccount account) {
        if (account.region() != null) {
            return account.region().name();
        }
        return account.partition().homeRegion();
    }

    /** Built with data as plain text and the bundle's references as {@link TerraformJson.Template}s; escaped once at the end. */
    public static ObjectNode of(RealmIdentityProvider idp, AccountPermissionSets roles) {
        AwsAccount account = roles.account();
        Partition partition = account.partition();
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("//", "IAM side of AWS sign-in through Keycloak realm " + idp.realmName() + " for account "
                + account.id() + " (" + account.name() + "): SAML provider " + account.samlProvider()
                + " and one role per permission set assigned there. Generated; change the realm, not this file.");
        config.putObject("terraform").putObject("required_providers").putObject("aws")
                .put("source", "hashicorp/aws").put("version", ">= 5.0");
        ObjectNode aws = config.putObject("provider").putObject("aws");
        aws.put("region", region(account));
        aws.putArray("allowed_account_ids").add(account.id().value());

        ObjectNode resources = config.putObject("resource");
        ObjectNode provider = resources.putObject("aws_iam_saml_provider").putObject(PROVIDER_NAME);
        provider.put("name", account.samlProvider().value());
        provider.put("saml_metadata_document", idp.metadataXml());

        JsonNode trust = TerraformJson.document(TrustPolicy.forPartition(partition, idp.clients())
                .document(TerraformJson.reference(PROVIDER_ARN)));
        ObjectNode rolesNode = Json.MAPPER.createObjectNode();
        ObjectNode attachments = Json.MAPPER.createObjectNode();
        ObjectNode inline = Json.MAPPER.createObjectNode();
        for (PermissionSet set : roles.permissionSets()) {
            String name = roleName(set);
            ObjectNode role = rolesNode.putObject(name);
            role.put("name", set.name().iamRoleName());
            role.put("description", IamNames.roleDescription(set, idp.realmName()));
            role.set("assume_role_policy", trust);
            role.put("max_session_duration", IamNames.maxSessionDuration(set));
            if (set.permissionsBoundary() != null) {
                role.put("permissions_boundary", IamNames.policyArnIn(set.permissionsBoundary(), partition));
            }
            for (ManagedPolicyArn arn : set.managedPolicies()) {
                ObjectNode attachment = attachments.putObject(attachmentName(set, arn));
                attachment.set("role", TerraformJson.reference("aws_iam_role." + name + ".name"));
                attachment.put("policy_arn", IamNames.policyArnIn(arn, partition));
            }
            if (set.inlinePolicy() != null) {
                ObjectNode policy = inline.putObject(name).put("name", IamNames.inlinePolicyName(set));
                policy.set("role", TerraformJson.reference("aws_iam_role." + name + ".id"));
                policy.set("policy", TerraformJson.document(Json.parse(set.inlinePolicy().json())));
            }
        }
        if (!rolesNode.isEmpty()) {
            resources.set("aws_iam_role", rolesNode);
        }
        if (!attachments.isEmpty()) {
            resources.set("aws_iam_role_policy_attachment", attachments);
        }
        if (!inline.isEmpty()) {
            resources.set("aws_iam_role_policy", inline);
        }
        config.putObject("output").putObject("saml_provider_arn").set("value", TerraformJson.reference(PROVIDER_ARN));
        return (ObjectNode) TerraformJson.literal(config);
    }

    /** Every account's configuration, by account ID: one configuration (and state) per account. */
    public static ObjectNode forAccounts(RealmIdentityProvider idp, List<AccountPermissionSets> accounts) {
        ObjectNode all = Json.MAPPER.createObjectNode();
        for (AccountPermissionSets roles : accounts) {
            all.set(roles.account().id().value(), of(idp, roles));
        }
        return all;
    }
}
