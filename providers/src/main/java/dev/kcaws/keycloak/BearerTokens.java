package dev.kcaws.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.Optional;

/**
 * Who an access token in an {@code Authorization: Bearer} header stands for, decided as Keycloak's
 * own bearer-token endpoints (account REST API, admin API) decide it: signature with the realm's
 * keys, issuer, expiry, token type, revocation, realm and user not-before, the user session and the
 * issuing client's session in it still active, the client still enabled, the user enabled.
 *
 * <p>Keycloak internal used: {@code AppAuthManager.BearerTokenAuthenticator} (constructor
 * {@code (KeycloakSession)}, {@code setRealm(RealmModel)}, {@code setTokenString(String)},
 * {@code authenticate()}) and its result {@code AuthenticationManager.AuthResult}
 * ({@code getUser()}, {@code getSession()}, {@code getClient()}; a class in 26.4.7, a record with
 * these accessors kept in 26.5.6 and 26.7.x), turned into {@link Bearer} here so the internal type
 * does not leak.
 */
public final class BearerTokens {

    /** The user, the active user session and the client the token was issued to ({@code azp}). */
    public record Bearer(UserModel user, UserSessionModel userSession, ClientModel client) {
    }

    private static final String SCHEME = "Bearer ";

    private BearerTokens() {
    }

    /**
     * The token of an {@code Authorization} header value, or empty when it is missing or not
     * {@code Bearer <token>} (the scheme case-insensitive, as RFC 9110 says).
     */
    public static Optional<String> fromHeader(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() || token.contains(" ") ? Optional.empty() : Optional.of(token);
    }

    /** The valid access token's user, session and client, or empty for anything Keycloak would not accept. */
    public static Optional<Bearer> authenticate(KeycloakSession session, RealmModel realm, String token) {
        AuthenticationManager.AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session)
                .setRealm(realm)
                .setTokenString(token)
                .authenticate();
        if (result == null || result.getSession() == null || result.getClient() == null) {
            return Optional.empty();
        }
        return Optional.of(new Bearer(result.getUser(), result.getSession(), result.getClient()));
    }
}
