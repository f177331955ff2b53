package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;

import java.util.List;

/**
 * The IAM side of one account as a CloudFormation template (JSON): the realm's SAML provider
 * ({@code AWS::IAM::SAMLProvider}, named like the account's {@code samlProvider}) and one
 * {@code AWS::IAM::Role} per permission set assigned in the account, named exactly like the set
 * (the bundle's documented rule), trusting the provider by {@code {"Ref": ...}} (a SAML
 * provider's Ref is its ARN, and the reference makes CloudFormation create it first).
 *
 * <p>Roles have fixed names, so the stack needs {@code CAPABILITY_NAMED_IAM}.
 *
 * <p>CloudFormation evaluates nothing in a plain string value (only inside {@code Fn::Sub}, which
 * the template does not use), but it runs any object whose key is {@code Ref} or {@code Fn::…} as
 * an intrinsic function, wherever it is under {@code Properties}. So data is written only as
 * string values, never as a key, except the inline policy document, which
 * {@link #dataDocument} admits only without such keys (the model refuses them already).
 */
public final class CloudFormationTemplate {

    public static final String PROVIDER_ID = "SamlProvider";

    private CloudFormationTemplate() {
    }

    /** The logical ID of a set's role: {@code Role} and the set's name in letters and digits only. */
    public static String roleId(PermissionSet set) {
        return "Role" + IamNames.identifier(set.name().value());
    }

    public static ObjectNode of(RealmIdentityProvider idp, AccountPermissionSets roles) {
        AwsAccount account = roles.account();
        ObjectNode template = Json.MAPPER.createObjectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", IamNames.templateDescription("IAM side of AWS sign-in through Keycloak realm " + idp.realmName()
                + " for account " + account.id() + " (" + account.name() + "): SAML provider " + account.samlProvider()
                + " and one role per permission set assigned there. Deploy in account " + account.id()
                + " only, with CAPABILITY_NAMED_IAM."));
        ObjectNode meta = template.putObject("Metadata").putObject("kcaws");
        meta.put("realm", idp.realmName());
        meta.put("accountId", account.id().value());
        meta.put("accountName", account.name());
        meta.put("partition", account.partition().id());

        ObjectNode resources = template.putObject("Resources");
        ObjectNode provider = resources.putObject(PROVIDER_ID);
        provider.put("Type", "AWS::IAM::SAMLProvider");
        ObjectNode providerProps = provider.putObject("Properties");
        providerProps.put("Name", account.samlProvider().value());
        providerProps.put("SamlMetadataDocument", idp.metadataXml());

        ObjectNode trust = TrustPolicy.forPartition(account.partition(), idp.clients())
                .document(Json.MAPPER.createObjectNode().put("Ref", PROVIDER_ID));
        for (PermissionSet set : roles.permissionSets()) {
            ObjectNode role = resources.putObject(roleId(set));
            role.put("Type", "AWS::IAM::Role");
            ObjectNode props = role.putObject("Properties");
            props.put("RoleName", set.name().iamRoleName());
            props.put("Description", IamNames.roleDescription(set, idp.realmName()));
            props.set("AssumeRolePolicyDocument", trust.deepCopy());
            props.put("MaxSessionDuration", IamNames.maxSessionDuration(set));
            if (!set.managedPolicies().isEmpty()) {
                ArrayNode arns = props.putArray("ManagedPolicyArns");
                for (ManagedPolicyArn arn : set.managedPolicies()) {
                    arns.add(IamNames.policyArnIn(arn, account.partition()));
                }
            }
            if (set.inlinePolicy() != null) {
                ObjectNode policy = props.putArray("Policies").addObject();
                policy.put("PolicyName", IamNames.inlinePolicyName(set));
                policy.set("PolicyDocument", dataDocument(Json.parse(set.inlinePolicy().json())));
            }
            if (set.permissionsBoundary() != null) {
                props.put("PermissionsBoundary", IamNames.policyArnIn(set.permissionsBoundary(), account.partition()));
            }
        }

        ObjectNode output = template.putObject("Outputs").putObject("SamlProviderArn");
        output.put("Description", "The SAML provider's ARN (the second half of each AWS Role attribute value)");
        output.putObject("Value").put("Ref", PROVIDER_ID);
        return template;
    }

    /** A JSON document from data, placed in the template as is: refused if CloudFormation would run part of it. */
    static JsonNode dataDocument(JsonNode document) {
        if (InlinePolicy.hasIntrinsicFunction(document)) {
            throw new IllegalArgumentException("a policy document with a Ref or Fn:: key would be run by CloudFormation");
        }
        return document;
    }

    /**
     * Every account's template, by account ID: CloudFormation deploys a stack in one account, so
     * each account gets its own. (A StackSet would deploy one template to many accounts, but the
     * roles differ per account, since different permission sets are assigned in each; deploy each
     * template as a stack in its account instead.)
     */
    public static ObjectNode forAccounts(RealmIdentityProvider idp, List<AccountPermissionSets> accounts) {
        ObjectNode all = Json.MAPPER.createObjectNode();
        for (AccountPermissionSets roles : accounts) {
            all.set(roles.account().id().value(), of(idp, roles));
        }
        return all;
    }
}
