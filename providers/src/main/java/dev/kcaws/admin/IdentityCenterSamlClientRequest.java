package dev.kcaws.admin;

import java.util.List;

/**
 * Asks for the Identity Center SAML client: Identity Center's service-provider {@code metadata}
 * (the XML its console offers), or its {@code acsUrl} and {@code issuer}, not both.
 *
 * @param attributes      optional ABAC attributes: {@code AccessControl:<key>} from a user attribute each
 * @param urlName         optional IdP-initiated URL name (default {@code aws-identity-center})
 * @param name            optional client name, the launcher tile's label (default {@code AWS IAM Identity Center})
 * @param accessPortalUrl optional AWS access portal URL; the tile then leads there instead of the IdP-initiated URL
 */
public record IdentityCenterSamlClientRequest(String metadata, String acsUrl, String issuer, List<AccessControlAttributeRepresentation> attributes,
                                              String urlName, String name, String accessPortalUrl) {

    /** One ABAC attribute: {@code AccessControl:<key>} with the value of {@code userAttribute}. */
    public record AccessControlAttributeRepresentation(String key, String userAttribute) {
    }
}
