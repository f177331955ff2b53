package dev.kcaws.admin;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.iac.AccountPermissionSets;
import dev.kcaws.iac.DeployCommands;

import java.util.List;

/**
 * How one account's IAM code is deployed: the permission sets it holds a role for, the names of
 * its CloudFormation and Terraform downloads ({@code /aws/iac/cloudformation?accountId=} and
 * {@code /aws/iac/terraform?accountId=}) and the command that deploys each (see {@link DeployCommands}).
 */
public record AccountDeploymentRepresentation(String accountId, String accountName, List<String> permissionSets,
                                              String cloudFormationFile, String cloudFormationCommand,
                                              String terraformFile, String terraformCommand) {

    static AccountDeploymentRepresentation of(String realmName, AwsAccount account, List<String> permissionSets) {
        String cfn = DeployCommands.cloudFormationFile(realmName, account);
        String tf = DeployCommands.terraformFile(realmName, account);
        return new AccountDeploymentRepresentation(account.id().value(), account.name(), permissionSets.stream().sorted().toList(),
                cfn, DeployCommands.cloudFormation(cfn), tf, DeployCommands.terraformOfFile(tf, account));
    }

    static AccountDeploymentRepresentation of(String realmName, AccountPermissionSets code) {
        return of(realmName, code.account(), code.permissionSets().stream().map(s -> s.name().value()).toList());
    }
}
