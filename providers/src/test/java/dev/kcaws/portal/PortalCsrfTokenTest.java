package dev.kcaws.portal;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PortalCsrfTokenTest {

    static final byte[] KEY = "realm-hs512-key-realm-hs512-key-realm-hs512-key-realm-hs512-key!".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ROTATED = "the-next-active-hs512-key-the-next-active-hs512-key-the-next-key".getBytes(StandardCharsets.US_ASCII);
    static final String SESSION_ID = "4f3c2a1e-0b7d-4c9e-8a61-2d5f7e9b1c03";
    static final String BOB = "0c1d2e3f-1111-4222-8333-444455556666";
    static final String SESSION = PortalCsrfToken.binding(userSession(SESSION_ID, BOB, 1_790_000_000));

    /** A user session as each node loads it: only what the token is bound to. */
    static UserSessionModel userSession(String id, String userId, int started) {
        UserModel user = fake(UserModel.class, Map.of("getId", userId));
        return fake(UserSessionModel.class, Map.of("getId", id, "getUser", user, "getStarted", started));
    }

    static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        }));
    }

    static boolean valid(String session, String presented, byte[]... keys) {
        return PortalCsrfToken.matchesAny(Stream.of(keys), session, presented);
    }

    @Test
    void theSameSessionGetsTheSameTokenWhereverItIsComputed() {
        // Two nodes share the realm's key and the session's stored fields, nothing else.
        String first = PortalCsrfToken.compute(KEY.clone(), PortalCsrfToken.binding(userSession(SESSION_ID, BOB, 1_790_000_000)));
        String second = PortalCsrfToken.compute(KEY.clone(), PortalCsrfToken.binding(userSession(new String(SESSION_ID), new String(BOB), 1_790_000_000)));
        assertThat(first).isEqualTo(second).matches("[A-Za-z0-9_-]{86}");
        assertThat(valid(SESSION, first, KEY)).isTrue();
    }

    @Test
    void anotherSessionsTokenIsRefused() {
        String other = PortalCsrfToken.compute(KEY, PortalCsrfToken.binding(userSession("9a8b7c6d-0000-4000-8000-000000000000", BOB, 1_790_000_000)));
        assertThat(other).isNotEqualTo(PortalCsrfToken.compute(KEY, SESSION));
        assertThat(valid(SESSION, other, KEY)).isFalse();
    }

    @Test
    void theSameSessionIdRestartedForANewSignInGetsANewToken() {
        // Keycloak reuses an expired session's id for the next sign-in in that browser (restartSession).
        String before = PortalCsrfToken.compute(KEY, SESSION);
        String restartedLater = PortalCsrfToken.binding(userSession(SESSION_ID, BOB, 1_790_003_600));
        String restartedForAnotherUser = PortalCsrfToken.binding(userSession(SESSION_ID, "ffffffff-2222-4333-8444-555566667777", 1_790_000_000));
        assertThat(valid(restartedLater, before, KEY)).isFalse();
        assertThat(valid(restartedForAnotherUser, before, KEY)).isFalse();
    }

    @Test
    void aTamperedOrMissingTokenIsRefused() {
        String token = PortalCsrfToken.compute(KEY, SESSION);
        char last = token.charAt(token.length() - 1);
        assertThat(valid(SESSION, token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), KEY)).isFalse();
        assertThat(valid(SESSION, token.substring(1), KEY)).isFalse();
        assertThat(valid(SESSION, token + "A", KEY)).isFalse();
        assertThat(valid(SESSION, "", KEY)).isFalse();
        assertThat(valid(SESSION, null, KEY)).isFalse();
        assertThat(valid(null, token, KEY)).isFalse();
    }

    @Test
    void aTokenMadeWithAnotherKeyIsRefused() {
        // What an attacker who knows the session id but not the realm's secret can compute.
        String forged = PortalCsrfToken.compute("guessed".getBytes(StandardCharsets.US_ASCII), SESSION);
        assertThat(valid(SESSION, forged, KEY)).isFalse();
    }

    @Test
    void aPageRenderedBeforeTheKeyWasRotatedStillWorksWhileTheOldKeyIsEnabled() {
        String beforeRotation = PortalCsrfToken.compute(KEY, SESSION);
        assertThat(valid(SESSION, beforeRotation, ROTATED, KEY)).isTrue();
        assertThat(valid(SESSION, beforeRotation, ROTATED)).as("old key disabled or removed").isFalse();
        assertThat(valid(SESSION, beforeRotation)).as("no key at all").isFalse();
    }
}
