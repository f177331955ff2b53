package dev.kcaws.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.util.CacheControlUtil;
import org.keycloak.services.util.LocaleUtil;


/**
 * What the bundle's pages (portal, credentials, one-role page, admin page) do the way Keycloak's
 * own login pages do it: the never-store cache headers and the {@code kc_locale} language switch.
 *
 * <p>Keycloak internals used (utility classes of {@code keycloak-services}, not SPI; each the same
 * public static signature in 26.4.7, 26.5.6 and 26.7.x):
 * {@code CacheControlUtil.noBackButtonCacheControlHeader(KeycloakSession)},
 * {@code LocaleUtil.processLocaleParam(KeycloakSession, RealmModel, AuthenticationSessionModel)}.
 */
public final class KeycloakPages {

    private KeycloakPages() {
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
