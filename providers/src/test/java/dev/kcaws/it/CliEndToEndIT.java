package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.testsupport.DeviceSignIn;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.cli.KcawsAwsHome;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kcaws-aws end to end, as a user runs it: the released wrapper and jar (installed in a directory
 * whose name has a space) sign in with the device grant, approved on Keycloak's own pages; write
 * the AWS CLI's profiles; answer the real AWS CLI's credential_process (Debian's awscli) with
 * credentials the real server bought from the AWS-like STS, once (the second call is the cache's);
 * the AWS CLI's {@code sts get-caller-identity} is answered for them. When the assignment is
 * removed with the admin API, {@code configure} removes the profile and {@code credentials} says
 * in one line what to do; so does every call once an admin has signed the user out at Keycloak.
 */
class CliEndToEndIT {
    static final String PROFILE = "acme-staging/PowerUserAccess";
    static final String OTHERS = "# mine\n[default]\nregion = us-east-1\n\n[profile mine]\nregion = ap-south-1\n";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy("cli-end-to-end").withSts();

    @TempDir
    Path temp;

    @BeforeAll
    static void coraHoldsStagingPowerUser() {
        realm.createUsers("cora");
        realm.admin().expect(201, "POST", realm.api("/assignments"),
                Map.of("user", "cora", "accountId", "222222222222", "permissionSet", "PowerUserAccess"));
    }

    @Test
    void loginConfigureCredentialsAwsCliAndRemoval() throws Exception {
        KcawsAwsHome user = KcawsAwsHome.install(temp);
        Files.createDirectories(user.awsConfig().getParent());
        Files.writeString(user.awsConfig(), OTHERS);

        // login: the device grant, approved in a browser session on Keycloak's verification and login pages
        KcawsAwsHome.Run login = user.login(address -> DeviceSignIn.approve(new BrowserSession(), address, "cora", "cora"),
                "login", "--url", realm.url());
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.err()).contains("Signed in to " + realm.url());
        assertThat(login.out()).isEmpty();
        assertThat(mode(user.tokenDir())).isEqualTo("rwx------");
        try (var files = Files.list(user.tokenDir())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()).singleElement()
                    .satisfies(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        }

        // configure: one profile for the one role, the user's own profiles and comments untouched
        KcawsAwsHome.Run configure = user.kcawsAws("configure", "--url", realm.url());
        assertThat(configure.exit()).as(configure.err()).isZero();
        assertThat(configure.out()).contains("added profile " + PROFILE);
        String config = Files.readString(user.awsConfig());
        assertThat(config).startsWith(OTHERS).contains("[profile " + PROFILE + "]\n")
                .contains("credential_process = '" + user.wrapper() + "' credentials --url " + realm.url()
                        + " --account 222222222222 --permission-set PowerUserAccess\n")
                .contains("region = us-east-1\n");

        // credentials: one STS call, then the cache
        int stsCalls = realm.sts().acceptedCalls().size();
        KcawsAwsHome.Run first = user.kcawsAws("credentials", "--url", realm.url(), "--account", "222222222222", "--permission-set", "PowerUserAccess");
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode creds = new ObjectMapper().readTree(first.out());
        assertThat(creds.path("Version").asInt()).isEqualTo(1);
        assertThat(creds.path("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(creds.path("SecretAccessKey").asText()).isNotEmpty();
        assertThat(creds.path("SessionToken").asText()).isNotEmpty();
        assertThat(creds.path("Expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(realm.sts().acceptedCalls()).hasSize(stsCalls + 1);
        assertThat(realm.sts().acceptedCalls().get(stsCalls).roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess");
        KcawsAwsHome.Run second = user.kcawsAws("credentials", "--url", realm.url(), "--account", "222222222222", "--permission-set", "PowerUserAccess");
        assertThat(second.exit()).isZero();
        assertThat(new ObjectMapper().readTree(second.out())).isEqualTo(creds);
        assertThat(realm.sts().acceptedCalls()).as("the second call is served from the cache").hasSize(stsCalls + 1);
        assertThat(mode(user.cacheDir())).isEqualTo("rwx------");

        // the real AWS CLI: reads the profile, runs the process, and STS answers for its credentials
        KcawsAwsHome.Run list = user.aws("configure", "list", "--profile", PROFILE);
        assertThat(list.exit()).as(list.err()).isZero();
        String keyEnd = creds.path("AccessKeyId").asText().substring(16);
        assertThat(list.out()).containsPattern("access_key\\s+\\*+" + keyEnd + "\\s+custom-process")
                .containsPattern("region\\s+us-east-1\\s+config-file");
        KcawsAwsHome.Run identity = user.aws("sts", "get-caller-identity", "--profile", PROFILE, "--endpoint-url", realm.sts().endpoint().toString(),
                "--output", "json");
        assertThat(identity.exit()).as(identity.err()).isZero();
        JsonNode caller = new ObjectMapper().readTree(identity.out());
        assertThat(caller.path("Account").asText()).isEqualTo("222222222222");
        assertThat(caller.path("Arn").asText()).startsWith("arn:aws:sts::222222222222:assumed-role/PowerUserAccess/");
        assertThat(realm.sts().callerIdentityCalls()).contains(caller.path("Arn").asText());
        assertThat(realm.sts().acceptedCalls()).as("the AWS CLI's runs were served from the cache too").hasSize(stsCalls + 1);

        // the assignment removed: configure removes the profile, credentials refuses in one line
        realm.admin().expect(204, "DELETE", realm.api("/assignments?user=cora&accountId=222222222222&permissionSet=PowerUserAccess"), null);
        KcawsAwsHome.Run reconfigure = user.kcawsAws("configure", "--url", realm.url());
        assertThat(reconfigure.exit()).as(reconfigure.err()).isZero();
        assertThat(reconfigure.out()).contains("removed profile " + PROFILE);
        assertThat(Files.readString(user.awsConfig())).isEqualTo(OTHERS);
        KcawsAwsHome.Run refused = user.kcawsAws("credentials", "--url", realm.url(), "--account", "222222222222", "--permission-set", "PowerUserAccess");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("kcaws-aws: you no longer hold PowerUserAccess in account 222222222222; run: kcaws-aws configure --url "
                + realm.url() + "\n");
        assertThat(realm.sts().acceptedCalls()).hasSize(stsCalls + 1);

        // the sign-in ended at Keycloak (an admin signs cora out): the refresh is refused, and the CLI says in one line what to do
        realm.admin().expect(204, "POST", "/admin/realms/" + realm.name() + "/users/" + realm.userId("cora") + "/logout", null);
        KcawsAwsHome.Run ended = user.kcawsAws("configure", "--url", realm.url());
        assertThat(ended.exit()).isEqualTo(1);
        assertThat(ended.out()).isEmpty();
        assertThat(ended.err()).isEqualTo("kcaws-aws: your sign-in to " + realm.url() + " has expired; run: kcaws-aws login --url " + realm.url() + "\n");
        assertThat(Files.readString(user.awsConfig())).as("a failed configure leaves the file alone").isEqualTo(OTHERS);

        // logout forgets the sign-in: the next call says to log in
        KcawsAwsHome.Run logout = user.kcawsAws("logout", "--url", realm.url());
        assertThat(logout.exit()).as(logout.err()).isZero();
        KcawsAwsHome.Run afterLogout = user.kcawsAws("configure", "--url", realm.url());
        assertThat(afterLogout.exit()).isEqualTo(1);
        assertThat(afterLogout.err()).isEqualTo("kcaws-aws: you are not signed in to " + realm.url() + "; run: kcaws-aws login --url " + realm.url() + "\n");
        assertThat(Files.readString(realm.server().logFile())).as("the credentials are never logged")
                .doesNotContain(creds.path("SecretAccessKey").asText()).doesNotContain(creds.path("SessionToken").asText());
    }

    static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
