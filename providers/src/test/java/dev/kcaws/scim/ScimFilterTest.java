package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScimFilterTest {

    @Test
    void buildsOnlyEqJoinedByAnd() {
        assertThat(ScimFilter.eq("userName", "alice@example.com").toString())
                .isEqualTo("userName eq \"alice@example.com\"");
        assertThat(ScimFilter.eq("id", "g-1").and("members.value", "u-1").toString())
                .isEqualTo("id eq \"g-1\" and members.value eq \"u-1\"");
    }

    @Test
    void quotesAndBackslashesInValuesCannotEndTheString() {
        assertThat(ScimFilter.eq("displayName", "a\" or userName pr \\").toString())
                .isEqualTo("displayName eq \"a\\\" or userName pr \\\\\"");
    }

    @Test
    void attributeMustBeAPathNotAnExpression() {
        assertThatThrownBy(() -> ScimFilter.eq("userName pr or id", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimFilter.eq("userName", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
