package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;

/**
 * Reads numeric query parameters as text, so that a value that is not a number is a 400 naming the
 * parameter (JAX-RS answers 404 when it cannot convert an {@code int} parameter itself).
 */
final class QueryParams {

    private QueryParams() {
    }

    /** The parameter's whole-number value from {@code min} to {@code max}; {@code defaultValue} when it is absent; else a 400. */
    static int integer(String name, String raw, int defaultValue, int min, int max) {
        try {
            return parse(name, raw, defaultValue, min, max);
        } catch (AwsRuleViolation e) {
            throw AdminErrors.invalid(e);
        }
    }

    static int parse(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw outOfRange(name, min, max);
        }
        if (value < min || value > max) {
            throw outOfRange(name, min, max);
        }
        return (int) value;
    }

    private static AwsRuleViolation outOfRange(String name, int min, int max) {
        return new AwsRuleViolation(name, AwsRule.WHOLE_NUMBER_RANGE, min, max);
    }
}
