package dev.kcaws.aws;

import java.util.regex.Pattern;

/** The name of the IAM SAML identity provider in an account: 1..128 of {@code [\w._-]}. */
public record SamlProviderName(String value) {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_.-]{1," + AwsLimits.MAX_SAML_PROVIDER_NAME_CHARS + "}");

    public SamlProviderName {
        if (value == null || !RULE.matcher(value).matches()) {
            throw new AwsRuleViolation("account.samlProvider", AwsRule.SAML_PROVIDER_NAME, Shown.value(value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
