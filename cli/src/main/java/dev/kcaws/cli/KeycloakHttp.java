package dev.kcaws.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP calls to Keycloak: form posts and bearer GETs, with JSON answers. */
public class KeycloakHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One answer: status and body (JSON, or whatever a proxy put there). */
    public record Answer(int status, String body) {
        /** The body as a JSON object, or an empty map when it is not one. */
        public Map<String, Object> json() {
            try {
                return Json.parseObject(body);
            } catch (Json.MalformedJson e) {
                return Map.of();
            }
        }

        public String error() {
            return Json.string(json(), "error");
        }

        public String errorDescription() {
            String description = Json.string(json(), "error_description");
            return description == null ? "HTTP " + status : description;
        }
    }

    private final HttpClient client;

    public KeycloakHttp() {
        // HTTP/1.1: no h2c upgrade attempt on plain-HTTP test servers; each run makes only a few calls
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public KeycloakHttp(HttpClient client) {
        this.client = client;
    }

    public Answer postForm(URI uri, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public Answer get(URI uri, String bearer) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer).GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            URI uri = request.uri();
            throw new CliFailure("cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); check --url and your network");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
    }
}
