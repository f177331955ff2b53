package dev.kcaws.testsupport.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** What an admin REST call answered. {@link #body()} is the raw text; {@link #json()} parses it. */
public record ApiResponse(int status, String body, HttpHeaders headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON tree; an empty body is a missing node. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
        }
    }

    public <T> T json(Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " from (status " + status + "): " + body, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The id at the end of the Location header Keycloak sends with 201 Created. */
    public String createdId() {
        String location = header("Location")
                .orElseThrow(() -> new IllegalStateException("no Location header (status " + status + "): " + body));
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
