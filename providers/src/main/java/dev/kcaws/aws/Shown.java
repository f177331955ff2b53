package dev.kcaws.aws;

/**
 * A refused value as an error message may quote it: error messages reach the admin's screen and
 * Keycloak's log, so a huge value or one with control characters is described, never echoed.
 */
final class Shown {

    static final int MAX_QUOTED_CHARS = 64;

    private Shown() {
    }

    static String value(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.length() > MAX_QUOTED_CHARS) {
            return "a value of " + value.length() + " characters";
        }
        if (!Text.isPrintable(value)) {
            return "a value with control or invisible characters";
        }
        return "'" + value + "'";
    }
}
