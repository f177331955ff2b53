package dev.kcaws.saml;

import dev.kcaws.keycloak.IdpInitiatedSamlLogin;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import jakarta.ws.rs.core.Response;

/**
 * Starts an IdP-initiated SAML login exactly as Keycloak's own {@code /protocol/saml/clients/{name}}
 * does (the realm's browser flow, MFA, SSO cookie), with one difference: the login carries a
 * {@link LaunchChoice} naming one role pair. Each call opens its own authentication session tab,
 * so two tabs launching two roles at once each keep their own choice.
 */
public final class OneRoleLogin {

    private final KeycloakSession session;
    private final EventBuilder event;

    private OneRoleLogin(KeycloakSession session, EventBuilder event) {
        this.session = session;
        this.event = event;
    }

    public static OneRoleLogin create(KeycloakSession session, EventBuilder event) {
        return new OneRoleLogin(session, event);
    }

    /** @return the login page, or (already signed in) the auto-submitting POST to AWS, or Keycloak's error page */
    public Response start(ClientModel awsClient, LaunchChoice choice, String relayState) {
        return IdpInitiatedSamlLogin.start(session, event, awsClient, relayState, LaunchChoice.NOTE, choice.noteValue());
    }
}
