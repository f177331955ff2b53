package dev.kcaws.portal.cli;

import org.keycloak.models.KeycloakSession;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Optional;

/**
 * The CLI exchange's fields, read only from a URL-encoded form. Keycloak parses every POST body as
 * a form before the resource runs, a multipart part with a file name as a file whose value cannot be
 * read as text; so any other body (multipart, JSON, none) is no form here, and the caller answers
 * 400 instead of letting the parser's failure become a 500.
 */
final class CliForm {

    private CliForm() {
    }

    /** The decoded form, or empty when the body is not {@code application/x-www-form-urlencoded} or cannot be read as one. */
    static Optional<MultivaluedMap<String, String>> read(KeycloakSession session) {
        String type = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_TYPE);
        MediaType mediaType;
        try {
            mediaType = type == null ? null : MediaType.valueOf(type);
        } catch (IllegalArgumentException unparsable) {
            return Optional.empty();
        }
        if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || mediaType.isWildcardType()
                || mediaType.isWildcardSubtype()) {
            return Optional.empty();
        }
        try {
            return Optional.of(session.getContext().getHttpRequest().getDecodedFormParameters());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
