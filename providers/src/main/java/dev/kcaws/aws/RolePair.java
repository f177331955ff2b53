package dev.kcaws.aws;

/**
 * One value of AWS's SAML {@code Role} attribute: the IAM role to assume and the SAML provider
 * that vouches for the user, in the same account and partition. Role first, as AWS's examples.
 */
public record RolePair(Partition partition, AccountId account, String roleName, SamlProviderName provider) {

    public static final String ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";

    public String roleArn() {
        return "arn:" + partition.id() + ":iam::" + account.value() + ":role/" + roleName;
    }

    public String providerArn() {
        return "arn:" + partition.id() + ":iam::" + account.value() + ":saml-provider/" + provider.value();
    }

    /** The attribute value as AWS reads it: {@code roleArn,providerArn}. */
    public String attributeValue() {
        return roleArn() + "," + providerArn();
    }
}
