package dev.kcaws.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.util.ResolveRelative;

/**
 * A client's home URL as Keycloak's account console links it: a relative base URL resolved against
 * the client's root URL, and {@code ${authBaseUrl}} against this server.
 *
 * <p>Keycloak internal used: {@code ResolveRelative.resolveRelativeUri(KeycloakSession, String,
 * String)} (keycloak-services, public static; same in 26.4.7, 26.5.6 and 26.7.x).
 */
public final class ClientUrls {

    private ClientUrls() {
    }

    public static String home(KeycloakSession session, String rootUrl, String baseUrl) {
        return ResolveRelative.resolveRelativeUri(session, rootUrl, baseUrl);
    }
}
