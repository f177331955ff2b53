package dev.kcaws.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads request bodies strictly: a misspelt field is an error that names it, never a silently
 * ignored setting.
 */
final class JsonBodies {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private JsonBodies() {
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw AdminErrors.badRequest("body", "a JSON object is required");
        }
        try {
            return STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw AdminErrors.badRequest(e.getPropertyName(), "unknown field; known fields are " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            String field = e.getMessage() != null && e.getMessage().contains("\"") ? e.getOriginalMessage() : "body";
            throw AdminErrors.badRequest("body", "not valid JSON for this call (" + field.split("\n")[0] + ")");
        }
    }
}
