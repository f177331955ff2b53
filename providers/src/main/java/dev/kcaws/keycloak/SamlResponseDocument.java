package dev.kcaws.keycloak;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.saml.JaxrsSAML2BindingBuilder;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.w3c.dom.Document;

import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A SAML login response for an already signed-in user, made by Keycloak's own SAML protocol
 * exactly as for a browser login (same document, mappers, checks, signing and encryption), handed
 * back base64-encoded as the POST binding would carry it instead of being put into the
 * auto-submitting page for a browser.
 *
 * <p>Keycloak internals used, and since when they have this shape:
 * <ul>
 * <li>{@code SamlProtocol.buildAuthenticatedResponse(AuthenticatedClientSessionModel, String,
 *     Document, JaxrsSAML2BindingBuilder)} (protected; same in 26.4.7, 26.5.6 and 26.7.x): the one step after
 *     the document is built and the signing/encryption set up; {@link DocumentCapture} overrides it
 *     to encode the document with that same binding builder instead of rendering the form.</li>
 * <li>{@code TokenManager.attachAuthenticationSession(session, userSession, authSession)} (public
 *     static; same in 26.4.7, 26.5.6 and 26.7.x): makes the client session (with our client notes) that the
 *     protocol and its mappers read, as a browser login's last step does.</li>
 * </ul>
 */
public final class SamlResponseDocument {

    private SamlResponseDocument() {
    }

    /**
     * The base64 SAMLResponse for {@code client} (a SAML client with a POST assertion consumer
     * URL), or empty when Keycloak's protocol refused to issue one (e.g. a mapper threw, no NameID):
     * Keycloak then rendered its error page, which nobody sees here.
     */
    public static Optional<String> issue(KeycloakSession session, RealmModel realm, ClientModel client, UserSessionModel userSession,
                                         Map<String, String> clientNotes) {
        RootAuthenticationSessionModel root = session.authenticationSessions().createRootAuthenticationSession(realm);
        AuthenticationSessionModel tab = root.createAuthenticationSession(client);
        try {
            tab.setProtocol(SamlProtocol.LOGIN_PROTOCOL);
            tab.setAuthenticatedUser(userSession.getUser());
            tab.setRedirectUri(client.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE));
            tab.setClientNote(SamlProtocol.SAML_BINDING, SamlProtocol.SAML_POST_BINDING);
            tab.setClientNote(SamlProtocol.SAML_IDP_INITIATED_LOGIN, "true");
            clientNotes.forEach(tab::setClientNote);
            session.getContext().setAuthenticationSession(tab);
            session.getContext().setClient(client);
            ClientSessionContext context = TokenManager.attachAuthenticationSession(session, userSession, tab);
            EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
            DocumentCapture protocol = new DocumentCapture();
            protocol.setSession(session).setRealm(realm).setEventBuilder(event)
                    .setUriInfo(session.getContext().getUri()).setHttpHeaders(session.getContext().getRequestHeaders());
            protocol.authenticated(tab, userSession, context);
            return Optional.ofNullable(protocol.encoded);
        } finally {
            session.authenticationSessions().removeRootAuthenticationSession(realm, root);
        }
    }

    /** Keycloak's SAML protocol with the last step (binding the document to a browser response) replaced. */
    private static final class DocumentCapture extends SamlProtocol {

        private String encoded;

        @Override
        protected Response buildAuthenticatedResponse(AuthenticatedClientSessionModel clientSession, String redirectUri,
                                                      Document samlDocument, JaxrsSAML2BindingBuilder bindingBuilder)
                throws ConfigurationException, ProcessingException, IOException {
            // postBinding() signs and encrypts the document as configured, exactly as for the form.
            encoded = bindingBuilder.postBinding(samlDocument).encoded();
            return Response.noContent().build();
        }
    }
}
