package dev.kcaws.saml;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SAML response naming exactly one role pair, for an already signed-in user, without a browser
 * round trip: what the portal hands to STS for access keys. It is made by Keycloak's own SAML
 * protocol exactly as a console login is (same signing, same mapper, same checks), only the
 * auto-submitting page it returns is read here instead of being sent to a browser.
 */
public final class OneRoleAssertion {

    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\"\\s+value=\"([A-Za-z0-9+/=\\s]+)\"");

    private OneRoleAssertion() {
    }

    /** The base64 SAMLResponse, or empty when the mapper refused (the caller checked access first; this is the race). */
    public static Optional<String> issue(KeycloakSession session, RealmModel realm, ClientModel awsClient, UserSessionModel userSession,
                                         LaunchChoice choice) {
        RootAuthenticationSessionModel root = session.authenticationSessions().createRootAuthenticationSession(realm);
        AuthenticationSessionModel tab = root.createAuthenticationSession(awsClient);
        try {
            tab.setProtocol(SamlProtocol.LOGIN_PROTOCOL);
            tab.setAuthenticatedUser(userSession.getUser());
            tab.setRedirectUri(awsClient.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE));
            tab.setClientNote(SamlProtocol.SAML_BINDING, SamlProtocol.SAML_POST_BINDING);
            tab.setClientNote(SamlProtocol.SAML_IDP_INITIATED_LOGIN, "true");
            tab.setClientNote(LaunchChoice.NOTE, choice.noteValue());
            session.getContext().setAuthenticationSession(tab);
            session.getContext().setClient(awsClient);
            ClientSessionContext context = TokenManager.attachAuthenticationSession(session, userSession, tab);
            EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
            Response response = new SamlProtocol().setSession(session).setRealm(realm).setEventBuilder(event)
                    .setUriInfo(session.getContext().getUri()).setHttpHeaders(session.getContext().getRequestHeaders())
                    .authenticated(tab, userSession, context);
            Object entity = response.getEntity();
            Matcher m = SAML_RESPONSE.matcher(entity == null ? "" : entity.toString());
            return m.find() ? Optional.of(m.group(1).replaceAll("\\s", "")) : Optional.empty();
        } finally {
            session.authenticationSessions().removeRootAuthenticationSession(realm, root);
        }
    }
}
