package dev.kcaws.identitycenter;

import dev.kcaws.scim.BearerToken;
import dev.kcaws.scim.RetryPolicy;
import dev.kcaws.scim.ScimClient;
import dev.kcaws.scim.ScimException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.keycloak.models.KeycloakSession;

/**
 * The admin's connection test: one {@code GET /ServiceProviderConfig} with the stored endpoint and
 * token, which needs both the right tenant and a token Identity Center accepts. One attempt, no
 * retries, so the admin gets an answer within the request timeout even when AWS is down; the answer
 * carries Identity Center's own message and never the token.
 */
public final class ScimConnectionTest {

    /** {@code status}: Identity Center's HTTP status, 0 when it could not be reached or asked. */
    public record Result(boolean ok, int status, String message) {
    }

    private ScimConnectionTest() {
    }

    public static Result run(KeycloakSession session, IdentityCenterSettings settings) {
        try {
            BearerToken token = settings.token(session);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            RetryPolicy once = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, () -> 0, Clock.systemUTC());
            new ScimClient(settings.endpoint(), token, http, once, wait -> {
            }).serviceProviderConfig();
            return new Result(true, 200, "Identity Center accepted the endpoint and the token");
        } catch (ScimException e) {
            return new Result(false, e.operation().equals("ReadToken") ? 0 : e.status(), redact(explain(e), settings));
        } catch (RuntimeException e) {
            // Whatever else broke (a token Keycloak's vault holds with bad characters, ...): a clear
            // answer rather than a 500; only the exception's kind, its text might hold a value.
            return new Result(false, 0, "The connection test could not run (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String explain(ScimException e) {
        String detail = e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail();
        if (e.operation().equals("ReadToken")) {
            return e.detail() + " (check the ${vault.key} reference and Keycloak's vault)";
        }
        int status = e.status();
        if (status == 0) {
            return "Identity Center could not be reached" + detail + " (check the endpoint and that Keycloak can reach it)";
        }
        if (status == 401 || status == 403) {
            return "Identity Center refused the token (HTTP " + status + ")" + detail
                    + " (generate a new access token in Identity Center's automatic provisioning settings and save it here)";
        }
        if (status == 404) {
            return "Identity Center does not know this endpoint (HTTP 404)" + detail + " (check the tenant part of the SCIM endpoint)";
        }
        if (status == 429) {
            return "Identity Center is throttling requests (HTTP 429)" + detail + " (try again in a minute)";
        }
        if (status >= 500) {
            return "Identity Center failed (HTTP " + status + ")" + detail + " (try again later)";
        }
        return "Identity Center answered HTTP " + status + detail;
    }

    /** The token as stored never appears, whatever a server echoed (a vault reference is fine). */
    private static String redact(String message, IdentityCenterSettings settings) {
        String stored = settings.storedToken().strip();
        return settings.tokenFromVault() || stored.isEmpty() ? message : message.replace(stored, "***");
    }
}
