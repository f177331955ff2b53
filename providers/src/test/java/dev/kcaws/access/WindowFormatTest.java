package dev.kcaws.access;

import dev.kcaws.aws.AwsRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored form of a role's windows: the attribute {@code kcaws.window.<account>:<set>} of the model client. */
class WindowFormatTest {

    static final String NAME = "kcaws.window.111111111111:Billing";

    @Test
    void windowsRoundTripThroughTheirAttribute() {
        AccessWindows windows = new AccessWindows(
                Map.of("g-1", new AccessWindow(null, Instant.parse("2026-12-02T10:00:00Z"))),
                Map.of("u-1", new AccessWindow(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"))));
        String json = ModelFormat.write(windows);
        assertThat(json).isEqualTo("{\"groups\":{\"g-1\":{\"notAfter\":\"2026-12-02T10:00:00Z\"}},"
                + "\"users\":{\"u-1\":{\"notBefore\":\"2026-12-01T10:00:00Z\",\"notAfter\":\"2026-12-02T10:00:00Z\"}}}");
        assertThat(ModelFormat.readWindows(NAME, json)).isEqualTo(windows);
        assertThat(ModelFormat.windowAttribute("111111111111:Billing")).isEqualTo(NAME);
        assertThat(ModelFormat.windowedRoleName(NAME)).isEqualTo("access:111111111111:Billing");
    }

    @Test
    void badStoredWindowsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"groups\":{\"g\":{\"until\":\"2026-12-02T10:00:00Z\"}}}"))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("window.until: is not a known field");
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"roles\":{}}")).hasMessageStartingWith("window.roles:");
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"users\":{\"u\":{\"notAfter\":")).hasMessageStartingWith("window:");
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"users\":{\"u\":{\"notBefore\":\"2026-12-02T10:00:00Z\","
                + "\"notAfter\":\"2026-12-01T10:00:00Z\"}}}")).hasMessageStartingWith("window.users.u.notAfter: must be later");
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"users\":{\"u\":{}}}")).hasMessageStartingWith("window.users.u:");
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"users\":{\"u\":null}}")).hasMessageStartingWith("window.users.u:");
        assertThatThrownBy(() -> ModelFormat.readWindows(NAME, "{\"groups\":{\" \":{\"notAfter\":\"2026-12-01T10:00:00Z\"}}}"))
                .hasMessageStartingWith("window.groups:");
        assertThatThrownBy(() -> ModelFormat.readWindows("kcaws.window.1111:Billing", "{}")).hasMessageStartingWith("access:");
    }

    @Test
    void settingAndClearingOnePrincipalLeavesTheOthers() {
        AccessWindow w = new AccessWindow(null, Instant.parse("2026-12-02T10:00:00Z"));
        AccessWindows windows = AccessWindows.NONE.withGroup("g-1", w).withUser("u-1", w);
        assertThat(windows.ofGroup("g-1")).isEqualTo(w);
        assertThat(windows.ofUser("g-1")).isNull();
        assertThat(windows.withGroup("g-1", null).withUser("u-1", null).isEmpty()).isTrue();
        assertThat(windows.withGroup("g-1", null).ofUser("u-1")).isEqualTo(w);
    }
}
