package dev.kcaws.client;

import dev.kcaws.client.PublicPageClient;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

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
        return PublicPageClient.ensure(realm, CLIENT_ID, "AWS access administration",
                "The admin page of the Keycloak AWS SSO bundle: accounts, permission sets, assignments", pagePath(realm), true);
    }
}
