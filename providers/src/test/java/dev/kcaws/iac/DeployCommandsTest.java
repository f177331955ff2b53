package dev.kcaws.iac;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.SamlProviderName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy commands: one source for the archive's README.txt and the admin page's per-account commands. */
class DeployCommandsTest {

    static final AwsAccount PROD = new AwsAccount(new AccountId("111111111111"), "prod", Partition.AWS, new SamlProviderName("keycloak"), null);

    @Test
    void aSingleAccountsFilesAreDeployedWhereTheArchiveDeploysThem() {
        String cfn = DeployCommands.cloudFormationFile("acme", PROD);
        String tf = DeployCommands.terraformFile("acme", PROD);
        assertThat(cfn).isEqualTo("kcaws-acme-111111111111.cfn.json");
        assertThat(DeployCommands.cloudFormation(cfn))
                .isEqualTo("aws cloudformation deploy --template-file kcaws-acme-111111111111.cfn.json --stack-name kcaws --capabilities CAPABILITY_NAMED_IAM");
        assertThat(DeployCommands.terraformOfFile(tf, PROD)).isEqualTo("mkdir -p 111111111111 && mv kcaws-acme-111111111111.tf.json "
                + "111111111111/main.tf.json && (cd 111111111111 && terraform init && terraform apply)");
        assertThat(DeployCommands.terraformOfFile(tf, PROD)).endsWith(DeployCommands.terraform("111111111111"));
    }

    /** A realm name is the admin's text: in a file name, and so in a shell command, it keeps only safe characters. */
    @Test
    void aRealmNameCannotReachTheShell() {
        assertThat(DeployCommands.cloudFormationFile("a b;rm -rf $HOME`x`'\"", PROD)).isEqualTo("kcaws-a_b_rm_-rf__HOME_x___-111111111111.cfn.json");
        assertThat(DeployCommands.cloudFormation(DeployCommands.cloudFormationFile("아크미", PROD))).contains("kcaws-___-111111111111.cfn.json");
    }
}
