package dev.kcaws.keycloak;

import org.keycloak.models.Constants;

import java.util.Set;

/**
 * The clients Keycloak creates in every realm for itself (account, admin console, broker…), which
 * are not applications a user launches.
 *
 * <p>Keycloak's own list, {@code Constants.defaultClients}, grew between releases: 26.4 lacks
 * {@code account-console} and {@code admin-permissions} (26.7 has them), so on 26.4 the portal
 * showed an "Account Console" tile. The names are added here so every supported release
 * behaves as 26.7 does.
 */
public final class BuiltInClients {

    private static final Set<String> ADDED_AFTER_26_4 = Set.of(Constants.ACCOUNT_CONSOLE_CLIENT_ID, Constants.ADMIN_PERMISSIONS_CLIENT_ID);

    private BuiltInClients() {
    }

    public static boolean contains(String clientId) {
        return Constants.defaultClients.contains(clientId) || ADDED_AFTER_26_4.contains(clientId);
    }
}
