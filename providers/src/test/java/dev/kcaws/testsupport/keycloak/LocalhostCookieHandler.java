package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cookie jar that treats http://localhost as a secure origin, as browsers do.
 *
 * <p>Keycloak marks its login cookies (AUTH_SESSION_ID, KEYCLOAK_IDENTITY, ...) {@code Secure}
 * even over plain http. The JDK's {@link CookieManager} stores them but never sends a secure cookie
 * over http, so without this every login through a test server would end on "Cookie not found".
 */
final class LocalhostCookieHandler extends CookieHandler {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return cookies.get(asSecureIfLocal(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        cookies.put(uri, responseHeaders);
    }

    List<HttpCookie> all() {
        return cookies.getCookieStore().getCookies();
    }

    private static URI asSecureIfLocal(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || !LOCAL_HOSTS.contains(uri.getHost())) {
            return uri;
        }
        try {
            // Same host, port and path: the store matches cookies by those, the scheme only decides "secure".
            return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
