package dev.kcaws.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity Center signs in only a NameID that is an RFC 2822 address. */
class IdentityCenterUserNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "first.last+tag@corp.example.co.kr", "o'brien@example.com", "x@localhost"})
    void addressesAreNameIds(String value) {
        assertThat(IdentityCenterUserName.isValidNameId(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "", "@example.com", "alice@", "a..b@example.com", ".a@example.com", "a b@example.com",
            "a@b@example.com", "jörg@example.com", "<alice@example.com>"})
    void anythingElseIsNot(String value) {
        assertThat(IdentityCenterUserName.isValidNameId(value)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void atMost128Characters() {
        assertThat(IdentityCenterUserName.isValidNameId("a".repeat(116) + "@example.com")).isTrue();
        assertThat(IdentityCenterUserName.isValidNameId("a".repeat(117) + "@example.com")).isFalse();
        assertThat(IdentityCenterUserName.isValidNameId(null)).isFalse();
    }
}
