package dev.kcaws.scim;

import java.util.Objects;

/**
 * Identity Center's SCIM access token. Kept in its own type so it cannot reach a log or an error
 * by accident: {@link #toString()} never shows it; only the client reads it, to set the header.
 */
public final class BearerToken {
    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    public static BearerToken of(String value) {
        Objects.requireNonNull(value, "token");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new ScimInputException("token", "the SCIM access token is empty");
        }
        // A header value with a line break would split the request; refuse rather than send it.
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new ScimInputException("token", "the SCIM access token has characters a bearer token cannot have");
        }
        return new BearerToken(trimmed);
    }

    String authorizationHeader() {
        return "Bearer " + value;
    }

    /** Masks the token in text that came from elsewhere (an error body that might echo the request). */
    String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "BearerToken[***]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BearerToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
