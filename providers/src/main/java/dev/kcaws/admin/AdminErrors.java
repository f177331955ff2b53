package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.representations.idm.ErrorRepresentation;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Errors as Keycloak's admin API answers them, in its own {@link ErrorRepresentation}: the message
 * ({@code errorMessage}, English, starting with the field at fault) and the {@code field}; a body with
 * several invalid fields lists each in {@code errors}, the first also at the top. Every error, 400,
 * 404 or 409, is made here from an {@link AwsRuleViolation}, so it always carries its rule's message
 * key and values ({@link RuleErrorRepresentation}) and a page can say it in the admin's language:
 * there is no way to answer an English-only error.
 */
final class AdminErrors {

    private AdminErrors() {
    }

    static WebApplicationException invalid(AwsRuleViolation violation) {
        return error(Response.Status.BAD_REQUEST, representation(violation));
    }

    static WebApplicationException invalid(InvalidFields invalid) {
        return error(Response.Status.BAD_REQUEST, representation(invalid));
    }

    /** The first violation at the top; all of them in {@code errors} when there is more than one. */
    static ErrorRepresentation representation(InvalidFields invalid) {
        List<AwsRuleViolation> violations = invalid.violations();
        ErrorRepresentation body = representation(violations.get(0));
        if (violations.size() > 1) {
            body.setErrors(violations.stream().map(AdminErrors::representation).toList());
        }
        return body;
    }

    /** A 400 naming {@code field}, which broke {@code rule}. */
    static WebApplicationException badRequest(String field, AwsRule rule, Object... params) {
        return invalid(new AwsRuleViolation(field, rule, params));
    }

    /** A 404: the thing the path or body names does not exist ({@code rule} says which). */
    static WebApplicationException notFound(AwsRule rule, Object... params) {
        return error(Response.Status.NOT_FOUND, representation(AwsRuleViolation.of(rule, params)));
    }

    /** A 404 naming the field whose value names nothing that exists. */
    static WebApplicationException notFound(AwsRuleViolation violation) {
        return error(Response.Status.NOT_FOUND, representation(violation));
    }

    /** A 409 naming no field: the realm's state refuses the change. */
    static WebApplicationException conflict(AwsRule rule, Object... params) {
        return conflict(AwsRuleViolation.of(rule, params));
    }

    /** A 409 naming the field whose value the realm's state refuses. */
    static WebApplicationException conflict(AwsRuleViolation violation) {
        return error(Response.Status.CONFLICT, representation(violation));
    }

    /** The only way this API makes an error body: from a violation, so always with its message key. */
    private static ErrorRepresentation representation(AwsRuleViolation violation) {
        return new RuleErrorRepresentation(violation);
    }

    private static WebApplicationException error(Response.Status status, ErrorRepresentation body) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
