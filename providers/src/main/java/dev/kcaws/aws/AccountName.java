package dev.kcaws.aws;

/**
 * The display name of an AWS account in the realm: 1 to 128 printable characters (see
 * {@link Text#isPrintable}). It is shown on pages and written into the generated Terraform and
 * CloudFormation descriptions, so a newline, NUL or invisible character never gets there.
 * (AWS Organizations allows 50 printable ASCII characters; the realm's name is only a label, so
 * other scripts are kept, within the bundle's longer limit.)
 */
public record AccountName(String value) {

    public static final int MAX_CHARS = 128;

    public AccountName {
        if (value == null || value.isBlank() || value.length() > MAX_CHARS || !Text.isPrintable(value)) {
            throw new AwsRuleViolation("account.name", AwsRule.ACCOUNT_NAME, MAX_CHARS, Shown.value(value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
