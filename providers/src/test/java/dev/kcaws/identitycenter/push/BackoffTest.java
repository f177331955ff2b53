package dev.kcaws.identitycenter.push;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void startsAtFiveSecondsDoublesAndStopsAtFiveMinutes() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.after(7)).isEqualTo(Duration.ofSeconds(300));
        assertThat(Backoff.after(8)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoff.after(10_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
