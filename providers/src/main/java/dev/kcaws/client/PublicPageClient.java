package dev.kcaws.client;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.util.Set;

/**
 * A public OIDC client for one of the bundle's own pages (the launcher, the admin page): standard
 * flow with PKCE only, redirects and sign-out back to the page only, signed in with the bundle's
 * {@code kcaws} login theme so the page and its sign-in share one look.
 */
public final class PublicPageClient {

    public static final String THEME = "kcaws";

    private PublicPageClient() {
    }

    /**
     * The client {@code clientId} of the realm, created for the page at {@code pagePath} (e.g.
     * {@code /realms/acme/aws/}) when missing. {@code fullScope}: whether its tokens carry every
     * role the user has (the admin page needs the admin roles; the launcher needs none).
     */
    public static ClientModel ensure(RealmModel realm, String clientId, String name, String description,
                                     String pagePath, boolean fullScope) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client != null) {
            return client;
        }
        client = realm.addClient(clientId);
        client.setName(name);
        client.setDescription(description);
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setFullScopeAllowed(fullScope);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(pagePath);
        client.setRedirectUris(Set.of(pagePath + "*"));
        client.setWebOrigins(Set.of("+"));
        client.setAttribute("post.logout.redirect.uris", "+");
        client.setAttribute("pkce.code.challenge.method", "S256");
        client.setAttribute("login_theme", THEME);
        return client;
    }
}
