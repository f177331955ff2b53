package dev.kcaws.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The user document Identity Center's CreateUser and PutUser accept: {@code userName},
 * {@code name.givenName}, {@code name.familyName}, {@code displayName} (all four required by AWS),
 * at most one email and that one marked primary, {@code active}, {@code externalId}. Never
 * {@code password} or {@code groups} (refused on create).
 */
public record ScimUserDocument(String userName, String givenName, String familyName, String displayName,
                               String email, boolean active, String externalId) {

    /**
     * Builds the document from Keycloak's values. Missing names get the documented fallback (the
     * userName's part before {@code @}) because AWS requires both names and Keycloak does not:
     * sending a blank name would be refused again on every retry.
     *
     * @throws ScimInputException when the userName itself cannot be filled
     */
    public static ScimUserDocument from(KeycloakUser user, UserNameSource source) {
        if (user.id() == null || user.id().isBlank()) {
            throw new ScimInputException("externalId", "the user has no Keycloak ID");
        }
        String email = clean(user.email());
        String userName = source == UserNameSource.EMAIL ? email : clean(user.username());
        if (userName == null) {
            throw new ScimInputException("userName", source == UserNameSource.EMAIL
                    ? "the user has no email, and Identity Center's userName is set to be the email"
                    : "the user has no username");
        }
        String fallback = localPart(userName);
        String given = orElse(clean(user.firstName()), fallback);
        String family = orElse(clean(user.lastName()), fallback);
        String first = clean(user.firstName());
        String last = clean(user.lastName());
        String display = first == null && last == null ? userName
                : first == null ? last : last == null ? first : first + " " + last;
        return new ScimUserDocument(userName, given, family, display, email, user.enabled(), user.id());
    }

    /** The JSON body for CreateUser / PutUser. */
    public ObjectNode toJson() {
        ObjectNode json = ScimJson.object();
        json.putArray("schemas").add(ScimJson.USER_SCHEMA);
        json.put("externalId", externalId);
        json.put("userName", userName);
        ObjectNode name = json.putObject("name");
        name.put("givenName", givenName);
        name.put("familyName", familyName);
        json.put("displayName", displayName);
        json.put("active", active);
        if (email != null) {
            ArrayNode emails = json.putArray("emails");
            emails.addObject().put("value", email).put("type", "work").put("primary", true);
        }
        return json;
    }

    private static String localPart(String userName) {
        int at = userName.indexOf('@');
        String local = at > 0 ? userName.substring(0, at) : userName;
        return local.isBlank() ? userName : local;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public String toString() {
        return "ScimUserDocument[userName=" + userName + ", externalId=" + externalId
                + ", active=" + String.valueOf(active).toLowerCase(Locale.ROOT) + "]";
    }
}
