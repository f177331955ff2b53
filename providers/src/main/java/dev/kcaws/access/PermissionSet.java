package dev.kcaws.access;

import dev.kcaws.aws.AwsLimits;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.PermissionSetDescription;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SessionDuration;

import java.util.List;

/** What a user may do in an account: an IAM role of the same name in every account it is assigned in. */
public record PermissionSet(PermissionSetName name, String description, SessionDuration sessionDuration,
                            ConsoleDestination relayState, List<ManagedPolicyArn> managedPolicies,
                            InlinePolicy inlinePolicy, ManagedPolicyArn permissionsBoundary) {

    public PermissionSet {
        if (name == null) {
            throw new AwsRuleViolation("permissionSet.name", AwsRule.REQUIRED);
        }
        if (description != null) {
            description = new PermissionSetDescription(description).value();
        }
        if (sessionDuration == null) {
            sessionDuration = SessionDuration.ONE_HOUR;
        }
        managedPolicies = managedPolicies == null ? List.of() : List.copyOf(managedPolicies);
        if (managedPolicies.size() > AwsLimits.MAX_MANAGED_POLICIES) {
            throw new AwsRuleViolation("permissionSet.managedPolicies", AwsRule.MANAGED_POLICIES_MAX, AwsLimits.MAX_MANAGED_POLICIES);
        }
    }
}
