package dev.kcaws.client;

import dev.kcaws.client.PublicPageClient;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

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
}
