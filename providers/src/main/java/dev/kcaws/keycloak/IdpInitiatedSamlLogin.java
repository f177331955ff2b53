package dev.kcaws.keycloak;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.AuthorizationEndpointBase;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.LoginProtocolFactory;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.protocol.saml.SamlService;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

/**
 * An IdP-initiated SAML login run exactly as Keycloak's own {@code /protocol/saml/clients/{name}}
 * (the realm's browser flow, MFA, SSO cookie), with one client note of ours on the login's
 * authentication session (the bundle's one-role choice), which Keycloak copies to the client
 * session its SAML mappers see.
 *
 * <p>Keycloak internals used, and since when they have this shape:
 * <ul>
 * <li>{@code SamlService.getOrCreateLoginSessionForIdpInitiatedSso} (public; same in 26.4.7, 26.5.6 and 26.7.x):
 *     the tab with the client's ACS URL, binding and default relay state, as the stock endpoint
 *     makes it. The service comes from {@code LoginProtocolFactory.createProtocolEndpoint} (the
 *     SPI's own method), not from its constructor: the constructor gained a {@code maxInflatingSize}
 *     argument in 26.5 (and the factory {@code getMaxInflatingSize()}), which made a subclass built
 *     against 26.5+ fail on 26.4 with {@code NoSuchMethodError}.</li>
 * <li>{@code AuthorizationEndpointBase.handleBrowserAuthenticationRequest} (protected; same in 26.4.7,
 *     26.5.6 and 26.7.x): what {@code SamlService.newBrowserAuthentication} calls, with the same
 *     {@link SamlProtocol} set-up.</li>
 * </ul>
 */
public final class IdpInitiatedSamlLogin extends AuthorizationEndpointBase {

    private IdpInitiatedSamlLogin(KeycloakSession session, EventBuilder event) {
        super(session, event);
    }

    /**
     * @return the login page, or (already signed in) the auto-submitting POST to the client, or
     *         Keycloak's error page
     * @throws IllegalStateException if the client has no assertion consumer URL (the caller's setup checks it)
     */
    public static Response start(KeycloakSession session, EventBuilder event, ClientModel client, String relayState,
                                 String noteName, String noteValue) {
        return new IdpInitiatedSamlLogin(session, event).start(client, relayState, noteName, noteValue);
    }

    private Response start(ClientModel client, String relayState, String noteName, String noteValue) {
        event.event(EventType.LOGIN).client(client);
        session.getContext().setClient(client);
        LoginProtocolFactory factory = (LoginProtocolFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(LoginProtocol.class, SamlProtocol.LOGIN_PROTOCOL);
        SamlService stock = (SamlService) factory.createProtocolEndpoint(session, event);
        AuthenticationSessionModel authSession = stock.getOrCreateLoginSessionForIdpInitiatedSso(session, realm, client, relayState);
        if (authSession == null) {
            throw new IllegalStateException("client " + client.getClientId() + " has no assertion consumer URL");
        }
        authSession.setClientNote(noteName, noteValue);
        SamlProtocol protocol = new SamlProtocol().setEventBuilder(event).setHttpHeaders(headers).setRealm(realm)
                .setSession(session).setUriInfo(session.getContext().getUri());
        return handleBrowserAuthenticationRequest(authSession, protocol, false, false);
    }
}
