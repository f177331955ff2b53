package dev.kcaws.admin;

import java.util.List;

/**
 * The realm's Identity Center SAML client, as {@code GET /aws/identity-center/saml-client} answers.
 *
 * @param id              Keycloak's client UUID ({@code /admin/realms/{realm}/clients/{id}})
 * @param clientId        Identity Center's issuer URL, the audience Keycloak sends
 * @param acsUrls         where responses may go; the first is where IdP-initiated sign-in posts
 * @param idpInitiatedUrl the URL that signs a user in to Identity Center from Keycloak
 * @param accessPortalUrl the AWS access portal URL the launcher tile leads to, or null (the tile starts the IdP-initiated sign-in)
 * @param userNameSource  what the NameID carries now: EMAIL or USERNAME (the realm's one setting, shared with the SCIM push)
 * @param idpMetadataUrl  the realm's IdP metadata, to upload to Identity Center
 */
public record IdentityCenterSamlClientRepresentation(String id, String clientId, String name, boolean enabled, List<String> acsUrls,
                                                     String idpInitiatedUrl, String accessPortalUrl,
                                                     List<IdentityCenterSamlClientRequest.AccessControlAttributeRepresentation> attributes,
                                                     String userNameSource, String idpMetadataUrl) {
}
