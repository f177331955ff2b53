package dev.kcaws.keycloak;

import org.keycloak.services.ErrorResponse;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Errors the bundle raises inside Keycloak's own admin endpoints (from a model event listener),
 * shaped as those endpoints' errors are: Keycloak's {@code ErrorRepresentation} with
 * {@code errorMessage}, so the admin console shows the text.
 *
 * <p>Keycloak internal used: {@code ErrorResponse.error(String, Response.Status)} returning
 * {@code ErrorResponseException} (a {@code WebApplicationException}); {@code keycloak-services}
 * utility, not SPI; same signature in 26.4.7, 26.5.6 and 26.7.x. The bundle's own admin API builds
 * its {@code ErrorRepresentation} itself ({@code dev.kcaws.admin.AdminErrors}) and needs no internal.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** Keycloak's admin error with this message and status, to be thrown. */
    public static WebApplicationException error(String message, Response.Status status) {
        return ErrorResponse.error(message, status);
    }
}
