package dev.kcaws.scim;

/**
 * A SCIM request that did not succeed, after any retries. Carries the HTTP status (0 when no
 * answer came) and AWS's {@code detail} for the admin; never the token or the request headers.
 */
public final class ScimException extends RuntimeException {
    private final String operation;
    private final int status;
    private final String detail;
    private final boolean unreadable;

    public ScimException(String operation, int status, String detail) {
        this(operation, status, detail, false);
    }

    private ScimException(String operation, int status, String detail, boolean unreadable) {
        super(operation + " failed: " + (status == 0 ? "no answer" : "HTTP " + status) + (detail == null ? "" : " " + detail));
        this.operation = operation;
        this.status = status;
        this.detail = detail;
        this.unreadable = unreadable;
    }

    /**
     * A success whose body does not hold the resource (no JSON, or no {@code id}): the write may
     * have happened, so it is tried again later, when the push adopts what it made.
     */
    static ScimException unreadableAnswer(String operation, int status) {
        return new ScimException(operation, status, "answered without the SCIM JSON it must return (no body, not JSON, or no id)", true);
    }

    public String operation() {
        return operation;
    }

    /** HTTP status, or 0 when the endpoint could not be reached. */
    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** A 401/403: the token is wrong, expired or revoked; retrying will not help until an admin rotates it. */
    public boolean tokenRefused() {
        return status == 401 || status == 403;
    }

    /** Worth trying again later (outbox / reconcile): unreachable, throttled, or AWS failing. */
    public boolean transientFailure() {
        return unreadable || status == 0 || status == 429 || status >= 500;
    }
}
