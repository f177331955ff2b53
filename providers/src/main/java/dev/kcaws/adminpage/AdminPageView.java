package dev.kcaws.adminpage;

import dev.kcaws.client.AdminPageClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What {@code aws-admin.ftl} needs to start the page, under the name {@code kcaws}: where to sign
 * the admin in (this realm's endpoints), where the admin API is, and the page's texts. Everything
 * else is read from the admin API with the admin's own token.
 */
public final class AdminPageView {

    public static final String TEMPLATE = "aws-admin.ftl";

    /** The admin page's messages: every key it reads starts with this. */
    static final String MESSAGE_PREFIX = "kcawsAdmin";

    /** The texts of the rules the admin API names in its errors ({@code messageKey}), which the page shows in the admin's language. */
    static final String RULE_PREFIX = "kcawsRule";

    /**
     * Added by the page (a {@code <meta>} policy) to the realm's own Content-Security-Policy header,
     * which Keycloak sets on every HTML response and which still applies: a browser enforces both.
     * Scripts only from this server (the page's modules and keycloak-js, no inline script), API
     * calls only to it, no frames (keycloak-js runs without its session iframe), no plugins, no
     * {@code <base>}.
     */
    static final String CONTENT_SECURITY_POLICY =
            "script-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String loginRealm;
    private final String serverUrl;
    private final String pageUrl;
    private final String messagesJson;

    AdminPageView(String loginRealm, String serverUrl, String pageUrl, Properties messages) {
        this.loginRealm = loginRealm;
        this.serverUrl = serverUrl;
        this.pageUrl = pageUrl;
        this.messagesJson = scriptJson(pageMessages(messages));
    }

    public String getLoginRealm() {
        return loginRealm;
    }

    public String getClientId() {
        return AdminPageClient.CLIENT_ID;
    }

    /** The server's base URL without a trailing slash; the page adds {@code /realms/...} and {@code /admin/realms/...}. */
    public String getServerUrl() {
        return serverUrl;
    }

    public String getPageUrl() {
        return pageUrl;
    }

    public String getContentSecurityPolicy() {
        return CONTENT_SECURITY_POLICY;
    }

    /** The kcawsAdmin* and kcawsRule* messages as JSON, safe to write unescaped inside a {@code <script type="application/json">}. */
    public String getMessagesJson() {
        return messagesJson;
    }

    static Map<String, String> pageMessages(Properties messages) {
        Map<String, String> page = new TreeMap<>();
        for (String key : messages.stringPropertyNames()) {
            if (key.startsWith(MESSAGE_PREFIX) || key.startsWith(RULE_PREFIX)) {
                page.put(key, messages.getProperty(key));
            }
        }
        return page;
    }

    /**
     * JSON that a script element's text cannot end early: '<', '>' and '&' are written as \\u
     * escapes (so no {@code </script>} or {@code <!--}), as are the line separators JavaScript
     * once treated as line ends. JSON.parse reads them back as the same characters.
     */
    static String scriptJson(Map<String, String> values) {
        String json;
        try {
            json = JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
