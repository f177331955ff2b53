package dev.kcaws.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlService;

/**
 * The realm's SAML IdP metadata XML, exactly as {@code /realms/{realm}/protocol/saml/descriptor}
 * serves it: the generated IAM code embeds it for the AWS SAML provider.
 *
 * <p>Keycloak internal used: {@code SamlService.getIDPMetadataDescriptor(UriInfo, KeycloakSession,
 * RealmModel)} (public static; same in 26.4.7, 26.5.6 and 26.7.x).
 */
public final class SamlIdpMetadata {

    private SamlIdpMetadata() {
    }

    public static String xml(KeycloakSession session, RealmModel realm) {
        return SamlService.getIDPMetadataDescriptor(session.getContext().getUri(), session, realm);
    }
}
