package dev.kcaws.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Whether what Identity Center holds differs from what the push would send, field by field over
 * the attributes the push sends (anything else Identity Center keeps is not the push's business).
 */
final class Drift {
    private Drift() {
    }

    static boolean userDiffers(JsonNode held, ScimUserDocument wanted) {
        JsonNode email = held.path("emails").path(0).path("value");
        return !Objects.equals(text(held.path("userName")), wanted.userName())
                || !Objects.equals(text(held.path("name").path("givenName")), wanted.givenName())
                || !Objects.equals(text(held.path("name").path("familyName")), wanted.familyName())
                || !Objects.equals(text(held.path("displayName")), wanted.displayName())
                || !Objects.equals(text(held.path("externalId")), wanted.externalId())
                || !Objects.equals(text(email), wanted.email())
                || held.path("emails").size() > (wanted.email() == null ? 0 : 1)
                || held.path("active").asBoolean(true) != wanted.active();
    }

    /** Only the name: a group adopted with another {@code externalId} keeps it (nothing reads it). */
    static boolean groupDiffers(JsonNode held, ScimGroupDocument wanted) {
        return !Objects.equals(text(held.path("displayName")), wanted.displayName());
    }

    static boolean inactive(JsonNode held) {
        return !held.path("active").asBoolean(true);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
