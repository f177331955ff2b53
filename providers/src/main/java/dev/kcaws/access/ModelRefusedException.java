package dev.kcaws.access;

import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.models.KeycloakSession;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model guard's refusal: a 400 whose body carries the reason ({@code errorMessage}) on every
 * path that reaches the guard. A {@code ModelValidationException} would do for the paths that
 * catch it (realm import, client create and update), but partial import lets it through to
 * Keycloak's error handler, which answers {@code unknown_error} without the reason; a
 * {@link WebApplicationException} with a response is sent as it is. Marks the transaction
 * rollback-only itself, since nothing on those paths does it for such an exception. The message
 * is also the exception's, for {@code kc.sh import}'s log.
 *
 * <p>Made only from {@link AwsRuleViolation}s, so the body carries each one's {@code messageKey}
 * and {@code params} as the bundle's admin API does (shaped as Keycloak's {@code ErrorRepresentation}).
 */
public final class ModelRefusedException extends WebApplicationException {

    private ModelRefusedException(String message, Response response) {
        super(message, response);
    }

    /** A 400 for one refusal. */
    public static ModelRefusedException of(KeycloakSession session, AwsRuleViolation refusal) {
        return of(session, Response.Status.BAD_REQUEST, refusal);
    }

    /** The same with another status: a 409 when the refused write would add a second of something the realm holds one of. */
    public static ModelRefusedException of(KeycloakSession session, Response.Status status, AwsRuleViolation refusal) {
        return refuse(session, status, refusal.getMessage(), error(refusal), List.of());
    }

    /**
     * A 400 for every problem found (at least one), in one message "p1; p2", preceded by
     * {@code summary} ("summary: p1; p2") when there is one; the body lists each problem in
     * {@code errors} and has the summary's key at the top, or the first problem's without one.
     */
    public static ModelRefusedException of(KeycloakSession session, AwsRuleViolation summary, List<AwsRuleViolation> problems) {
        String all = problems.stream().map(AwsRuleViolation::getMessage).collect(Collectors.joining("; "));
        String message = summary == null ? all : summary.getMessage() + ": " + all;
        List<Map<String, Object>> errors = problems.stream().map(ModelRefusedException::error).toList();
        return refuse(session, Response.Status.BAD_REQUEST, message, error(summary == null ? problems.get(0) : summary),
                summary == null && problems.size() == 1 ? List.of() : errors);
    }

    private static ModelRefusedException refuse(KeycloakSession session, Response.Status status, String message,
                                                Map<String, Object> top, List<Map<String, Object>> errors) {
        if (session != null) {
            session.getTransactionManager().setRollbackOnly();
        }
        // The shape of the bundle's admin errors and of Keycloak's own ErrorRepresentation.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_request");
        body.putAll(top);
        body.put("errorMessage", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return new ModelRefusedException(message, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }

    private static Map<String, Object> error(AwsRuleViolation violation) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (violation.field() != null) {
            error.put("field", violation.field());
        }
        error.put("errorMessage", violation.getMessage());
        error.put("messageKey", violation.key());
        error.put("params", violation.paramsForJson());
        return error;
    }
}
