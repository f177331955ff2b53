package dev.kcaws.admin;

import dev.kcaws.aws.AwsRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueryParamsTest {

    @Test
    void absentIsTheDefaultAndInRangeIsTheValue() {
        assertThat(QueryParams.parse("max", null, 100, 1, 1000)).isEqualTo(100);
        assertThat(QueryParams.parse("max", "1000", 100, 1, 1000)).isEqualTo(1000);
        assertThat(QueryParams.parse("first", "2147483647", 0, 0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", " 1", "1.5", "1e3", "0x10", "-1", "0", "1001", "99999999999", "99999999999999999999999"})
    void anythingElseIsA400NamingTheParameter(String raw) {
        AwsRuleViolation e = catchThrowableOfType(AwsRuleViolation.class, () -> QueryParams.parse("max", raw, 100, 1, 1000));
        assertThat(e).as(raw).isNotNull();
        assertThat(e.field()).isEqualTo("max");
        assertThat(e.getMessage()).isEqualTo("max: must be a whole number from 1 to 1000");
    }
}
