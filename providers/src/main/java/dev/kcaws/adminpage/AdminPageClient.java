package dev.kcaws.adminpage;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.util.Set;

/**
 * The public OIDC client the admin page signs administrators in with, one per realm that admins
 * log in to (as Keycloak's own {@code security-admin-console}). Full scope, like that client: an
 * admin token must carry the realm-management roles the admin API checks; PKCE is required.
 */
public final class AdminPageClient {

    public static final String CLIENT_ID = "aws-admin-console";

    private AdminPageClient() {
    }

    public static String pagePath(RealmModel realm) {
        return "/realms/" + realm.getName() + "/aws/admin/";
    }

    public static ClientModel ensure(RealmModel realm) {
        ClientModel client = realm.getClientByClientId(CLIENT_ID);
        if (client != null) {
            return client;
        }
        String page = pagePath(realm);
        client = realm.addClient(CLIENT_ID);
        client.setName("AWS access administration");
        client.setDescription("The admin page of the Keycloak AWS SSO bundle: accounts, permission sets, assignments");
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setFullScopeAllowed(true);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(page);
        client.setRedirectUris(Set.of(page + "*"));
        client.setWebOrigins(Set.of("+"));
        client.setAttribute("post.logout.redirect.uris", "+");
        client.setAttribute("pkce.code.challenge.method", "S256");
        // The page is rendered from the bundle's theme; sign-in uses the same one.
        client.setAttribute("login_theme", "kcaws");
        return client;
    }
}
