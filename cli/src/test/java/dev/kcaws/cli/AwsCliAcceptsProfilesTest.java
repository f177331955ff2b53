package dev.kcaws.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real AWS CLI (Debian's awscli, {@code /usr/bin/aws}; test.sh installs it) reads the profiles
 * {@code configure} writes and runs their credential_process, here from a directory whose name has
 * a space, for profile names made of odd account names. The realm is scripted; the whole way
 * through Keycloak and STS is {@code providers}' CliEndToEndIT.
 */
class AwsCliAcceptsProfilesTest {
    static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    Path temp;
    Path home;
    Path wrapper;
    FakeKeycloak keycloak;
    String accessKeyId;

    @BeforeEach
    void start() throws Exception {
        assertThat(AWS).as("Debian's awscli must be installed (./test.sh installs it: apt-get install awscli)").isExecutable();
        home = Files.createDirectories(temp.resolve("home dir"));
        // what the real wrapper does, from a directory with a space in its name
        wrapper = Files.createDirectories(home.resolve("my tools")).resolve("kcaws-aws");
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + classes
                + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));

        keycloak = new FakeKeycloak();
        accessKeyId = "ASIAFAKEKEY" + "WXYZ";
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        keycloak.reply("/protocol/openid-connect/token", 200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\"}")
                .reply("/aws/cli/roles", 200, "{\"roles\":["
                        + "{\"accountId\":\"222222222222\",\"accountName\":\"Acme Prod [EU] #1\",\"permissionSet\":\"PowerUserAccess\",\"region\":\"eu-west-1\"},"
                        + "{\"accountId\":\"333333333333\",\"accountName\":\"dev; 'test'\",\"permissionSet\":\"ReadOnly\",\"region\":\"us-east-2\"}]}")
                .reply("/aws/cli/credentials", 200, "{\"Version\":1,\"AccessKeyId\":\"" + accessKeyId + "\",\"SecretAccessKey\":\"secret\","
                        + "\"SessionToken\":\"token\",\"Expiration\":\"" + expiration + "\"}");
        new TokenStore(Places.from(env(), home).tokens()).save(keycloak.url(), "rt-0");
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put(SelfCommand.ENV, wrapper.toString());
        return env;
    }

    record Run(int exit, String out, String err) {
    }

    Run aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().clear();
        builder.environment().putAll(env());
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("aws " + String.join(" ", args) + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    void configure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Main(env(), home, new KeycloakHttp(), Clock.systemUTC(), d -> { }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run("configure", "--url", keycloak.url().value());
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void theAwsCliReadsTheProfilesAndRunsTheirCredentialProcess() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = us-east-1\n\n[profile mine]\nregion = ap-south-1\n");
        configure();

        Run list = aws("configure", "list", "--profile", "Acme-Prod-EU-1/PowerUserAccess");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("access_key\\s+\\*+WXYZ\\s+custom-process")
                .containsPattern("region\\s+eu-west-1\\s+config-file");
        assertThat(keycloak.requestsTo("/aws/cli/credentials")).hasSize(1)
                .allSatisfy(r -> assertThat(r.form()).containsEntry("account", "222222222222").containsEntry("permissionSet", "PowerUserAccess"));

        Run other = aws("configure", "list", "--profile", "dev-test-/ReadOnly");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).containsPattern("region\\s+us-east-2\\s+config-file");
        assertThat(keycloak.requestsTo("/aws/cli/credentials")).hasSize(2);

        Run again = aws("configure", "list", "--profile", "Acme-Prod-EU-1/PowerUserAccess");
        assertThat(again.exit()).isZero();
        assertThat(keycloak.requestsTo("/aws/cli/credentials")).as("the second run is served from the cache").hasSize(2);

        Run mine = aws("configure", "list", "--profile", "mine");
        assertThat(mine.out()).containsPattern("region\\s+ap-south-1\\s+config-file");
    }
}
