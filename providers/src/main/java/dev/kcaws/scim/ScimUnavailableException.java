package dev.kcaws.scim;

/**
 * Identity Center cannot take the push now: unreachable, still throttling or failing after the
 * retries, or refusing the token (401/403). The change that was being pushed was not (or not
 * wholly) applied; the caller keeps it and tries again later. What was sent before the failure
 * is recorded in the {@link PushLedger}; what was not, is not.
 */
public final class ScimUnavailableException extends RuntimeException {
    private final int status;
    private final boolean tokenRefused;

    public ScimUnavailableException(ScimException cause) {
        super(cause.getMessage(), cause);
        this.status = cause.status();
        this.tokenRefused = cause.tokenRefused();
    }

    /** The HTTP status of the last answer, 0 when none came. */
    public int status() {
        return status;
    }

    /** The token was refused (401/403): nothing goes through until an admin sets a valid one. */
    public boolean tokenRefused() {
        return tokenRefused;
    }
}
