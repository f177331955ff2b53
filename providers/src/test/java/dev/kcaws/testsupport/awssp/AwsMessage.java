package dev.kcaws.testsupport.awssp;

/** The user-facing messages AWS sign-in shows when it refuses a SAML response (aws-saml-rules.md). */
public enum AwsMessage {
    INVALID_SAML_RESPONSE("Your request included an invalid SAML response"),
    ROLE_SESSION_NAME_REQUIRED("RoleSessionName is required in AuthnResponse"),
    ROLE_SESSION_NAME_INVALID("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"),
    NOT_AUTHORIZED("Not authorized to perform sts:AssumeRoleWithSAML"),
    RESPONSE_SIGNATURE_INVALID("Response signature invalid"),
    ISSUER_NOT_PRESENT("Issuer not present in specified provider"),
    PROVIDER_DOES_NOT_EXIST("Specified provider doesn't exist");

    private final String text;

    AwsMessage(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
