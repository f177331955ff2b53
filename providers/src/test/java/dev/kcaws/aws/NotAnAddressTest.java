package dev.kcaws.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's count of usernames Identity Center refuses ({@link NotAnAddress}'s LIKE patterns)
 * agrees with the sign-in check ({@link IdentityCenterUserName}) on every string of up to six
 * characters drawn from atext, dots, {@code @} and the characters a username may hold when it
 * bypassed Keycloak's username check.
 */
class NotAnAddressTest {

    /** SQL LIKE as the databases apply it to a value: {@code %} any run, {@code _} one character. */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static final Pattern SHAPE = like(NotAnAddress.ADDRESS_SHAPE);
    static final List<Pattern> REFUSED = NotAnAddress.REFUSED_SHAPES.stream().map(NotAnAddressTest::like).toList();

    static boolean notAnAddressBySql(String value) {
        return !SHAPE.matcher(value).matches() || value.length() > IdentityCenterUserName.MAX_CHARS
                || REFUSED.stream().anyMatch(p -> p.matcher(value).matches());
    }

    @Test
    void theLikePatternsAndTheSignInCheckAgree() {
        char[] alphabet = {'a', '.', '@', '_', '+', ' ', ','};
        List<String> all = new ArrayList<>(List.of(""));
        List<String> level = List.of("");
        for (int length = 1; length <= 6; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : level) {
                for (char c : alphabet) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            level = next;
        }
        for (String value : all) {
            assertThat(notAnAddressBySql(value)).as("'" + value + "'").isEqualTo(!IdentityCenterUserName.isValidNameId(value));
        }
    }

    @Test
    void typicalUsernames() {
        for (String address : List.of("alice@example.com", "first.last+tag@sub.example.co.uk", "a@b")) {
            assertThat(notAnAddressBySql(address)).as(address).isFalse();
        }
        for (String other : List.of("alice", "bob.smith", "@example.com", "alice@", "a@b@c", "a..b@c", "a@b.", ".a@b", "a b@c",
                "x".repeat(120) + "@example.com")) {
            assertThat(notAnAddressBySql(other)).as(other).isTrue();
        }
    }
}
