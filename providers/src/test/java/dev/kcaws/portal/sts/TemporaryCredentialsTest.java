package dev.kcaws.portal.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemporaryCredentialsTest {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+token/with=chars";
    static final TemporaryCredentials CREDENTIALS = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", SECRET, TOKEN,
            Instant.parse("2026-03-01T13:00:00Z"), "arn:aws:sts::123456789012:assumed-role/ReadOnly/alice@example.com");

    @Test
    void toStringRedactsTheSecretAndTheToken() {
        String text = CREDENTIALS.toString();

        assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain(SECRET.substring(0, 8)).doesNotContain(TOKEN.substring(16, 24))
                .isEqualTo("TemporaryCredentials[accessKeyId=ASIAIOSFODNN7EXAMPLE, secretAccessKey=<redacted>, "
                        + "sessionToken=<redacted>, expiration=2026-03-01T13:00:00Z, "
                        + "assumedRoleArn=arn:aws:sts::123456789012:assumed-role/ReadOnly/alice@example.com]");
    }

    @Test
    void stringConcatenationAndFormattingUseTheRedactedForm() {
        assertThat("got " + CREDENTIALS).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(String.format("%s", CREDENTIALS)).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(java.util.List.of(CREDENTIALS).toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void everyPartIsRequiredAndAMissingOneIsNamedNotEchoed() {
        Instant exp = Instant.parse("2026-03-01T13:00:00Z");
        assertThatThrownBy(() -> new TemporaryCredentials("ASIA", " ", TOKEN, exp, "arn"))
                .hasMessage("secretAccessKey is missing");
        assertThatThrownBy(() -> new TemporaryCredentials("ASIA", SECRET, null, exp, "arn"))
                .hasMessage("sessionToken is missing");
        assertThatThrownBy(() -> new TemporaryCredentials("ASIA", SECRET, TOKEN, null, "arn"))
                .isInstanceOf(NullPointerException.class).hasMessage("expiration");
    }
}
