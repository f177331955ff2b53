package dev.kcaws.adminpage;

import dev.kcaws.client.AdminPageClient;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.utils.MediaType;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code /realms/{realm}/aws/admin/}: the page where administrators who sign in to this realm run
 * AWS access. It is a shell: the script signs the admin in (authorization code with PKCE, tokens
 * kept in memory only) and does everything through {@code /admin/realms/{realm}/aws/...}, so the
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
            return ErrorPage.error(session, null, Response.Status.NOT_FOUND, "kcawsAdminPageNotSetUp");
        }
        session.getContext().setClient(client);
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAttribute("kcaws", new AdminPageView(realm.getName(), serverUrl, pageUrl))
                .createForm(AdminPageView.TEMPLATE);
        // Cache-Control: AwsRealmResource sends every page under /aws/ as Keycloak sends its login pages.
        return page;
    }
}
