package dev.kcaws.aws;

import java.util.regex.Pattern;

/** A session tag sent as {@code PrincipalTag:<key>}; STS's key and value rules. */
public record SessionTag(String key, String value) {

    public static final String ATTRIBUTE_PREFIX = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
    public static final String TRANSITIVE_KEYS_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";
    // STS: letters, digits, spaces and _.:/=+-@ in any language.
    private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    public SessionTag {
        if (key == null || key.isEmpty() || key.length() > AwsLimits.MAX_TAG_KEY_CHARS || !CHARS.matcher(key).matches()) {
            throw new AwsRuleViolation("principalTag", AwsRule.TAG_KEY, key);
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw new AwsRuleViolation("principalTag", AwsRule.TAG_KEY_AWS, key);
        }
        if (value == null || value.length() > AwsLimits.MAX_TAG_VALUE_CHARS || !CHARS.matcher(value).matches()) {
            throw new AwsRuleViolation("principalTag", AwsRule.TAG_VALUE, key);
        }
    }

    public String attributeName() {
        return ATTRIBUTE_PREFIX + key;
    }
}
