package dev.kcaws.scim;

/**
 * A Keycloak group chosen for the push.
 *
 * @param id          Keycloak's group ID, sent as {@code externalId}
 * @param displayName the name Identity Center shows and matches permission-set assignments by
 */
public record SourceGroup(String id, String displayName) {
}
