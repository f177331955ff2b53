package dev.kcaws.scim;

/**
 * What the push knows of one Keycloak user, as plain values (any may be null except id).
 *
 * @param id        Keycloak's user ID, sent as {@code externalId}
 * @param username  Keycloak's username
 * @param email     the user's email, or null
 * @param firstName the first name, or null
 * @param lastName  the last name, or null
 * @param enabled   Keycloak's enabled flag, sent as {@code active}
 */
public record KeycloakUser(String id, String username, String email, String firstName, String lastName, boolean enabled) {
}
