package dev.kcaws.client;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * The bundle's error and refusal page ({@code aws-error.ftl} in the realm's login theme): the
 * message in the user's language, then the ways on. Keycloak's own error page offers "Back to
 * Application", which for an AWS client is the refused login itself (a loop for a user without
 * access); this page offers the launcher and a switch of user instead, with the technical reason
 * folded away.
 */
public final class AwsErrorPage {

    public static final String TEMPLATE = "aws-error.ftl";

    private final String portalUrl;
    private final String switchUserUrl;
    private final String detail;

    private AwsErrorPage(String portalUrl, String switchUserUrl, String detail) {
        this.portalUrl = portalUrl;
        this.switchUserUrl = switchUserUrl;
        this.detail = detail;
    }

    /** An error of the bundle's own endpoints, which have no authentication session. */
    public static Response render(KeycloakSession session, Response.Status status, String messageKey, Object... parameters) {
        return render(session, session.getProvider(LoginFormsProvider.class), status, null, messageKey, parameters);
    }

    /**
     * The page through a given form provider (a required action's, which knows the login's
     * authentication session); {@code detail} is the technical reason, shown folded, or null.
     */
    public static Response render(KeycloakSession session, LoginFormsProvider form, Response.Status status, String detail,
                                  String messageKey, Object... parameters) {
        RealmModel realm = session.getContext().getRealm();
        UriInfo uri = session.getContext().getUri();
        String portal = PortalClient.url(uri, realm);
        // On the portal itself (not set up, sign-in incomplete) a link back to it would go round in a circle.
        boolean onPortal = uri.getRequestUri().getPath().equals(URI.create(portal).getPath());
        return form.setError(messageKey, parameters)
                .setAttribute("kcaws", new AwsErrorPage(onPortal ? null : portal, PortalClient.signOutUrl(uri, realm).toString(), detail))
                .setStatus(status)
                .createForm(TEMPLATE);
    }

    public String getPortalUrl() {
        return portalUrl;
    }

    public String getSwitchUserUrl() {
        return switchUserUrl;
    }

    public String getDetail() {
        return detail;
    }
}
