package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BearerTokenTest {
    private static final String SECRET = "AQoDYXdzEJr-secret-token-value";

    @Test
    void tokenNeverAppearsInToString() {
        BearerToken token = BearerToken.of(SECRET);
        assertThat(token.toString()).doesNotContain(SECRET).doesNotContain("secret");
        ScimClient client = ScimClient.create(URI.create("https://scim.eu-west-1.amazonaws.com/t1/scim/v2/"), token);
        assertThat(client.toString()).doesNotContain(SECRET);
    }

    @Test
    void tokenThatWouldBreakTheHeaderIsRefused() {
        assertThatThrownBy(() -> BearerToken.of("abc\r\nX-Evil: 1")).isInstanceOf(ScimInputException.class)
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> BearerToken.of("   ")).isInstanceOf(ScimInputException.class);
    }

    @Test
    void tokenEchoedByAServerIsMasked() {
        BearerToken token = BearerToken.of(SECRET);
        assertThat(token.redact("bad header: Bearer " + SECRET)).isEqualTo("bad header: Bearer ***");
        assertThat(token.redact(null)).isNull();
    }
}
