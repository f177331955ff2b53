package dev.kcaws.iac;

import dev.kcaws.access.AwsAccount;

/**
 * The commands that deploy one account's IAM code, run with credentials of that account: the one
 * source of these texts for the archive's {@code README.txt} and the admin page (which shows them
 * for one account's downloaded files). The stack name and the Terraform directory (the account ID)
 * are the same either way, so an account deployed from the archive is updated in place from the
 * single files and back. Every file name here is made of {@code [A-Za-z0-9._-]} only (see
 * {@link #fileName}), so the commands need no shell quoting.
 */
public final class DeployCommands {

    /** The CloudFormation stack every account's template is deployed as. */
    static final String STACK_NAME = "kcaws";

    private DeployCommands() {
    }

    /** {@code aws cloudformation deploy} of the template at {@code templateFile}. */
    public static String cloudFormation(String templateFile) {
        return "aws cloudformation deploy --template-file " + templateFile + " --stack-name " + STACK_NAME + " --capabilities CAPABILITY_NAMED_IAM";
    }

    /** {@code terraform apply} in {@code directory}, which holds the account's configuration (and, later, its state). */
    public static String terraform(String directory) {
        return "(cd " + directory + " && terraform init && terraform apply)";
    }

    /**
     * Terraform for the single downloaded {@code *.tf.json} file: moved into the account's own
     * directory first (Terraform reads every configuration file of its working directory).
     */
    public static String terraformOfFile(String configurationFile, AwsAccount account) {
        String directory = account.id().value();
        return "mkdir -p " + directory + " && mv " + configurationFile + " " + directory + "/main.tf.json && " + terraform(directory);
    }

    /** {@code kcaws-<realm>-<account>.cfn.json}: the per-account CloudFormation download's name. */
    public static String cloudFormationFile(String realmName, AwsAccount account) {
        return fileName("kcaws-" + realmName + "-" + account.id().value() + ".cfn.json");
    }

    /** {@code kcaws-<realm>-<account>.tf.json}: the per-account Terraform download's name. */
    public static String terraformFile(String realmName, AwsAccount account) {
        return fileName("kcaws-" + realmName + "-" + account.id().value() + ".tf.json");
    }

    /** A file name with only file-name- and shell-safe characters (others become {@code _}). */
    public static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
