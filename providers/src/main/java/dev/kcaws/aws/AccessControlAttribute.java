package dev.kcaws.aws;

/**
 * One attribute for IAM Identity Center's attribute-based access control, sent as
 * {@code https://aws.amazon.com/SAML/Attributes/AccessControl:<key>} with one value. Identity
 * Center passes it into the AWS account as a session tag, so STS's session-tag rules are the rules
 * here: the same as for {@code PrincipalTag:<key>}, checked by {@link SessionTag} once (key 1 to
 * 128 letters, digits, spaces or {@code _.:/=+-@}, not starting with {@code aws:}; value at most
 * 256 of the same characters), and at most {@link AwsLimits#MAX_SESSION_TAGS} per sign-in.
 */
public record AccessControlAttribute(String key, String value) {

    public static final String ATTRIBUTE_PREFIX = "https://aws.amazon.com/SAML/Attributes/AccessControl:";

    public AccessControlAttribute {
        try {
            new SessionTag(key, value);
        } catch (AwsRuleViolation e) {
            throw e.withField("attributes");
        }
    }

    /** Only the key's rules: the value is known at sign-in. */
    public static void checkKey(String field, String key) {
        try {
            new SessionTag(key, "");
        } catch (AwsRuleViolation e) {
            throw e.withField(field);
        }
    }

    public String attributeName() {
        return ATTRIBUTE_PREFIX + key;
    }
}
