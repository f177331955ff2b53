package dev.kcaws.testsupport.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keycloak's admin REST API over java.net.http and Jackson, logged in as a master-realm admin
 * through admin-cli's password grant. Master access tokens live only 60 s, so the token is
 * fetched again shortly before it expires; long tests need not care.
 *
 * <p>Paths are relative to the server, e.g. {@code get("/admin/realms/aws-demo/clients")}.
 * Bodies may be a JSON string, a {@link JsonNode} or anything Jackson can write.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(15);
    /** Only a guard against a hung server: creating a realm with thousands of roles takes over a minute on a busy 2-core machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final String baseUrl;
    private final String realm;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String accessToken;
    private Instant tokenExpires = Instant.EPOCH;

    public AdminApi(String baseUrl, String username, String password) {
        this(baseUrl, "master", username, password);
    }

    /** An admin of one realm: signs in to that realm's admin-cli, as Keycloak's admin console does for a realm admin. */
    public AdminApi(String baseUrl, String realm, String username, String password) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    public ApiResponse delete(String path, Object body) {
        return send("DELETE", path, body);
    }

    /** Creates a realm from a full realm representation (as in realm-export/*.json). */
    public void createRealm(JsonNode realm) {
        expect(201, "POST", "/admin/realms", realm);
    }

    public void createRealm(String realmJson) {
        createRealm(readTree(realmJson));
    }

    /** Deletes a realm; a realm that does not exist is fine, so tests can clean up unconditionally. */
    public void deleteRealm(String realm) {
        ApiResponse response = delete("/admin/realms/" + encode(realm));
        if (response.status() != 204 && response.status() != 404) {
            throw unexpected("DELETE", "/admin/realms/" + realm, response);
        }
    }

    /** The client representation whose clientId (not internal id) is given. */
    public Optional<JsonNode> findClientByClientId(String realm, String clientId) {
        JsonNode clients = expect(200, "GET", "/admin/realms/" + encode(realm) + "/clients?clientId=" + encode(clientId), null).json();
        return clients.isEmpty() ? Optional.empty() : Optional.of(clients.get(0));
    }

    /** The internal id of the user with exactly this username. */
    public Optional<String> findUserId(String realm, String username) {
        JsonNode users = expect(200, "GET",
                "/admin/realms/" + encode(realm) + "/users?exact=true&username=" + encode(username), null).json();
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0).path("id").asText());
    }

    /** The internal id of a group by its path, e.g. {@code /aws/admins}. */
    public Optional<String> findGroupId(String realm, String groupPath) {
        String path = Arrays.stream(groupPath.split("/")).filter(s -> !s.isEmpty())
                .map(AdminApi::encode).collect(Collectors.joining("/"));
        ApiResponse response = get("/admin/realms/" + encode(realm) + "/group-by-path/" + path);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw unexpected("GET", "/admin/realms/" + realm + "/group-by-path/" + path, response);
        }
        return Optional.of(response.json().path("id").asText());
    }

    /**
     * Creates an enabled user with a complete profile (email, first and last name), so Keycloak's
     * default user profile does not stop the first login with an "update your profile" page.
     * Returns the new user's id.
     */
    public String createUser(String realm, String username, String password) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@example.test")
                .put("emailVerified", true)
                .put("firstName", username)
                .put("lastName", "Test");
        String id = createUser(realm, user);
        setUserPassword(realm, id, password);
        return id;
    }

    /** Creates a user from a representation; returns the new user's id. */
    public String createUser(String realm, JsonNode user) {
        return expect(201, "POST", "/admin/realms/" + encode(realm) + "/users", user).createdId();
    }

    /** Sets a permanent (not temporary) password. */
    public void setUserPassword(String realm, String userId, String password) {
        ObjectNode credential = JSON.createObjectNode()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        expect(204, "PUT", "/admin/realms/" + encode(realm) + "/users/" + userId + "/reset-password", credential);
    }

    public void addUserToGroup(String realm, String userId, String groupId) {
        expect(204, "PUT", "/admin/realms/" + encode(realm) + "/users/" + userId + "/groups/" + groupId, null);
    }

    /** Sends a request and insists on one status; the error names the call and shows Keycloak's answer. */
    public ApiResponse expect(int status, String method, String path, Object body) {
        ApiResponse response = send(method, path, body);
        if (response.status() != status) {
            throw unexpected(method, path, response);
        }
        return response;
    }

    public ApiResponse send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        HttpResponse<String> response = sendRaw(request.build());
        return new ApiResponse(response.statusCode(), response.body(), response.headers());
    }

    /** A valid admin access token, fetched again shortly before the current one expires. */
    public synchronized String token() {
        if (accessToken == null || Instant.now().isAfter(tokenExpires.minus(TOKEN_MARGIN))) {
            String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
            HttpRequest request = HttpRequest.newBuilder(uri("/realms/" + encode(realm) + "/protocol/openid-connect/token"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<String> response = sendRaw(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("admin login as " + username + " failed with " + response.statusCode() + ": " + response.body());
            }
            JsonNode token = readTree(response.body());
            accessToken = token.path("access_token").asText();
            tokenExpires = Instant.now().plusSeconds(token.path("expires_in").asLong(60));
        }
        return accessToken;
    }

    public String baseUrl() {
        return baseUrl;
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path);
    }

    private HttpResponse<String> sendRaw(HttpRequest request) {
        return HttpExchange.send(http, request);
    }

    private static IllegalStateException unexpected(String method, String path, ApiResponse response) {
        return new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.body());
    }

    private static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + body, e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
