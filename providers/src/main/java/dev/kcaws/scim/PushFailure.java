package dev.kcaws.scim;

/**
 * One user or group the push could not bring to Identity Center; the rest of the run went on.
 *
 * @param kind       {@link #USER} or {@link #GROUP}
 * @param keycloakId Keycloak's ID of the user or group
 * @param name       its userName / displayName, or Keycloak's username when no userName could be made
 * @param message    Identity Center's message (or why no request was sent); never the token
 */
public record PushFailure(String kind, String keycloakId, String name, String message) {
    public static final String USER = "USER";
    public static final String GROUP = "GROUP";
}
