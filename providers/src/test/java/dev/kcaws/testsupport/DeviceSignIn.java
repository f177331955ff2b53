package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 device authorization grant against a realm, without a real browser: the "device"
 * asks for a code, the "user" opens Keycloak's own verification page with the HTTP browser of the
 * tests and signs in through the realm's browser flow (and grants consent if asked), then the device
 * redeems the code for tokens. Nothing of Keycloak's is bypassed: the same pages a person sees.
 */
public final class DeviceSignIn {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token endpoint's answer: {@code access_token}, {@code refresh_token}, ... */
    public record Tokens(JsonNode json) {
        public String accessToken() {
            return json.path("access_token").asText();
        }

        public String refreshToken() {
            return json.path("refresh_token").asText();
        }
    }

    private DeviceSignIn() {
    }

    /** Signs {@code username} (password = {@code password}) in to {@code clientId} of the realm at {@code realmUrl}. */
    public static Tokens signIn(String realmUrl, String clientId, String username, String password) {
        return signIn(realmUrl, clientId, new BrowserSession(), username, password);
    }

    /** As {@link #signIn(String, String, String, String)} in a given browser (already signed in: no login form). */
    public static Tokens signIn(String realmUrl, String clientId, BrowserSession browser, String username, String password) {
        JsonNode device = post(realmUrl + "/protocol/openid-connect/auth/device", Map.of("client_id", clientId, "scope", "openid"));
        if (!device.has("device_code")) {
            throw new IllegalStateException("no device code for " + clientId + ": " + device);
        }
        approve(browser, device.path("verification_uri_complete").asText(), username, password);
        JsonNode tokens = post(realmUrl + "/protocol/openid-connect/token",
                Map.of("grant_type", DEVICE_CODE_GRANT, "client_id", clientId, "device_code", device.path("device_code").asText()));
        if (!tokens.has("access_token")) {
            throw new IllegalStateException("device code not redeemed for " + username + ": " + tokens);
        }
        return new Tokens(tokens);
    }

    /** What a user does on the verification page: signs in if asked, grants access if asked, and sees the success page. */
    public static void approve(BrowserSession browser, String verificationUri, String username, String password) {
        Page page = browser.get(verificationUri);
        if (page.document().selectFirst("form#kc-user-verify-device-user-code-form") != null) {
            page = browser.submitForm(page, "form#kc-user-verify-device-user-code-form", Map.of());
        }
        if (page.isLoginForm()) {
            page = browser.submitLogin(page, username, password);
        }
        // Keycloak asks every device sign-in for consent (its grant page: buttons accept / cancel).
        org.jsoup.nodes.Element accept = page.document().selectFirst("form [name=accept]");
        if (accept != null) {
            org.jsoup.nodes.Element form = accept.closest("form");
            page = browser.post(form.absUrl("action"), Map.of("code", form.selectFirst("input[name=code]").attr("value"), "accept", "Yes"));
        }
        if (page.status() != 200 || page.isLoginForm() || page.document().selectFirst("form [name=accept]") != null) {
            throw new IllegalStateException("device sign-in of " + username + " not approved: " + page);
        }
    }

    /** A form POST to a token-style endpoint; its JSON answer, whatever the status. */
    public static JsonNode post(String url, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
