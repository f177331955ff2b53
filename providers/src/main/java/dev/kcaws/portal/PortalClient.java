package dev.kcaws.portal;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.util.Set;

/**
 * The public OIDC client the launcher signs users in with. Its {@code login_theme} attribute is the
 * launcher theme, so the portal and its sign-in pages share one look whatever the realm's theme;
 * an admin picks another theme (one extending {@code kcaws}) by changing that attribute.
 */
public final class PortalClient {

    public static final String CLIENT_ID = "aws-portal";
    public static final String DEFAULT_THEME = "kcaws";

    private PortalClient() {
    }

    public static ClientModel ensure(RealmModel realm) {
        ClientModel client = realm.getClientByClientId(CLIENT_ID);
        if (client != null) {
            return client;
        }
        String portal = "/realms/" + realm.getName() + "/aws/";
        client = realm.addClient(CLIENT_ID);
        client.setName("AWS access portal");
        client.setDescription("The AWS launcher of the Keycloak AWS SSO bundle");
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(false);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(portal);
        client.setRedirectUris(Set.of(portal + "*"));
        client.setWebOrigins(Set.of("+"));
        client.setAttribute("post.logout.redirect.uris", "+");
        client.setAttribute("login_theme", DEFAULT_THEME);
        client.setAttribute("pkce.code.challenge.method", "S256");
        return client;
    }
}
