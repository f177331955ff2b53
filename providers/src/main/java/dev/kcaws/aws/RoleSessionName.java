package dev.kcaws.aws;

import java.util.regex.Pattern;

/**
 * The session name AWS shows in CloudTrail: 2..64 of {@code [\w+=,.@-]}. Any input is made valid
 * the same way every time, so one user always gets one session name.
 */
public record RoleSessionName(String value) {

    public static final String ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_+=,.@-]{2,64}");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_+=,.@-]");

    public RoleSessionName {
        if (value == null || !RULE.matcher(value).matches()) {
            throw new AwsRuleViolation("roleSessionName", AwsRule.STS_NAME);
        }
    }

    /** Replaces each character AWS refuses with '-', cuts to 64 and pads to 2 with '_'. */
    public static RoleSessionName sanitize(String raw) {
        String cleaned = NOT_ALLOWED.matcher(raw == null ? "" : raw.strip()).replaceAll("-");
        if (cleaned.length() > 64) {
            cleaned = cleaned.substring(0, 64);
        }
        while (cleaned.length() < 2) {
            cleaned = cleaned + "_";
        }
        return new RoleSessionName(cleaned);
    }
}
