package dev.kcaws.cli;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Map<String, Object> json = Json.parseObject(" {\"a\":\"x\\\"y\\\\z\\n\\u00e9\\/\", \"n\":-12, \"big\":123456789012345678901234567890,"
                + " \"f\":1.5e2, \"t\":true, \"no\":false, \"nil\":null, \"list\":[1,{\"b\":[]},\"s\"], \"empty\":{}} ");
        assertThat(json.get("a")).isEqualTo("x\"y\\z\né/");
        assertThat(json.get("n")).isEqualTo(-12L);
        assertThat(json.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(json.get("f")).isEqualTo(new BigDecimal("1.5e2"));
        assertThat(json.get("t")).isEqualTo(true);
        assertThat(json.get("no")).isEqualTo(false);
        assertThat(json).containsEntry("nil", null);
        assertThat(json.get("list")).isEqualTo(List.of(1L, Map.of("b", List.of()), "s"));
        assertThat(json.get("empty")).isEqualTo(Map.of());
        assertThat(json.keySet()).containsExactly("a", "n", "big", "f", "t", "no", "nil", "list", "empty");
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("Version", 1);
        value.put("AccessKeyId", "ASIA\"quoted\"\\");
        value.put("ctl", "a\u0001b\tc\r\n");
        value.put("list", List.of(true, 2L, new BigDecimal("0.5")));
        value.put("nil", null);
        String text = Json.write(value);
        assertThat(text).isEqualTo("{\"Version\":1,\"AccessKeyId\":\"ASIA\\\"quoted\\\"\\\\\",\"ctl\":\"a\\u0001b\\tc\\r\\n\","
                + "\"list\":[true,2,0.5],\"nil\":null}");
        Map<String, Object> back = Json.parseObject(text);
        assertThat(back.get("AccessKeyId")).isEqualTo(value.get("AccessKeyId"));
        assertThat(back.get("ctl")).isEqualTo(value.get("ctl"));
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "\"open", "tru", "01x", "{\"a\":1} x",
                "\"\u0001\"", "\"\\q\"", "\"\\u12\"", "-", "1.", "<html>"}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.MalformedJson.class);
        }
        assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(Json.MalformedJson.class);
    }

    /** Deep nesting is a clear error, not a StackOverflowError; what this program reads nests a few levels. */
    @Test
    void refusesNestingDeeperThanTheLimit() {
        final int LIMIT = 64; // Json.MAX_DEPTH
        String deepest = "[".repeat(LIMIT) + "]".repeat(LIMIT);
        assertThat(Json.parse(deepest)).isInstanceOf(List.class);
        assertThat(Json.parseObject("{\"a\":" + "{\"b\":".repeat(LIMIT - 2) + "{}" + "}".repeat(LIMIT - 1))).containsKey("a");
        assertThatThrownBy(() -> Json.parse("[".repeat(LIMIT + 1) + "]".repeat(LIMIT + 1)))
                .isInstanceOf(Json.MalformedJson.class).hasMessageContaining("nested deeper than " + LIMIT + " levels");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(200_000))).isInstanceOf(Json.MalformedJson.class).hasMessageContaining("nested deeper");
    }
}
