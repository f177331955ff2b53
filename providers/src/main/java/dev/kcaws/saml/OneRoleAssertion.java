package dev.kcaws.saml;

import dev.kcaws.keycloak.SamlResponseDocument;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

import java.util.Map;
import java.util.Optional;

/**
 * A SAML response naming exactly one role pair, for an already signed-in user, without a browser
 * round trip: what the portal hands to STS for access keys. Keycloak's own SAML protocol makes it
 * exactly as for a console login (same signing, same mapper, same checks); the encoded document is
 * taken from it instead of the auto-submitting page (see {@link SamlResponseDocument}).
 */
public final class OneRoleAssertion {

    private OneRoleAssertion() {
    }

    /** The base64 SAMLResponse, or empty when the mapper refused (the caller checked access first; this is the race). */
    public static Optional<String> issue(KeycloakSession session, RealmModel realm, ClientModel awsClient, UserSessionModel userSession,
                                         LaunchChoice choice) {
        return SamlResponseDocument.issue(session, realm, awsClient, userSession, Map.of(LaunchChoice.NOTE, choice.noteValue()));
    }
}
