package dev.kcaws.aws;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials requested for an access that ends: min(session duration, max(900, seconds until the end)). */
class SessionDurationEndingByTest {

    static final long NOW = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    static final SessionDuration TWELVE_HOURS = new SessionDuration(43_200);

    static Instant in(long seconds) {
        return Instant.ofEpochMilli(NOW).plusSeconds(seconds);
    }

    @Test
    void withoutAnEndTheFullDuration() {
        assertThat(TWELVE_HOURS.endingBy(null, NOW).seconds()).isEqualTo(43_200);
    }

    @Test
    void anEndBeforeTheDurationShortensItToTheEnd() {
        assertThat(TWELVE_HOURS.endingBy(in(1_800), NOW).seconds()).isEqualTo(1_800);
        assertThat(TWELVE_HOURS.endingBy(in(43_199), NOW).seconds()).isEqualTo(43_199);
    }

    @Test
    void anEndAfterTheDurationKeepsIt() {
        assertThat(TWELVE_HOURS.endingBy(in(43_200), NOW).seconds()).isEqualTo(43_200);
        assertThat(new SessionDuration(3_600).endingBy(in(86_400), NOW).seconds()).isEqualTo(3_600);
    }

    @Test
    void neverBelowTheMinimumStsTakes() {
        assertThat(TWELVE_HOURS.endingBy(in(1), NOW).seconds()).isEqualTo(900);
        assertThat(TWELVE_HOURS.endingBy(in(899), NOW).seconds()).isEqualTo(900);
        assertThat(TWELVE_HOURS.endingBy(in(0), NOW).seconds()).isEqualTo(900);
        assertThat(new SessionDuration(900).endingBy(in(60), NOW).seconds()).isEqualTo(900);
    }

    @Test
    void partOfASecondLeftCountsDown() {
        assertThat(TWELVE_HOURS.endingBy(Instant.ofEpochMilli(NOW + 1_800_999), NOW).seconds()).isEqualTo(1_800);
    }
}
