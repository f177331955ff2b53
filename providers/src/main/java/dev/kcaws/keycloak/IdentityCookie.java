package dev.kcaws.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.Optional;

/**
 * Who the browser is signed in as, by the realm's SSO (identity) cookie, as Keycloak's own pages
 * (account console, login) decide it: the bundle's portal and credentials pages have no token.
 *
 * <p>Keycloak internal used: {@code AuthenticationManager.authenticateIdentityCookie(session,
 * realm, checkActive)} (public static; same in 26.4.7, 26.5.6 and 26.7.x), and its result type
 * {@code AuthenticationManager.AuthResult}, which is turned into {@link SignedIn} here so the
 * internal type does not leak into the pages.
 */
public final class IdentityCookie {

    /** The user and the active user session the cookie stands for. */
    public record SignedIn(UserModel user, UserSessionModel userSession) {
    }

    private IdentityCookie() {
    }

    /** The active user session behind the cookie, or empty (no cookie, expired, logged out). */
    public static Optional<SignedIn> authenticate(KeycloakSession session, RealmModel realm) {
        return Optional.ofNullable(AuthenticationManager.authenticateIdentityCookie(session, realm, true))
                .map(result -> new SignedIn(result.getUser(), result.getSession()));
    }
}
