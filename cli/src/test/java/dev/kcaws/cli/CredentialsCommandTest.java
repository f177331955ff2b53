package dev.kcaws.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code credentials} and {@code configure} through {@link Main}, against a scripted realm. */
class CredentialsCommandTest {
    static final String CREDS = "{\"Version\":1,\"AccessKeyId\":\"ASIAFAKE\",\"SecretAccessKey\":\"secret-1\",\"SessionToken\":\"tok\","
            + "\"Expiration\":\"2026-11-30T17:00:00Z\"}";

    @TempDir
    Path home;
    FakeKeycloak keycloak;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
        keycloak.reply("/protocol/openid-connect/token", 200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-2\"}");
        new TokenStore(Places.from(Map.of(), home).tokens()).save(keycloak.url(), "rt-1");
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    int run(String now, String... args) {
        out.reset();
        err.reset();
        Main main = new Main(Map.of(SelfCommand.ENV, "/opt/kcaws/kcaws-aws"), home, new KeycloakHttp(),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC), d -> { }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return main.run(args);
    }

    int credentials(String now) {
        return run(now, "credentials", "--url", keycloak.url().value(), "--account", "222222222222", "--permission-set", "PowerUserAccess");
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exchangesOnceThenServesFromTheCacheUntilFiveMinutesBeforeExpiry() {
        keycloak.reply("/aws/cli/credentials", 200, CREDS);
        assertThat(credentials("2026-11-30T16:00:00Z")).isZero();
        assertThat(Json.parseObject(out())).containsEntry("AccessKeyId", "ASIAFAKE").containsEntry("Version", 1L);
        assertThat(err()).isEmpty();
        var exchange = keycloak.requestsTo("/aws/cli/credentials").get(0);
        assertThat(exchange.authorization()).isEqualTo("Bearer at-1");
        assertThat(exchange.form()).containsEntry("account", "222222222222").containsEntry("permissionSet", "PowerUserAccess");
        assertThat(keycloak.requestsTo("/protocol/openid-connect/token").get(0).form())
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "rt-1").containsEntry("client_id", "aws-cli");
        assertThat(new TokenStore(Places.from(Map.of(), home).tokens()).refreshToken(keycloak.url())).as("rotated token stored").isEqualTo("rt-2");

        assertThat(credentials("2026-11-30T16:54:00Z")).isZero();
        assertThat(out().strip()).isEqualTo(CREDS);
        assertThat(keycloak.requestsTo("/aws/cli/credentials")).as("cache hit").hasSize(1);

        assertThat(credentials("2026-11-30T16:55:00Z")).isZero();
        assertThat(keycloak.requestsTo("/aws/cli/credentials")).as("5 minutes before expiry: a new exchange").hasSize(2);
    }

    @Test
    void aRemovedRoleSaysToReconfigureInOneLine() {
        keycloak.reply("/aws/cli/credentials", 403, "{\"error\":\"access_denied\",\"error_description\":\"You do not hold this role.\"}");
        assertThat(credentials("2026-11-30T16:00:00Z")).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("kcaws-aws: you no longer hold PowerUserAccess in account 222222222222; run: kcaws-aws configure --url "
                + keycloak.url() + "\n");
    }

    @Test
    void anExpiredSignInSaysToLogInAgainInOneLine() {
        keycloak.close();
        try {
            keycloak = new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new TokenStore(Places.from(Map.of(), home).tokens()).save(keycloak.url(), "rt-old");
        keycloak.reply("/protocol/openid-connect/token", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}");
        assertThat(credentials("2026-11-30T16:00:00Z")).isEqualTo(1);
        assertThat(err()).isEqualTo("kcaws-aws: your sign-in to " + keycloak.url() + " has expired; run: kcaws-aws login --url " + keycloak.url() + "\n");
        assertThat(keycloak.requestsTo("/aws/cli/credentials")).isEmpty();

        keycloak.reply("/protocol/openid-connect/token", 200, "{\"access_token\":\"at-1\"}");
        keycloak.reply("/aws/cli/credentials", 401, "{\"error\":\"invalid_token\"}");
        assertThat(credentials("2026-11-30T16:00:00Z")).isEqualTo(1);
        assertThat(err()).contains("has expired; run: kcaws-aws login --url ");
    }

    @Test
    void notSignedInAndWrongInputAreOneLineToo() {
        assertThat(run("2026-11-30T16:00:00Z", "credentials", "--url", "https://sso.example.com/realms/x", "--account", "222222222222",
                "--permission-set", "P")).isEqualTo(1);
        assertThat(err()).isEqualTo("kcaws-aws: you are not signed in to https://sso.example.com/realms/x; run: kcaws-aws login --url https://sso.example.com/realms/x\n");
        assertThat(run("2026-11-30T16:00:00Z", "credentials", "--url", keycloak.url().value(), "--account", "22", "--permission-set", "P")).isEqualTo(2);
        assertThat(err()).startsWith("kcaws-aws: --account must be a 12-digit AWS account ID").doesNotContain("\n\n");
        assertThat(run("2026-11-30T16:00:00Z", "frobnicate")).isEqualTo(2);
        assertThat(run("2026-11-30T16:00:00Z", "--help")).isZero();
        assertThat(out()).contains("kcaws-aws login --url");
    }

    @Test
    void configureWritesAProfilePerRoleAndRemovesThemWhenTheRolesGo() throws Exception {
        Path config = home.resolve(".aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\nregion = us-east-1\n");
        keycloak.reply("/aws/cli/roles", 200, "{\"roles\":[{\"accountId\":\"222222222222\",\"accountName\":\"acme-prod\",\"permissionSet\":\"PowerUserAccess\","
                + "\"region\":\"eu-west-1\",\"partition\":\"aws\",\"sessionDuration\":3600,\"notAfter\":\"2026-12-01T00:00:00Z\"}]}")
                .reply("/aws/cli/roles", 200, "{\"roles\":[]}");
        assertThat(run("2026-11-30T16:00:00Z", "configure", "--url", keycloak.url().value())).isZero();
        assertThat(out()).contains("added profile acme-prod/PowerUserAccess")
                .contains("access of profile acme-prod/PowerUserAccess ends at 2026-12-01T00:00:00Z");
        assertThat(Files.readString(config)).isEqualTo("[default]\nregion = us-east-1\n\n[profile acme-prod/PowerUserAccess]\n"
                + "credential_process = /opt/kcaws/kcaws-aws credentials --url " + keycloak.url() + " --account 222222222222 --permission-set PowerUserAccess\n"
                + "region = eu-west-1\n");

        keycloak.reply("/aws/cli/credentials", 200, CREDS).reply("/aws/cli/credentials", 403, "{\"error\":\"access_denied\"}");
        assertThat(credentials("2026-11-30T16:00:00Z")).isZero();

        assertThat(run("2026-11-30T16:00:00Z", "configure", "--url", keycloak.url().value())).isZero();
        assertThat(out()).contains("removed profile acme-prod/PowerUserAccess");
        assertThat(Files.readString(config)).isEqualTo("[default]\nregion = us-east-1\n");
        assertThat(credentials("2026-11-30T16:00:00Z")).as("the cached credentials of a role gone are dropped").isEqualTo(1);
        assertThat(err()).contains("you no longer hold PowerUserAccess in account 222222222222; run: kcaws-aws configure");
    }

    /** A server's values reach ~/.aws/config only in AWS's own formats: a newline cannot add config lines. */
    @Test
    void configureSkipsARoleWhoseValuesCouldInjectConfigLines() throws Exception {
        Path config = home.resolve(".aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\nregion = us-east-1\n");
        keycloak.reply("/aws/cli/roles", 200, "{\"roles\":["
                + "{\"accountId\":\"222222222222\",\"accountName\":\"acme-prod\",\"permissionSet\":\"PowerUserAccess\",\"partition\":\"aws\","
                + "\"region\":\"eu-west-1\\n[profile evil]\\ncredential_process = /bin/sh -c id\"},"
                + "{\"accountId\":\"222222222222\\ncredential_process = /bin/sh\",\"accountName\":\"x\",\"permissionSet\":\"ReadOnlyAccess\"},"
                + "{\"accountId\":\"222222222222\",\"accountName\":\"acme-prod\",\"permissionSet\":\"Admin\\nregion = x\"},"
                + "{\"accountId\":\"111111111111\",\"accountName\":\"acme-dev\",\"permissionSet\":\"ReadOnlyAccess\",\"region\":\"us-gov-west-1\","
                + "\"partition\":\"aws-us-gov\"}]}");
        assertThat(run("2026-11-30T16:00:00Z", "configure", "--url", keycloak.url().value())).isZero();
        String written = Files.readString(config);
        assertThat(written).doesNotContain("evil").doesNotContain("/bin/sh").doesNotContain("region = x");
        assertThat(written).isEqualTo("[default]\nregion = us-east-1\n\n[profile acme-dev/ReadOnlyAccess]\n"
                + "credential_process = /opt/kcaws/kcaws-aws credentials --url " + keycloak.url() + " --account 111111111111 --permission-set ReadOnlyAccess\n"
                + "region = us-gov-west-1\n");
        assertThat(err().lines().toList()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("kcaws-aws: skipped a role"));
        assertThat(err()).contains("its region \"eu-west-1\\n[profile evil]\\n").contains("is not an AWS region name")
                .contains("its account ID").contains("its permission set");
    }

    /** Anything unforeseen still ends in one line and a non-zero status, not a stack trace; the trace only with KCAWS_AWS_DEBUG=1. */
    @Test
    void anUnexpectedFailureIsOneLine() {
        keycloak.reply("/aws/cli/credentials", 200, "[".repeat(100_000));
        assertThat(credentials("2026-11-30T16:00:00Z")).isEqualTo(1);
        assertThat(err().lines().toList()).hasSize(1);
        assertThat(err()).startsWith("kcaws-aws: ");

        Main failing = new Main(Map.of(), home, new KeycloakHttp() {
            @Override
            public Answer get(java.net.URI uri, String bearer) {
                throw new UnsupportedOperationException("'posix:permissions' not supported as initial attribute");
            }
        }, Clock.systemUTC(), d -> { }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        err.reset();
        assertThat(failing.run("configure", "--url", keycloak.url().value())).isEqualTo(1);
        assertThat(err().lines().toList()).hasSize(1);
        assertThat(err()).startsWith("kcaws-aws: unexpected failure: java.lang.UnsupportedOperationException: 'posix:permissions' not supported")
                .contains("KCAWS_AWS_DEBUG=1");
    }
}
