package dev.kcaws.portal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kcaws.client.UserMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI endpoints' answers: JSON, never stored by any cache, errors as
 * {@code {"error": code, "error_description": one sentence, "messageKey": its key, "params": its values}}
 * with the sentence from the message bundle in the user's language (the token's user's stored locale when known, else what the
 * request and realm say, as Keycloak resolves it for its pages).
 */
final class CliAnswers {

    static final String INVALID_TOKEN = "invalid_token";
    static final String INVALID_REQUEST = "invalid_request";
    static final String ACCESS_DENIED = "access_denied";
    static final String NOT_FOUND = "not_found";
    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    static final String STS_REFUSED = "sts_refused";
    static final String STS_UNREACHABLE = "sts_unreachable";

    /** Thread-safe once configured; holds no request data. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;

    CliAnswers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    static Response ok(Map<String, ?> body) {
        return json(Response.Status.OK, body).build();
    }

    /** An error in the user's language ({@code user} null when the token named nobody). */
    Response error(Response.Status status, String code, UserModel user, String messageKey, Object... parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", text(user, messageKey, parameters));
        // The text's key and values too, as the admin API's errors carry them, for a client that says it itself.
        body.put("messageKey", messageKey);
        body.put("params", Arrays.stream(parameters).map(String::valueOf).toList());
        Response.ResponseBuilder response = json(status, body);
        if (status == Response.Status.UNAUTHORIZED) {
            // RFC 6750: the scheme, the realm and the error, so a client knows to sign in again.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm.getName() + "\", error=\"" + INVALID_TOKEN + "\"");
        }
        return response.build();
    }

    /** The text of a {@code kcaws*} key in the realm's login theme (with the realm's own overrides), filled in. */
    String text(UserModel user, String messageKey, Object... parameters) {
        return UserMessages.text(session, realm, user, messageKey, parameters);
    }

    private static Response.ResponseBuilder json(Response.Status status, Map<String, ?> body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).entity(text)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
