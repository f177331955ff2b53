package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.AwsMessage.INVALID_SAML_RESPONSE;
import static dev.kcaws.testsupport.awssp.AwsMessage.ISSUER_NOT_PRESENT;
import static dev.kcaws.testsupport.awssp.AwsMessage.NOT_AUTHORIZED;
import static dev.kcaws.testsupport.awssp.AwsMessage.PROVIDER_DOES_NOT_EXIST;
import static dev.kcaws.testsupport.awssp.AwsMessage.ROLE_SESSION_NAME_INVALID;
import static dev.kcaws.testsupport.awssp.AwsMessage.ROLE_SESSION_NAME_REQUIRED;

/**
 * Every rule the AWS-like SP enforces, each tied to the AWS message a user would see when it is
 * broken. Tests assert on the rule, so one failure cannot pass for another.
 */
public enum AwsSamlRule {
    // where the browser posted
    SIGNIN_ENDPOINT_UNKNOWN(INVALID_SAML_RESPONSE, "posted to a URL that is not an AWS sign-in SAML endpoint"),
    // the envelope
    RESPONSE_SIZE(INVALID_SAML_RESPONSE, "base64 SAMLResponse must be 4..100,000 characters"),
    NOT_BASE64(INVALID_SAML_RESPONSE, "SAMLResponse is not base64"),
    NOT_UTF8(INVALID_SAML_RESPONSE, "SAMLResponse XML must be UTF-8"),
    XML_REJECTED(INVALID_SAML_RESPONSE, "XML not well-formed or uses DTDs/entities"),
    NOT_A_SAML2_RESPONSE(INVALID_SAML_RESPONSE, "root element must be a SAML 2.0 samlp:Response"),
    STATUS_NOT_SUCCESS(INVALID_SAML_RESPONSE, "Response status must be Success"),
    ENCRYPTED_ASSERTION_UNSUPPORTED(INVALID_SAML_RESPONSE, "encrypted assertions are not supported by this test SP"),
    NOT_EXACTLY_ONE_ASSERTION(INVALID_SAML_RESPONSE, "the document must hold exactly one Assertion, a child of the Response"),
    // who sent it
    RESPONSE_ISSUER_MISMATCH(ISSUER_NOT_PRESENT, "Response Issuer must equal the metadata entityID"),
    ASSERTION_ISSUER_MISMATCH(ISSUER_NOT_PRESENT, "Assertion Issuer must equal the metadata entityID"),
    // signatures
    ASSERTION_NOT_SIGNED(AwsMessage.RESPONSE_SIGNATURE_INVALID, "the Assertion must carry its own signature"),
    SIGNED_ID_NOT_UNIQUE(AwsMessage.RESPONSE_SIGNATURE_INVALID, "the signed element's ID must be unique in the document"),
    SIGNATURE_PROFILE_INVALID(AwsMessage.RESPONSE_SIGNATURE_INVALID, "signature must follow the SAML profile and reference the element it sits in"),
    RESPONSE_SIGNATURE_INVALID(AwsMessage.RESPONSE_SIGNATURE_INVALID, "Response signature does not verify with any metadata signing key"),
    ASSERTION_SIGNATURE_INVALID(AwsMessage.RESPONSE_SIGNATURE_INVALID, "Assertion signature does not verify with any metadata signing key"),
    SIGNING_KEY_TOO_WEAK(AwsMessage.RESPONSE_SIGNATURE_INVALID, "signing key must be RSA >= 1024 bits"),
    // addressing and lifetime
    DESTINATION_MISMATCH(INVALID_SAML_RESPONSE, "Response Destination must equal the URL posted to"),
    SUBJECT_CONFIRMATION_NOT_SINGLE(INVALID_SAML_RESPONSE, "exactly one SubjectConfirmation is required"),
    SUBJECT_CONFIRMATION_NOT_BEARER(INVALID_SAML_RESPONSE, "SubjectConfirmation Method must be bearer"),
    SUBJECT_CONFIRMATION_DATA_INCOMPLETE(INVALID_SAML_RESPONSE, "SubjectConfirmationData needs NotOnOrAfter and Recipient"),
    SUBJECT_CONFIRMATION_EXPIRED(INVALID_SAML_RESPONSE, "SubjectConfirmationData NotOnOrAfter has passed"),
    RECIPIENT_MISMATCH(NOT_AUTHORIZED, "SubjectConfirmationData Recipient (SAML:aud) must equal the URL posted to"),
    CONDITIONS_NOT_YET_VALID(INVALID_SAML_RESPONSE, "Conditions NotBefore is in the future"),
    CONDITIONS_EXPIRED(INVALID_SAML_RESPONSE, "Conditions NotOnOrAfter has passed"),
    AUDIENCE_MISMATCH(INVALID_SAML_RESPONSE, "every AudienceRestriction must name the SP's audience"),
    // subject
    NAME_ID_MISSING(NOT_AUTHORIZED, "a non-empty NameID is required"),
    NAME_ID_FORMAT_NOT_URI(NOT_AUTHORIZED, "NameID Format must be persistent, transient or another full URI"),
    // Role attribute
    ROLE_ATTRIBUTE_MISSING(INVALID_SAML_RESPONSE, "no https://aws.amazon.com/SAML/Attributes/Role attribute"),
    ROLE_ATTRIBUTE_REPEATED(INVALID_SAML_RESPONSE, "Role must be ONE Attribute element (role_list trap)"),
    ROLE_ATTRIBUTE_EMPTY(INVALID_SAML_RESPONSE, "Role attribute needs at least one value"),
    ROLE_PAIR_MALFORMED(INVALID_SAML_RESPONSE, "Role value must be roleArn,providerArn"),
    ROLE_PAIR_ACCOUNT_MISMATCH(INVALID_SAML_RESPONSE, "role and provider must be in the same account"),
    ROLE_PAIR_PARTITION_MISMATCH(INVALID_SAML_RESPONSE, "role and provider must be in the same partition"),
    ROLE_PARTITION_NOT_ENDPOINTS(INVALID_SAML_RESPONSE, "ARN partition must be the sign-in endpoint's partition"),
    SAML_PROVIDER_UNKNOWN(PROVIDER_DOES_NOT_EXIST, "provider ARN is not one registered with this SP"),
    // session attributes
    ROLE_SESSION_NAME_MISSING(ROLE_SESSION_NAME_REQUIRED, "RoleSessionName attribute is required"),
    ROLE_SESSION_NAME_MALFORMED(ROLE_SESSION_NAME_INVALID, "RoleSessionName must be one value of [a-zA-Z_0-9+=,.@-]{2,64}"),
    SESSION_DURATION_INVALID(INVALID_SAML_RESPONSE, "SessionDuration must be one integer 900..43200"),
    PRINCIPAL_TAG_TOO_MANY(INVALID_SAML_RESPONSE, "at most 50 PrincipalTag attributes"),
    PRINCIPAL_TAG_INVALID(INVALID_SAML_RESPONSE, "PrincipalTag needs one value, key 1..128, value <= 256, AWS tag characters"),
    TRANSITIVE_TAG_KEY_NOT_SENT(INVALID_SAML_RESPONSE, "TransitiveTagKeys must name PrincipalTag keys sent in the assertion"),
    SOURCE_IDENTITY_RESERVED_PREFIX(INVALID_SAML_RESPONSE, "SourceIdentity must not start with aws:"),
    SOURCE_IDENTITY_INVALID(INVALID_SAML_RESPONSE, "SourceIdentity must be one value of [a-zA-Z_0-9+=,.@-]{2,64}");

    private final AwsMessage awsMessage;
    private final String description;

    AwsSamlRule(AwsMessage awsMessage, String description) {
        this.awsMessage = awsMessage;
        this.description = description;
    }

    public AwsMessage awsMessage() {
        return awsMessage;
    }

    public String description() {
        return description;
    }

    /** Shorthand used by the checks: a rejection for this rule with a detail about this response. */
    AwsSamlRejection rejection(String detail) {
        return new AwsSamlRejection(this, detail);
    }
}
