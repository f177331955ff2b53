package dev.kcaws.aws;

/** AWS's numbers, each in one place. Source: IAM / STS documentation (see docs/aws-rules in the README). */
public final class AwsLimits {

    /** AssumeRoleWithSAML takes a base64 SAMLResponse of 4 to 100,000 characters. */
    public static final int MAX_SAML_RESPONSE_CHARS = 100_000;
    public static final int MIN_SESSION_SECONDS = 900;
    public static final int MAX_SESSION_SECONDS = 43_200;
    public static final int MAX_SESSION_TAGS = 50;
    public static final int MAX_TAG_KEY_CHARS = 128;
    public static final int MAX_TAG_VALUE_CHARS = 256;
    public static final int MAX_RELAY_STATE_CHARS = 240;
    public static final int MAX_PERMISSION_SET_NAME_CHARS = 32;
    public static final int MAX_PERMISSION_SET_DESCRIPTION_CHARS = 700;
    public static final int MAX_MANAGED_POLICIES = 20;
    public static final int MAX_INLINE_POLICY_BYTES = 32_768;
    public static final int MAX_IAM_ROLE_NAME_CHARS = 64;
    public static final int MAX_SAML_PROVIDER_NAME_CHARS = 128;

    private AwsLimits() {
    }
}
