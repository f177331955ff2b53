package dev.kcaws.scim;

import com.fasterxml.jackson.databind.JsonNode;

/** A user or group as Identity Center returned it: its ID there and the whole document. */
public record ScimResource(String id, JsonNode document) {

    static ScimResource of(JsonNode document) {
        return new ScimResource(document.path("id").asText(null), document);
    }

    public String text(String field) {
        JsonNode value = document.path(field);
        return value.isValueNode() ? value.asText() : null;
    }
}
