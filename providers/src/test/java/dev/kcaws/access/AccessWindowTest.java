package dev.kcaws.access;

import dev.kcaws.aws.AwsRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessWindowTest {

    static final long T = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    @Test
    void parsesIsoInstantsWithAZoneAndNormalisesThemToUtc() {
        AccessWindow w = AccessWindow.parse("", "2026-12-01T19:00:00+09:00", "2026-12-02T10:00:00Z").orElseThrow();
        assertThat(w.notBeforeText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(w.notAfterText()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(AccessWindow.parse("", null, "2026-12-02T10:00:00Z").orElseThrow().notBefore()).isNull();
        assertThat(AccessWindow.parse("", "2026-12-02T10:00:00Z", null).orElseThrow().notAfter()).isNull();
        assertThat(AccessWindow.parse("", null, null)).isEmpty();
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> AccessWindow.parse("", "tomorrow", null)).isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("notBefore:");
        assertThatThrownBy(() -> AccessWindow.parse("", null, "2026-12-02T10:00:00")).hasMessageStartingWith("notAfter:")
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> AccessWindow.parse("", null, "")).hasMessageStartingWith("notAfter:");
        assertThatThrownBy(() -> AccessWindow.parse("", "2026-12-02T10:00:00Z", "2026-12-02T10:00:00Z"))
                .hasMessageStartingWith("notAfter: must be later than notBefore");
        assertThatThrownBy(() -> AccessWindow.parse("", "2026-12-03T10:00:00Z", "2026-12-02T10:00:00Z"))
                .hasMessageStartingWith("notAfter:");
        assertThatThrownBy(() -> AccessWindow.parse("window.users.u1.", null, "1970-01-01T00:00:00Z"))
                .hasMessageStartingWith("window.users.u1.notAfter:");
    }

    @Test
    void startIsInclusiveAndEndExclusive() {
        AccessWindow w = new AccessWindow(Instant.ofEpochMilli(T), Instant.ofEpochMilli(T + 1000));
        assertThat(w.contains(T - 1)).isFalse();
        assertThat(w.contains(T)).isTrue();
        assertThat(w.contains(T + 999)).isTrue();
        assertThat(w.contains(T + 1000)).isFalse();
        assertThat(w.endedBy(T + 999)).isFalse();
        assertThat(w.endedBy(T + 1000)).isTrue();
        AccessWindow notYet = new AccessWindow(Instant.ofEpochMilli(T), null);
        assertThat(notYet.contains(T - 1)).isFalse();
        assertThat(notYet.contains(Long.MAX_VALUE)).isTrue();
        assertThat(notYet.endedBy(Long.MAX_VALUE)).isFalse();
    }
}
