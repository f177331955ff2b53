package dev.kcaws.portal;

import dev.kcaws.client.PortalClient;
import dev.kcaws.keycloak.IdentityCookie;
import dev.kcaws.keycloak.OidcEndpoints;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is looking at the launcher: the realm's SSO cookie decides, as for every Keycloak page. A
 * visitor without one is sent through the realm's browser flow (MFA, brokers) by an ordinary OIDC
 * request of the portal client, which brings them back with the cookie set.
 */
final class PortalSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PortalSignIn() {
    }

    static Optional<IdentityCookie.SignedIn> current(KeycloakSession session, RealmModel realm) {
        return IdentityCookie.authenticate(session, realm);
    }

    /** The realm's login for the portal client, coming back to {@code portalUrl}. */
    static URI loginRedirect(KeycloakSession session, RealmModel realm, String portalUrl) {
        // PKCE is required of the client; the code is never redeemed (the SSO cookie is the proof),
        // so the verifier is simply not kept.
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(randomToken()));
        return OidcEndpoints.authorization(session.getContext().getUri())
                .queryParam(OAuth2Constants.CLIENT_ID, PortalClient.CLIENT_ID)
                .queryParam(OAuth2Constants.REDIRECT_URI, portalUrl)
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
                .queryParam(OAuth2Constants.SCOPE, "openid")
                .queryParam(OAuth2Constants.STATE, randomToken())
                .queryParam(OAuth2Constants.CODE_CHALLENGE, challenge)
                .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, "S256")
                .build(realm.getName());
    }

    static URI logoutRedirect(KeycloakSession session, RealmModel realm) {
        return PortalClient.signOutUrl(session.getContext().getUri(), realm);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
