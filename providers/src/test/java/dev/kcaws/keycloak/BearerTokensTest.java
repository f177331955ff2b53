package dev.kcaws.keycloak;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token of an Authorization header: only {@code Bearer <one token>}, the scheme in any case. */
class BearerTokensTest {

    @Test
    void onlyABearerHeaderWithOneTokenGivesAToken() {
        assertThat(BearerTokens.fromHeader("Bearer abc.def.ghi")).contains("abc.def.ghi");
        assertThat(BearerTokens.fromHeader("bearer abc")).contains("abc");
        assertThat(BearerTokens.fromHeader("BEARER abc")).contains("abc");
        assertThat(BearerTokens.fromHeader(null)).isEmpty();
        assertThat(BearerTokens.fromHeader("")).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearer")).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearer ")).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearer   ")).isEmpty();
        assertThat(BearerTokens.fromHeader("Basic YWxpY2U6c2VjcmV0")).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearer a b")).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearerabc")).isEmpty();
    }
}
