package dev.kcaws.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.util.CacheControlUtil;
import org.keycloak.services.util.LocaleUtil;

import jakarta.ws.rs.core.Response;

/**
 * What the bundle's pages (portal, credentials, one-role page, admin page) do the way Keycloak's
 * own login pages do it: the error page, the never-store cache headers and the {@code kc_locale}
 * language switch.
 *
 * <p>Keycloak internals used (utility classes of {@code keycloak-services}, not SPI; each the same
 * public static signature in 26.4.7, 26.5.6 and 26.7.x): {@code ErrorPage.error(KeycloakSession,
 * AuthenticationSessionModel, Response.Status, String, Object...)},
 * {@code CacheControlUtil.noBackButtonCacheControlHeader(KeycloakSession)},
 * {@code LocaleUtil.processLocaleParam(KeycloakSession, RealmModel, AuthenticationSessionModel)}.
 */
public final class KeycloakPages {

    private KeycloakPages() {
    }

    /**
     * Keycloak's error page in the realm's login theme, the text a message key in the visitor's
     * language ({@code ErrorPage.error}, with no authentication session: the bundle's pages have none).
     */
    public static Response error(KeycloakSession session, Response.Status status, String messageKey, Object... parameters) {
        return ErrorPage.error(session, null, status, messageKey, parameters);
    }

    /**
     * The cache headers Keycloak sends with its login pages (never stored, not even for the back
     * button): {@code CacheControlUtil.noBackButtonCacheControlHeader}, which sets them on the
     * request's response, error pages included.
     */
    public static void neverStore(KeycloakSession session) {
        CacheControlUtil.noBackButtonCacheControlHeader(session);
    }

    /**
     * The request's {@code kc_locale} as Keycloak's own pages apply it without an authentication
     * session: the locale cookie set, the user's stored locale left alone
     * ({@code LocaleUtil.processLocaleParam} with a null authentication session).
     */
    public static void applyLocaleParam(KeycloakSession session, RealmModel realm) {
        LocaleUtil.processLocaleParam(session, realm, null);
    }
}
