package dev.kcaws.testsupport.awssts;

/**
 * An error STS answers with: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}
 * and an HTTP status. Also what {@link AwsLikeSts#rejectedCalls()} records.
 */
public record StsError(int httpStatus, String type, String code, String message) {

    public static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithSAML";

    static StsError accessDenied() {
        return new StsError(403, "Sender", "AccessDenied", NOT_AUTHORIZED);
    }

    static StsError validation(String message) {
        return new StsError(400, "Sender", "ValidationError", message);
    }

    static StsError invalidIdentityToken(String message) {
        return new StsError(400, "Sender", "InvalidIdentityToken", message);
    }

    static StsError expiredToken(String message) {
        return new StsError(400, "Sender", "ExpiredTokenException", message);
    }

    /** A key STS never issued, or a session token that is not the one issued with it. */
    static StsError invalidClientTokenId() {
        return new StsError(403, "Sender", "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    /** Temporary credentials past their Expiration (the request's, not an assertion's: that is ExpiredTokenException). */
    static StsError expiredSecurityToken() {
        return new StsError(403, "Sender", "ExpiredToken", "The security token included in the request is expired");
    }

    static StsError missingAuthenticationToken() {
        return new StsError(403, "Sender", "MissingAuthenticationToken", "Request is missing Authentication Token");
    }

    static StsError incompleteSignature() {
        return new StsError(400, "Sender", "IncompleteSignature", "Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'Signature' parameter.");
    }

    static StsError missingParameter(String name) {
        // STS's model validation, as it words a missing required member
        return validation("1 validation error detected: Value null at '" + camel(name)
                + "' failed to satisfy constraint: Member must not be null");
    }

    private static String camel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Thrown inside the handler to answer with this error. */
    StsException toException() {
        return new StsException(this);
    }

    static final class StsException extends Exception {
        private static final long serialVersionUID = 1L;
        final transient StsError error;

        StsException(StsError error) {
            super(error.code() + ": " + error.message(), null, false, false);
            this.error = error;
        }
    }
}
