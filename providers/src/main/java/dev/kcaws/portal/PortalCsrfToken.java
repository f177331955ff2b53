package dev.kcaws.portal;

import dev.kcaws.client.PortalClient;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * The portal's anti-CSRF token: an HMAC-SHA512 of the user session (its id, user and start time)
 * under the realm's HS512 key (the key Keycloak signs its own SSO cookie with). Nothing is stored,
 * so every node computes the same token for the same session: two first portal views of one
 * session reaching two nodes at once both get a valid token (a random token kept as a session note
 * was created twice, and one overwrote the other). Another session is refused, and so is the same
 * session id restarted by Keycloak for a new sign-in (new start time, maybe another user), as the
 * note was cleared then. A token made with a key the admin has since rotated to passive still
 * verifies until that key is disabled or removed.
 */
final class PortalCsrfToken {

    /**
     * What is signed before the session. The colon is not a base64url character, so this can
     * never equal the signing input of a JWS Keycloak signs with the same key.
     */
    private static final String PURPOSE = "kcaws-portal-csrf:" + PortalClient.CLIENT_ID + ":";
    private static final String MAC = "HmacSHA512";

    private PortalCsrfToken() {
    }

    static String of(KeycloakSession session, RealmModel realm, UserSessionModel userSession) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        return compute(key.getSecretKey().getEncoded(), binding(userSession));
    }

    static boolean isValid(KeycloakSession session, RealmModel realm, UserSessionModel userSession, String presented) {
        Stream<byte[]> keys = session.keys().getKeysStream(realm, KeyUse.SIG, Algorithm.HS512)
                .filter(k -> k.getSecretKey() != null)
                .map(k -> k.getSecretKey().getEncoded());
        return matchesAny(keys, binding(userSession), presented);
    }

    /** What identifies one SSO session on every node, including across a restart of the same id. */
    static String binding(UserSessionModel userSession) {
        return userSession.getId() + ":" + userSession.getUser().getId() + ":" + userSession.getStarted();
    }

    /** The token of a session (its {@link #binding}) under one key. */
    static String compute(byte[] key, String session) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            byte[] hmac = mac.doFinal((PURPOSE + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    /** Whether {@code presented} is the session's token under one of the keys; compared in constant time. */
    static boolean matchesAny(Stream<byte[]> keys, String session, String presented) {
        if (presented == null || presented.isEmpty() || session == null) {
            return false;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        return keys.anyMatch(key -> MessageDigest.isEqual(compute(key, session).getBytes(StandardCharsets.UTF_8), given));
    }
}
