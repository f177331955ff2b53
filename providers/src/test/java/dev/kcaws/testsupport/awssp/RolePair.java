package dev.kcaws.testsupport.awssp;

import java.util.Objects;
import java.util.regex.Matcher;

/** One role the user may assume: the IAM role and the SAML provider that role trusts. */
public record RolePair(String roleArn, String providerArn) {

    public RolePair {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(providerArn, "providerArn");
    }

    /** The value AWS expects in the Role attribute, role first as in AWS's examples. */
    public String attributeValue() {
        return roleArn + "," + providerArn;
    }

    public String accountId() {
        return role().group(AwsArns.ACCOUNT);
    }

    public String partition() {
        return role().group(AwsArns.PARTITION);
    }

    public String roleName() {
        return role().group(AwsArns.ROLE_NAME);
    }

    /** The role's IAM path as IAM writes it, "/" when the ARN has none. */
    public String rolePath() {
        return "/" + role().group(AwsArns.ROLE_PATH);
    }

    public String providerName() {
        Matcher m = AwsArns.matchProvider(providerArn)
                .orElseThrow(() -> new IllegalStateException("not a SAML provider ARN: " + providerArn));
        return m.group(AwsArns.PROVIDER_NAME);
    }

    private Matcher role() {
        return AwsArns.matchRole(roleArn).orElseThrow(() -> new IllegalStateException("not a role ARN: " + roleArn));
    }
}
