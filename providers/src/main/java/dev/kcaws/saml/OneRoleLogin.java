package dev.kcaws.saml;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.protocol.saml.SamlProtocolFactory;
import org.keycloak.protocol.saml.SamlService;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

/**
 * Starts an IdP-initiated SAML login exactly as Keycloak's own {@code /protocol/saml/clients/{name}}
 * does (the realm's browser flow, MFA, SSO cookie), with one difference: the login carries a
 * {@link LaunchChoice} naming one role pair. Each call opens its own authentication session tab,
 * so two tabs launching two roles at once each keep their own choice.
 */
public final class OneRoleLogin extends SamlService {

    private OneRoleLogin(KeycloakSession session, EventBuilder event, long maxInflatingSize) {
        // The destination validator only checks inbound SAML messages; an IdP-initiated login has none.
        super(session, event, maxInflatingSize, DestinationValidator.forProtocolMap(null));
    }

    public static OneRoleLogin create(KeycloakSession session, EventBuilder event) {
        SamlProtocolFactory factory = (SamlProtocolFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(LoginProtocol.class, SamlProtocol.LOGIN_PROTOCOL);
        return new OneRoleLogin(session, event, factory.getMaxInflatingSize());
    }

    /** @return the login page, or (already signed in) the auto-submitting POST to AWS, or Keycloak's error page */
    public Response start(ClientModel awsClient, LaunchChoice choice, String relayState) {
        event.event(EventType.LOGIN).client(awsClient);
        session.getContext().setClient(awsClient);
        AuthenticationSessionModel authSession = getOrCreateLoginSessionForIdpInitiatedSso(session, realm, awsClient, relayState);
        if (authSession == null) {
            throw new IllegalStateException("AWS client " + awsClient.getClientId() + " has no assertion consumer URL");
        }
        authSession.setClientNote(LaunchChoice.NOTE, choice.noteValue());
        return newBrowserAuthentication(authSession, false, false);
    }
}
