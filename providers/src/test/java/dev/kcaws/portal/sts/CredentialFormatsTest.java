package dev.kcaws.portal.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.SamlProviderName;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFormatsTest {
    private static final Instant EXPIRES = Instant.parse("2026-03-01T13:00:00Z");
    private static final TemporaryCredentials PLAIN = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2Vj+abc/def==", EXPIRES,
            "arn:aws:sts::123456789012:assumed-role/ReadOnly/alice");
    /** Nothing AWS issues, but nothing a shell may run either. */
    private static final TemporaryCredentials HOSTILE = new TemporaryCredentials("ASIA'$(id)`x`\"",
            "it's $HOME `whoami` \"q\" “smart” \\n", "tok$en'; rm -rf /;'", EXPIRES, "arn");
    private static final RolePair PAIR = new RolePair(Partition.AWS, new AccountId("123456789012"), "ReadOnly",
            new SamlProviderName("Keycloak"));

    @TempDir
    File dir;

    @Test
    void bashExportsThreeSingleQuotedVariables() {
        assertThat(CredentialFormats.bash(PLAIN)).isEqualTo("""
                export AWS_ACCESS_KEY_ID='ASIAIOSFODNN7EXAMPLE'
                export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
                export AWS_SESSION_TOKEN='IQoJb3JpZ2luX2Vj+abc/def=='
                """);
    }

    @Test
    void bashQuotingSurvivesQuotesAndExpansions() {
        assertThat(CredentialFormats.posixQuoted("it's")).isEqualTo("'it'\\''s'");
        assertThat(CredentialFormats.bash(HOSTILE)).contains("export AWS_ACCESS_KEY_ID='ASIA'\\''$(id)`x`\"'");
    }

    @Test
    void bashQuotingIsReadBackExactlyByARealShell() throws Exception {
        File sh = new File("/bin/sh");
        org.junit.jupiter.api.Assumptions.assumeTrue(sh.canExecute(), "no /bin/sh");
        String script = CredentialFormats.bash(HOSTILE)
                + "printf '%s\\n%s\\n%s\\n' \"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\"\n";
        File file = new File(dir, "creds.sh");
        Files.writeString(file.toPath(), script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(sh.getPath(), file.getPath()).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly(HOSTILE.accessKeyId(), HOSTILE.secretAccessKey(), HOSTILE.sessionToken());
    }

    @Test
    void powerShellSetsThreeEnvironmentVariablesInDoubleQuotes() {
        assertThat(CredentialFormats.powerShell(PLAIN)).isEqualTo("""
                $Env:AWS_ACCESS_KEY_ID="ASIAIOSFODNN7EXAMPLE"
                $Env:AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
                $Env:AWS_SESSION_TOKEN="IQoJb3JpZ2luX2Vj+abc/def=="
                """);
    }

    @Test
    void powerShellEscapesDollarBacktickAndEveryDoubleQuote() {
        assertThat(CredentialFormats.powerShellQuoted("a$b`c\"d“e”f„g'h"))
                .isEqualTo("\"a`$b``c`\"d`“e`”f`„g'h\"");
        assertThat(CredentialFormats.powerShellQuoted("x\ny")).isEqualTo("\"x`ny\"");
        assertThat(CredentialFormats.powerShell(HOSTILE)).contains("$Env:AWS_SESSION_TOKEN=\"tok`$en'; rm -rf /;'\"");
    }

    @Test
    void credentialsFileProfileIsNamedAccountUnderscoreRole() {
        assertThat(CredentialFormats.profileName(PAIR)).isEqualTo("123456789012_ReadOnly");
        assertThat(CredentialFormats.credentialsFile(PAIR, PLAIN)).isEqualTo("""
                [123456789012_ReadOnly]
                aws_access_key_id=ASIAIOSFODNN7EXAMPLE
                aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                aws_session_token=IQoJb3JpZ2luX2Vj+abc/def==
                """);
    }

    @Test
    void credentialsFileRefusesWhatItCannotWriteSafely() {
        TemporaryCredentials newline = new TemporaryCredentials("ASIA", "secret\naws_role_arn=x", "t", EXPIRES, "arn");
        TemporaryCredentials comment = new TemporaryCredentials("ASIA", "secret #rest", "t", EXPIRES, "arn");

        assertThatThrownBy(() -> CredentialFormats.credentialsFile(PAIR, newline))
                .hasMessage("aws_secret_access_key contains whitespace or a control character")
                .hasMessageNotContaining("aws_role_arn");
        assertThatThrownBy(() -> CredentialFormats.credentialsFile(PAIR, comment)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredentialFormats.credentialsFile("a]\n[b", PLAIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
