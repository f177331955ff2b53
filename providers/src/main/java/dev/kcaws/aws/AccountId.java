package dev.kcaws.aws;

import java.util.regex.Pattern;

/** A 12-digit AWS account ID, kept as text because leading zeros matter. */
public record AccountId(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public AccountId {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new AwsRuleViolation("accountId", "must be exactly 12 digits (was '" + value + "')");
        }
    }

    public static boolean isValid(String value) {
        return value != null && TWELVE_DIGITS.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
