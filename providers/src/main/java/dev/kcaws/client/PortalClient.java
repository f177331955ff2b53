package dev.kcaws.client;

import dev.kcaws.keycloak.OidcEndpoints;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * The public OIDC client the launcher signs users in with. The launcher and its sign-in pages show
 * the realm's login theme; an admin who wants another look for them sets the client's login theme.
 */
public final class PortalClient {

    public static final String CLIENT_ID = "aws-portal";

    private PortalClient() {
    }

    public static ClientModel ensure(RealmModel realm) {
        return PublicPageClient.ensure(realm, CLIENT_ID, "AWS access portal", "The AWS launcher of the Keycloak AWS SSO bundle",
                "/realms/" + realm.getName() + "/aws/", false);
    }

    /** The launcher's address, {@code /realms/{realm}/aws/} on this request's host. */
    public static String url(UriInfo uri, RealmModel realm) {
        return uri.getBaseUriBuilder().path("realms").path(realm.getName()).path("aws").build() + "/";
    }

    /** Signs out of the realm (Keycloak asks to confirm) and comes back to the launcher's sign-in. */
    public static URI signOutUrl(UriInfo uri, RealmModel realm) {
        return OidcEndpoints.logout(uri)
                .queryParam("client_id", CLIENT_ID)
                .queryParam("post_logout_redirect_uri", url(uri, realm))
                .build(realm.getName());
    }
}
