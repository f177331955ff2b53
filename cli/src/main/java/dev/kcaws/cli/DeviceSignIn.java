package dev.kcaws.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Signs the user in with the OAuth 2.0 device authorization grant (RFC 8628) on the bundle's
 * public client {@value #CLIENT_ID}: the user approves in a browser, through the realm's own
 * login flow (MFA, brokers), and no password ever passes through this program.
 */
public final class DeviceSignIn {
    public static final String CLIENT_ID = "aws-cli";
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** RFC 8628 3.5: the interval when the server names none, and what slow_down adds. */
    static final int DEFAULT_INTERVAL = 5;
    static final int SLOW_DOWN_STEP = 5;

    /** Waits between polls; tests pass one that only records. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final KeycloakHttp http;
    private final RealmUrl url;
    private final Sleeper sleeper;
    private final Consumer<String> tell;
    private Consumer<String> trace = line -> { };

    /** @param tell where the verification address and code are shown to the user */
    public DeviceSignIn(KeycloakHttp http, RealmUrl url, Sleeper sleeper, Consumer<String> tell) {
        this.http = http;
        this.url = url;
        this.sleeper = sleeper;
        this.tell = tell;
    }

    /** Where each poll's outcome is written ({@code KCAWS_AWS_DEBUG=1}): error codes and waits, never a token. */
    public DeviceSignIn tracing(Consumer<String> trace) {
        this.trace = trace;
        return this;
    }

    /** Runs the grant to its end; returns the refresh token. */
    public String signIn() {
        KeycloakHttp.Answer start = http.postForm(url.resolve("/protocol/openid-connect/auth/device"),
                Map.of("client_id", CLIENT_ID, "scope", "openid"), null);
        if (start.status() != 200) {
            throw refusedToStart(start);
        }
        Map<String, Object> grant = start.json();
        String deviceCode = Json.string(grant, "device_code");
        String userCode = Json.string(grant, "user_code");
        String verification = Json.string(grant, "verification_uri");
        if (deviceCode == null || userCode == null || verification == null) {
            throw new CliFailure(url + " did not answer as Keycloak's device endpoint does; check --url");
        }
        String complete = Json.string(grant, "verification_uri_complete");
        tell.accept("To sign in, open " + (complete != null ? complete : verification) + " in a browser");
        tell.accept("and check that it shows the code " + userCode + " (or enter it at " + verification + ").");
        tell.accept("Waiting for you to approve...");

        int interval = grant.get("interval") instanceof Long l && l > 0 ? l.intValue() : DEFAULT_INTERVAL;
        long expiresIn = grant.get("expires_in") instanceof Long l && l > 0 ? l : 600;
        long waited = 0;
        Map<String, String> poll = new LinkedHashMap<>();
        poll.put("grant_type", DEVICE_GRANT);
        poll.put("client_id", CLIENT_ID);
        poll.put("device_code", deviceCode);
        while (true) {
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure("sign-in interrupted; run: kcaws-aws login --url " + url);
            }
            waited += interval;
            KeycloakHttp.Answer answer = http.postForm(url.resolve("/protocol/openid-connect/token"), poll, null);
            if (answer.status() == 200) {
                String refreshToken = Json.string(answer.json(), "refresh_token");
                if (refreshToken == null) {
                    throw new CliFailure("Keycloak signed you in but gave no refresh token; ask your administrator to check the client "
                            + CLIENT_ID + " of " + url);
                }
                return refreshToken;
            }
            String error = answer.error();
            trace.accept("kcaws-aws: poll after " + waited + " s: HTTP " + answer.status() + " " + error + " (next in "
                    + ("slow_down".equals(error) ? interval + SLOW_DOWN_STEP : interval) + " s)");
            if ("authorization_pending".equals(error)) {
                if (waited > expiresIn) {
                    throw expired();
                }
                continue;
            }
            if ("slow_down".equals(error)) {
                interval += SLOW_DOWN_STEP;
                continue;
            }
            if ("expired_token".equals(error)) {
                throw expired();
            }
            if ("access_denied".equals(error)) {
                throw new CliFailure("the sign-in was denied in the browser; to try again run: kcaws-aws login --url " + url);
            }
            throw new CliFailure("Keycloak refused the sign-in (" + (error == null ? "HTTP " + answer.status() : error) + ": "
                    + answer.errorDescription() + "); run: kcaws-aws login --url " + url);
        }
    }

    private CliFailure expired() {
        return new CliFailure("the sign-in code expired before it was approved; run again: kcaws-aws login --url " + url);
    }

    private CliFailure refusedToStart(KeycloakHttp.Answer answer) {
        String error = answer.error();
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            return new CliFailure(url + " does not offer device sign-in for the AWS CLI (client " + CLIENT_ID
                    + " missing or disabled); ask your Keycloak administrator to enable it");
        }
        if (answer.status() == 404) {
            return new CliFailure("no Keycloak realm at " + url + "; check --url (it looks like https://sso.example.com/realms/acme)");
        }
        return new CliFailure("Keycloak at " + url + " refused to start the sign-in (" + (error == null ? "HTTP " + answer.status() : error)
                + ": " + answer.errorDescription() + ")");
    }
}
