package dev.kcaws.testsupport.awssp;

/**
 * Every rule the Identity Center-like SP enforces on top of the SAML rules every AWS sign-in
 * applies ({@link #SAML_RESPONSE}, which carries the {@link AwsSamlRule} broken: signature,
 * issuer, destination, recipient, time window, audience = Identity Center's issuer).
 * Identity Center shows its user an error page for each; the rule and the detail are what a
 * test needs. Sources: Identity Center's SP metadata (NameIDFormat emailAddress,
 * WantAssertionsSigned); its user guide's troubleshooting of "An unexpected error has occurred"
 * (NameID format email, value an RFC 2822 address exactly equal to a provisioned user's userName;
 * with attributes for access control: at most 50, none multi-valued, none twice, no structured XML
 * value, a SAML-specified NameFormat); AccessControl attributes become session tags, so STS's
 * key and value rules apply too.
 */
public enum IdentityCenterRule {
    SAML_RESPONSE("the response breaks a rule every AWS SAML sign-in applies (see the AWS rule)"),
    ACS_UNKNOWN("posted to a URL that is not one of this instance's ACS URLs"),
    IN_RESPONSE_TO_UNKNOWN("InResponseTo must name an AuthnRequest this instance sent and has not seen answered"),
    NAME_ID_FORMAT_NOT_EMAIL("NameID Format must be urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
    NAME_ID_NOT_AN_ADDRESS("NameID value must be an RFC 2822 address (user@domain.com)"),
    NAME_ID_NOT_PROVISIONED("NameID must equal the userName of a user provisioned in Identity Center"),
    ACCESS_CONTROL_TOO_MANY("at most 50 AccessControl attributes"),
    ACCESS_CONTROL_KEY_REPEATED("an AccessControl key may be sent once (keys are case-insensitive)"),
    ACCESS_CONTROL_NAME_FORMAT("AccessControl's NameFormat must be a SAML 2.0 attribute name format"),
    ACCESS_CONTROL_INVALID("AccessControl needs one text value (no XML), key 1..128, value <= 256, AWS tag characters, key not aws:");

    private final String description;

    IdentityCenterRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    IdentityCenterRejection rejection(String detail) {
        return new IdentityCenterRejection(this, null, detail);
    }
}
