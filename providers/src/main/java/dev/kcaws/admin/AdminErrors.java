package dev.kcaws.admin;

import dev.kcaws.aws.AwsRuleViolation;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON errors in the shape Keycloak's admin API uses ({@code errorMessage}), plus the field at fault. */
final class AdminErrors {

    private AdminErrors() {
    }

    static WebApplicationException invalid(AwsRuleViolation violation) {
        return error(Response.Status.BAD_REQUEST, violation.getMessage(), violation.field());
    }

    static WebApplicationException badRequest(String field, String message) {
        return error(Response.Status.BAD_REQUEST, field + ": " + message, field);
    }

    static WebApplicationException notFound(String message) {
        return error(Response.Status.NOT_FOUND, message, null);
    }

    static WebApplicationException conflict(String message) {
        return error(Response.Status.CONFLICT, message, null);
    }

    static WebApplicationException conflict(String field, String message) {
        return error(Response.Status.CONFLICT, message, field);
    }

    private static WebApplicationException error(Response.Status status, String message, String field) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status == Response.Status.BAD_REQUEST ? "invalid_request" : status.getReasonPhrase().toLowerCase().replace(' ', '_'));
        body.put("errorMessage", message);
        if (field != null) {
            body.put("field", field);
        }
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
