package dev.kcaws.client;

import dev.kcaws.client.PublicPageClient;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * The public OIDC client the launcher signs users in with. Its {@code login_theme} attribute is the
 * launcher theme, so the portal and its sign-in pages share one look whatever the realm's theme;
 * an admin picks another theme (one extending {@code kcaws}) by changing that attribute.
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
