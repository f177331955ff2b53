package dev.kcaws.adminpage;

import dev.kcaws.client.AwsErrorPage;

import dev.kcaws.client.AdminPageClient;
import dev.kcaws.keycloak.KeycloakPages;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.utils.MediaType;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code /realms/{realm}/aws/admin/}: the page where administrators who sign in to this realm run
 * AWS access. It is a shell: its script modules sign the admin in with keycloak-js (authorization
 * code with PKCE, tokens kept in memory only) and does everything through {@code /admin/realms/{realm}/aws/...}, so the
 * admin API's permission checks and admin events apply unchanged.
 */
public class AdminPageResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    public AdminPageResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @GET
    @Produces(MediaType.TEXT_HTML_UTF_8)
    public Response page() {
        String serverUrl = session.getContext().getUri().getBaseUri().toString().replaceAll("/+$", "");
        String pageUrl = serverUrl + AdminPageClient.pagePath(realm);
        if (!session.getContext().getUri().getRequestUri().getPath().endsWith("/")) {
            // The page's sign-in comes back to the URL with the slash; keep one address.
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(pageUrl)).build();
        }
        ClientModel client = realm.getClientByClientId(AdminPageClient.CLIENT_ID);
        if (client == null || !client.isEnabled()) {
            // A message key: the error page shows it in the visitor's language.
            return AwsErrorPage.render(session, Response.Status.NOT_FOUND, "kcawsAdminNotSetUp");
        }
        session.getContext().setClient(client);
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAttribute("kcaws", new AdminPageView(realm.getName(), serverUrl, pageUrl, messages()))
                .createForm(AdminPageView.TEMPLATE);
        // Cache-Control: AwsRealmResource sends every page under /aws/ as Keycloak sends its login pages.
        return page;
    }

    /**
     * The messages of the theme and locale the page is rendered in (the realm's login theme or the
     * client's, the visitor's locale, the realm's own overrides), as the login forms read them.
     */
    private Properties messages() {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Locale locale = session.getContext().resolveLocale(null);
            return theme.getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("The login theme's messages could not be read", e);
        }
    }
}
