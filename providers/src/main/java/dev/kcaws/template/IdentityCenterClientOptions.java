package dev.kcaws.template;

import dev.kcaws.aws.AccessControlMappings.Mapping;
import dev.kcaws.aws.IdentityCenterSp;

import java.util.List;

/**
 * What an admin chooses for the Identity Center client; everything else is fixed by what Identity
 * Center requires. Each value is checked by the caller (the admin API lists every bad field at once).
 *
 * @param sp              Identity Center's issuer and ACS URLs (from its metadata, or typed in)
 * @param attributes      ABAC attributes, {@code AccessControl:<key>} from a user attribute each
 * @param urlName         the IdP-initiated URL name: {@code /realms/{realm}/protocol/saml/clients/{urlName}}
 * @param displayName     the client's name, the portal tile's label
 * @param accessPortalUrl Identity Center's AWS access portal URL, where the tile leads when given
 *                        (its sign-in then starts at Identity Center); null: the tile starts the
 *                        IdP-initiated sign-in
 */
public record IdentityCenterClientOptions(IdentityCenterSp sp, List<Mapping> attributes, String urlName, String displayName,
                                          String accessPortalUrl) {

    public static final String DEFAULT_URL_NAME = "aws-identity-center";
    public static final String DEFAULT_NAME = "AWS IAM Identity Center";

    public IdentityCenterClientOptions {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        urlName = urlName == null || urlName.isBlank() ? DEFAULT_URL_NAME : urlName;
        displayName = displayName == null || displayName.isBlank() ? DEFAULT_NAME : displayName;
    }
}
