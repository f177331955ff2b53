package dev.kcaws.aws;

/** A 12-digit AWS account ID, kept as text because leading zeros matter. */
public record AccountId(String value) {

    public AccountId {
        if (!isValid(value)) {
            throw new AwsRuleViolation("accountId", AwsRule.ACCOUNT_ID, Shown.value(value));
        }
    }

    /** A loop, not a regex: it runs for every role pair of every login. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
