package dev.kcaws.scim;

/**
 * A Keycloak user or group that cannot be expressed as a document Identity Center accepts (for
 * example email-based userName and no email). Raised before any request is sent, so a user AWS
 * would refuse is reported once instead of being retried into a 400 loop.
 */
public final class ScimInputException extends RuntimeException {
    private final String field;

    public ScimInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The SCIM attribute that could not be filled. */
    public String field() {
        return field;
    }
}
