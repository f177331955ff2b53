package dev.kcaws.access;

import org.keycloak.models.KeycloakSession;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model guard's refusal: a 400 whose body carries the reason ({@code errorMessage}) on every
 * path that reaches the guard. A {@code ModelValidationException} would do for the paths that
 * catch it (realm import, client create and update), but partial import lets it through to
 * Keycloak's error handler, which answers {@code unknown_error} without the reason; a
 * {@link WebApplicationException} with a response is sent as it is. Marks the transaction
 * rollback-only itself, since nothing on those paths does it for such an exception. The message
 * is also the exception's, for {@code kc.sh import}'s log.
 */
public final class ModelRefusedException extends WebApplicationException {

    private ModelRefusedException(String message, Response response) {
        super(message, response);
    }

    public static ModelRefusedException of(KeycloakSession session, String message) {
        return of(session, Response.Status.BAD_REQUEST, message);
    }

    /** The same with another status: a 409 when the refused write would add a second of something the realm holds one of. */
    public static ModelRefusedException of(KeycloakSession session, Response.Status status, String message) {
        if (session != null) {
            session.getTransactionManager().setRollbackOnly();
        }
        // The shape of the bundle's admin errors and of Keycloak's own ErrorRepresentation.
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "invalid_request");
        body.put("errorMessage", message);
        return new ModelRefusedException(message, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
