package dev.kcaws.portal.sts;

/**
 * STS refused {@code AssumeRoleWithSAML}, or could not be reached. The message is fit to show the
 * user ("AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML"); it never contains the
 * SAML assertion or any credential, and no SDK exception is kept as the cause (their messages
 * repeat request details).
 */
public final class StsFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** {@link #errorCode()} when STS was not reached or its answer could not be read. */
    public static final String CLIENT_ERROR = "ClientError";

    private final String errorCode;
    private final String awsMessage;
    private final int httpStatus;
    private final String requestId;

    public StsFailure(String errorCode, String awsMessage, int httpStatus, String requestId) {
        super(errorCode + ": " + awsMessage);
        this.errorCode = errorCode;
        this.awsMessage = awsMessage;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    /** AWS's error code, e.g. {@code AccessDenied}, {@code InvalidIdentityToken}, {@code ValidationError}; or {@link #CLIENT_ERROR}. */
    public String errorCode() {
        return errorCode;
    }

    /** AWS's message without the code, e.g. "Not authorized to perform sts:AssumeRoleWithSAML". */
    public String awsMessage() {
        return awsMessage;
    }

    /** The HTTP status STS answered with; 0 when it was not reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** STS's request ID, for a support case; null when unknown. */
    public String requestId() {
        return requestId;
    }

    /** True when STS was reached and refused (the user or the IAM setup must change), not a network problem. */
    public boolean refusedByAws() {
        return httpStatus > 0 && !CLIENT_ERROR.equals(errorCode);
    }
}
