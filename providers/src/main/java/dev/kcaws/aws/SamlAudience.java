package dev.kcaws.aws;

import java.util.regex.Pattern;

/**
 * The entity ID of an AWS SAML client. Keycloak sends a client's client ID as the assertion's
 * audience, and AWS accepts only its own names there: {@code urn:amazon:webservices} (with a
 * suffix such as {@code :govcloud} or {@code :cn} for the other partitions) or a sign-in endpoint
 * URL such as {@code https://eu-west-1.signin.aws.amazon.com/saml}.
 */
public final class SamlAudience {

    public static final String AWS_URN = "urn:amazon:webservices";
    public static final int MAX_LENGTH = 255;
    private static final Pattern URN_SUFFIX = Pattern.compile("(:[A-Za-z0-9._-]+)*");

    private SamlAudience() {
    }

    /** The value if AWS could accept it as the audience, else a violation of {@code field}. */
    public static String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new AwsRuleViolation(field, AwsRule.MISSING);
        }
        if (value.length() > MAX_LENGTH) {
            throw new AwsRuleViolation(field, AwsRule.MAX_CHARS, MAX_LENGTH);
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new AwsRuleViolation(field, AwsRule.PRINTABLE_ASCII);
        }
        boolean urn = value.startsWith(AWS_URN) && URN_SUFFIX.matcher(value.substring(AWS_URN.length())).matches();
        if (!urn && SigninEndpoint.parse(value).filter(SigninEndpoint::isKnown).isEmpty()) {
            throw new AwsRuleViolation(field, AwsRule.SAML_AUDIENCE, AWS_URN, shown(value));
        }
        return value;
    }

    /** A value quoted in a message: bounded, control characters shown as '?'. */
    static String shown(String value) {
        String head = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return head.replaceAll("\\p{Cntrl}", "?");
    }
}
