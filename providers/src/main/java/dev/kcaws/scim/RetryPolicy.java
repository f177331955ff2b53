package dev.kcaws.scim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to send a SCIM request again. AWS's guide lists 429 ThrottlingException and 500
 * InternalServerException; both, other 5xx and no answer at all are retried with exponential
 * backoff and jitter (so nodes throttled together do not retry together), honouring a
 * {@code Retry-After} header when one comes. Other 4xx are final: the same request would be
 * refused again.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;
    private final Clock clock;

    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier random, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1");
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.random = random;
        this.clock = clock;
    }

    /** Five attempts over at most about half a minute; longer outages are the outbox's business. */
    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(20),
                () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public static boolean retryable(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    /**
     * @param attempt    the attempt that just failed, from 1
     * @param status     its HTTP status, 0 when no answer came
     * @param retryAfter its Retry-After header, if any
     * @return how long to wait before the next attempt, or empty to give up
     */
    public Optional<Duration> delayBeforeRetry(int attempt, int status, Optional<String> retryAfter) {
        if (!retryable(status) || attempt >= maxAttempts) {
            return Optional.empty();
        }
        Optional<Duration> asked = retryAfter.flatMap(this::parseRetryAfter);
        if (asked.isPresent()) {
            // A wait longer than we are willing to block for: give up now, the outbox retries later.
            return asked.get().compareTo(maxDelay) > 0 ? Optional.empty() : asked;
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 30));
        long half = ceiling / 2;
        return Optional.of(Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half))));
    }

    /** Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    Optional<Duration> parseRetryAfter(String header) {
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
