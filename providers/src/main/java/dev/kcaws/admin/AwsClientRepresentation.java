package dev.kcaws.admin;

/**
 * One of the realm's AWS clients (a SAML client carrying the role-pair mapper), as the admin page
 * lists them: where it posts, which partition that is, and the URL that starts its IdP-initiated login.
 *
 * @param defaultClient   the realm's chosen default for its partition
 * @param servesShortcuts the client the partition's shortcut links and access keys go through now
 */
public record AwsClientRepresentation(String id, String clientId, String name, boolean enabled, String partition,
                                      String signinEndpoint, String idpInitiatedUrl, boolean defaultClient, boolean servesShortcuts) {
}
