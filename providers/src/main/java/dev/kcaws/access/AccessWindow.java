package dev.kcaws.access;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When one assignment grants anything: from {@code notBefore} (inclusive) until {@code notAfter}
 * (exclusive); either end may be open, not both. Outside it the assignment's role mapping grants
 * nothing, as if it were not there.
 */
public record AccessWindow(Instant notBefore, Instant notAfter) {

    public AccessWindow {
        if (notBefore == null && notAfter == null) {
            throw new IllegalArgumentException("a window has a start, an end or both");
        }
    }

    /**
     * The window of two ISO-8601 instants as the admin API and the stored form carry them
     * ({@code 2026-12-31T18:00:00Z}, an offset such as {@code +09:00} allowed); empty when both are
     * absent. {@code field} prefixes the field named in a refusal ({@code ""} for the API's body).
     */
    public static Optional<AccessWindow> parse(String field, String notBefore, String notAfter) {
        Instant start = instant(field + "notBefore", notBefore);
        Instant end = instant(field + "notAfter", notAfter);
        if (start == null && end == null) {
            return Optional.empty();
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw new AwsRuleViolation(field + "notAfter", AwsRule.WINDOW_ORDER);
        }
        return Optional.of(new AccessWindow(start, end));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
            if (instant.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new AwsRuleViolation(field, AwsRule.WINDOW_YEARS);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new AwsRuleViolation(field, AwsRule.WINDOW_INSTANT);
        }
    }

    /** Whether the assignment grants at this moment (milliseconds since the epoch, Keycloak's clock). */
    public boolean contains(long nowMillis) {
        return (notBefore == null || notBefore.toEpochMilli() <= nowMillis)
                && (notAfter == null || nowMillis < notAfter.toEpochMilli());
    }

    /** Whether the window is over for good: its end has come. */
    public boolean endedBy(long nowMillis) {
        return notAfter != null && notAfter.toEpochMilli() <= nowMillis;
    }

    /** ISO-8601 in UTC, as listings return it; null when open. */
    public String notBeforeText() {
        return notBefore == null ? null : notBefore.toString();
    }

    public String notAfterText() {
        return notAfter == null ? null : notAfter.toString();
    }
}
