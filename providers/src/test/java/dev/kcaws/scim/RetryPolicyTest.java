package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), () -> random,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void throttlingAndServerErrorsAndNoAnswerAreRetried() {
        for (int status : new int[]{429, 500, 502, 503, 504, 0}) {
            assertThat(policy(0).delayBeforeRetry(1, status, Optional.empty())).as("status %d", status).isPresent();
        }
    }

    @Test
    void otherClientErrorsAreFinal() {
        for (int status : new int[]{400, 401, 403, 404, 409}) {
            assertThat(policy(0).delayBeforeRetry(1, status, Optional.empty())).as("status %d", status).isEmpty();
        }
    }

    @Test
    void backoffDoublesWithJitterInTheUpperHalf() {
        assertThat(policy(0).delayBeforeRetry(1, 503, Optional.empty())).contains(Duration.ofMillis(50));
        assertThat(policy(0.999).delayBeforeRetry(1, 503, Optional.empty()).get()).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(policy(0).delayBeforeRetry(2, 503, Optional.empty())).contains(Duration.ofMillis(100));
        assertThat(policy(0).delayBeforeRetry(3, 503, Optional.empty())).contains(Duration.ofMillis(200));
        assertThat(policy(0.5).delayBeforeRetry(4, 503, Optional.empty())).contains(Duration.ofMillis(600));
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        RetryPolicy many = new RetryPolicy(100, Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.999,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(many.delayBeforeRetry(60, 429, Optional.empty()).get()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy(0).delayBeforeRetry(5, 503, Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        assertThat(policy(0).delayBeforeRetry(1, 429, Optional.of("3"))).contains(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        assertThat(policy(0).delayBeforeRetry(1, 429, Optional.of("Mon, 30 Nov 2026 07:00:04 GMT")))
                .contains(Duration.ofSeconds(4));
    }

    @Test
    void retryAfterLongerThanWeBlockForGivesUpToTheOutbox() {
        assertThat(policy(0).delayBeforeRetry(1, 429, Optional.of("3600"))).isEmpty();
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        assertThat(policy(0).delayBeforeRetry(1, 429, Optional.of("soon"))).contains(Duration.ofMillis(50));
    }
}
