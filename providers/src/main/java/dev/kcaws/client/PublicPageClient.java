package dev.kcaws.client;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.util.Set;

/**
 * A public OIDC client for one of the bundle's own pages (the launcher, the admin page): standard
 * flow with PKCE only, redirects and sign-out back to the page only. It names no login theme: the
 * page (theme-resources) and its sign-in both render in the realm's own login theme.
 */
public final class PublicPageClient {

    /** The login theme earlier versions of the bundle forced on these clients; see {@link LegacyPageTheme}. */
    public static final String LEGACY_THEME = "kcaws";

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
        return client;
    }
}
