package dev.kcaws.aws;

import java.util.regex.Pattern;

/** The identity STS stamps on the session for good: 2..64 of {@code [\w+=,.@-]}, not starting with {@code aws:}. */
public record SourceIdentity(String value) {

    public static final String ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_+=,.@-]{2,64}");

    public SourceIdentity {
        if (value != null && value.regionMatches(true, 0, "aws:", 0, 4)) {
            throw new AwsRuleViolation("sourceIdentity", AwsRule.NOT_AWS_PREFIX);
        }
        if (value == null || !RULE.matcher(value).matches()) {
            throw new AwsRuleViolation("sourceIdentity", AwsRule.STS_NAME);
        }
    }
}
