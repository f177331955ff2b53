package dev.kcaws.access;

import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The client that holds the model: an OIDC client nobody can sign in to. An admin who finds it in
 * Keycloak's console is told what it is and sent to the AWS page, its Home URL.
 */
public final class ModelClient {

    static final String DESCRIPTION = "AWS accounts, permission sets and assignments of the Keycloak AWS SSO bundle."
            + " Manage them on the AWS page (this client's Home URL), not here. Do not delete.";

    private ModelClient() {
    }

    static ClientModel create(RealmModel realm) {
        ClientModel client = realm.addClient(ModelFormat.MODEL_CLIENT_ID);
        client.setName("AWS access");
        client.setDescription(DESCRIPTION);
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setBearerOnly(true);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(false);
        linkToAdminPage(realm, client);
        return client;
    }

    /**
     * Gives a model client without a Home URL the AWS page of the admin realm, opened on this realm
     * (where an admin who switched to the realm in the console manages it), and the description
     * that says so; one an admin has set is left alone. For clients created by earlier versions
     * or brought by a realm import.
     */
    public static void linkToAdminPage(RealmModel realm, ClientModel client) {
        if (client.getBaseUrl() != null && !client.getBaseUrl().isBlank()) {
            return;
        }
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(adminPagePath(realm.getName()));
        if (client.getDescription() == null || client.getDescription().isBlank() || client.getDescription().startsWith("AWS accounts, permission sets and assignments (")) {
            client.setDescription(DESCRIPTION);
        }
    }

    /** {@code /realms/<admin realm>/aws/admin/#/<realm>/accounts}, the page's route to the realm's accounts. */
    public static String adminPagePath(String realmName) {
        return "/realms/" + Config.getAdminRealm() + "/aws/admin/#/"
                + URLEncoder.encode(realmName, StandardCharsets.UTF_8).replace("+", "%20") + "/accounts";
    }

    /** The realm's model client, if it has one. */
    public static Optional<ClientModel> of(RealmModel realm) {
        return Optional.ofNullable(realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID));
    }
}
