package dev.kcaws.testsupport.kcscim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.scim.BearerToken;
import dev.kcaws.scim.MemberRemoval;
import dev.kcaws.scim.RetryPolicy;
import dev.kcaws.scim.ScimClient;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One realm of a {@link KeycloakScimPeer}: its SCIM endpoint, a bearer token for it (the client
 * credentials grant of the realm's SCIM client), and reads of what the SCIM calls did, through
 * Keycloak's admin API (not through SCIM, so the check does not trust the server under test's
 * SCIM answers).
 */
public final class ScimPeerRealm {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final KeycloakServer server;
    private final String name;
    private final String clientId;
    private final String secret;
    private final String audience;

    ScimPeerRealm(KeycloakServer server, String name, String clientId, String secret, String audience) {
        this.server = server;
        this.name = name;
        this.clientId = clientId;
        this.secret = secret;
        this.audience = audience;
    }

    public String name() {
        return name;
    }

    /** The realm's SCIM base URL with a trailing slash, as the bundle's settings take Identity Center's. */
    public URI endpoint() {
        return URI.create(audience + "/");
    }

    /** The audience Keycloak's SCIM server demands in the token: the SCIM base URL without the slash. */
    public String audience() {
        return audience;
    }

    /** A fresh access token of the SCIM client's service account (client credentials grant). */
    public String accessToken() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/" + encode(name) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("client credentials grant of " + clientId + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return KeycloakScimPeer.JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token response is not JSON: " + response.body(), e);
        }
    }

    public BearerToken bearerToken() {
        return BearerToken.of(accessToken());
    }

    /** The bundle's client on this realm's SCIM endpoint; retries short, so a broken call fails fast. */
    public ScimClient scimClient() {
        return scimClient(bearerToken());
    }

    public ScimClient scimClient(BearerToken token) {
        RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.5, Clock.systemUTC());
        // Keycloak's SCIM server removes members only by filter path (docs/identity-center-real-scim-peer.md).
        return new ScimClient(endpoint(), token, HTTP, retry, d -> Thread.sleep(d.toMillis()), MemberRemoval.FILTER_PATH);
    }

    // ---- the realm as Keycloak's admin API sees it ----

    public AdminApi admin() {
        return server.adminApi();
    }

    /** The user, full representation, or empty when there is none with this ID. */
    public Optional<JsonNode> user(String id) {
        ApiResponse response = admin().get(realmPath() + "/users/" + encode(id));
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expectOk(response).json());
    }

    public Optional<JsonNode> userByUsername(String username) {
        JsonNode found = expectOk(admin().get(realmPath() + "/users?exact=true&briefRepresentation=false&username=" + encode(username))).json();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Usernames of every user but service accounts. */
    public Set<String> usernames() {
        Set<String> names = new TreeSet<>();
        expectOk(admin().get(realmPath() + "/users?max=10000&briefRepresentation=true")).json()
                .forEach(u -> names.add(u.path("username").asText()));
        names.removeIf(n -> n.startsWith("service-account-"));
        return names;
    }

    public Optional<JsonNode> group(String id) {
        ApiResponse response = admin().get(realmPath() + "/groups/" + encode(id));
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expectOk(response).json());
    }

    /** Names of the top-level groups. */
    public Set<String> groupNames() {
        Set<String> names = new TreeSet<>();
        expectOk(admin().get(realmPath() + "/groups?max=10000")).json().forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    public Optional<String> groupIdByName(String groupName) {
        JsonNode found = expectOk(admin().get(realmPath() + "/groups?exact=true&search=" + encode(groupName))).json();
        for (JsonNode group : found) {
            if (group.path("name").asText().equals(groupName)) {
                return Optional.of(group.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /** Usernames of the group's direct members. */
    public Set<String> memberUsernames(String groupId) {
        Set<String> names = new TreeSet<>();
        expectOk(admin().get(realmPath() + "/groups/" + encode(groupId) + "/members?max=10000&briefRepresentation=true")).json()
                .forEach(u -> names.add(u.path("username").asText()));
        return names;
    }

    /**
     * How many writes the realm's SCIM server accepted: it records each (create, update, patch,
     * delete) as an admin event of the SCIM client, whose realm is this one; the test's own admin
     * calls come from the master realm and are not counted. Refused requests record nothing.
     */
    public int scimWrites() {
        String realmId = expectOk(admin().get(realmPath())).json().path("id").asText();
        int writes = 0;
        for (JsonNode event : expectOk(admin().get(realmPath() + "/admin-events?first=0&max=100000")).json()) {
            if (realmId.equals(event.path("authDetails").path("realmId").asText())) {
                writes++;
            }
        }
        return writes;
    }

    /**
     * Creates plain users (username, email, names) in one partial import, much faster than one
     * request each; returns their Keycloak IDs, which are also their SCIM IDs, in order.
     */
    public List<String> importUsers(String usernamePrefix, int count) {
        ObjectNode body = KeycloakScimPeer.JSON.createObjectNode().put("ifResourceExists", "FAIL");
        ArrayNode users = body.putArray("users");
        for (int i = 0; i < count; i++) {
            String username = usernamePrefix + i;
            users.addObject().put("username", username).put("enabled", true)
                    .put("email", username + "@peer.example").put("firstName", "Bulk").put("lastName", "User " + i);
        }
        admin().expect(200, "POST", realmPath() + "/partialImport", body);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(userByUsername(usernamePrefix + i).orElseThrow().path("id").asText());
        }
        return ids;
    }

    public void delete() {
        admin().deleteRealm(name);
    }

    private String realmPath() {
        return "/admin/realms/" + encode(name);
    }

    private static ApiResponse expectOk(ApiResponse response) {
        if (!response.isSuccess()) {
            throw new IllegalStateException("admin API answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ScimPeerRealm[" + endpoint() + "]";
    }
}
