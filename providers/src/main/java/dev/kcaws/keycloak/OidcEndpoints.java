package dev.kcaws.keycloak;

import org.keycloak.protocol.oidc.OIDCLoginProtocolService;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * The realm's OIDC authorization and logout endpoints, built the way Keycloak builds its own links
 * (the request's hostname settings, proxies): the portal signs visitors in and out through them.
 *
 * <p>Keycloak internals used: {@code OIDCLoginProtocolService.authUrl(UriInfo)} and
 * {@code logoutUrl(UriInfo)} (keycloak-services, public static; same in 26.4.7, 26.5.6 and 26.7.x).
 * Both builders take the realm name as their one template parameter.
 */
public final class OidcEndpoints {

    private OidcEndpoints() {
    }

    public static UriBuilder authorization(UriInfo uri) {
        return OIDCLoginProtocolService.authUrl(uri);
    }

    public static UriBuilder logout(UriInfo uri) {
        return OIDCLoginProtocolService.logoutUrl(uri);
    }
}
