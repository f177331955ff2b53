package dev.kcaws.testsupport.scimpush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A realm of a real Keycloak pushing to an {@link AwsLikeScimServer}: its push settings (stored as
 * the bundle's realm component, through Keycloak's own components API), the push's admin endpoints,
 * and what the fake holds, by the names a test knows (userName, displayName).
 */
public final class KeycloakPushFixture {

    public static final String SETTINGS_TYPE = "dev.kcaws.identitycenter.ScimPushSettingsProvider";
    public static final String SETTINGS_PROVIDER = "kcaws-identity-center-scim";
    /** How long a change may take to arrive on this shared 2-core machine before the test gives up (a wait, not a measure). */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminApi api;
    private final String realm;
    private final AwsLikeScimServer scim;

    private final String token;

    /** {@code token}: the one the fake accepts. */
    public KeycloakPushFixture(AdminApi api, String realm, AwsLikeScimServer scim, String token) {
        this.api = api;
        this.realm = realm;
        this.scim = scim;
        this.token = token;
    }

    /** The demo realm's four groups (by path), the ones its tests choose. */
    public static final List<String> DEMO_GROUPS = List.of("/DevOps", "/Developers", "/BillingAdmin", "/Everyone");

    /**
     * A fresh copy of the demo realm named {@code realm} on {@code api}'s server and a fresh fake
     * accepting {@code token}, the push configured for {@link #DEMO_GROUPS} (reconcile on demand
     * only; saving the settings asks for a full reconcile). The realm and the fake are added to
     * {@code cleanup}.
     */
    public static KeycloakPushFixture demoCopy(AdminApi api, String realm, String token, String leavePolicy,
                                               List<AutoCloseable> cleanup) throws IOException {
        api.createRealm(DemoRealm.copyNamed(realm));
        cleanup.add(() -> api.deleteRealm(realm));
        AwsLikeScimServer scim = AwsLikeScimServer.start(token);
        cleanup.add(scim);
        KeycloakPushFixture push = new KeycloakPushFixture(api, realm, scim, token);
        push.configure(token, DEMO_GROUPS, leavePolicy, 0);
        return push;
    }

    /** Waits for the first push of a {@link #demoCopy}: its four groups, dave in Everyone, nothing pending, the reconcile recorded. */
    public Duration awaitDemoPushed() {
        return await("the demo realm pushed", () -> scim.directory().groupCount() == 4 && member("Everyone", "dave@example.com")
                && status().path("pending").asLong() == 0 && !status().path("lastReconcile").isNull(), this::status);
    }

    public AdminApi api() {
        return api;
    }

    public String realm() {
        return realm;
    }

    public AwsLikeScimServer scim() {
        return scim;
    }

    public String realmPath() {
        return "/admin/realms/" + realm;
    }

    // ---- settings ----

    /** Push settings for the groups (by path), enabled, with the given token, leave policy and reconcile interval (0: on demand only). */
    public void configure(String token, List<String> groupPaths, String leavePolicy, int reconcileMinutes) {
        configure(scim.endpoint(), token, groupPaths, leavePolicy, reconcileMinutes);
    }

    public void configure(URI endpoint, String token, List<String> groupPaths, String leavePolicy, int reconcileMinutes) {
        configureGroupIds(endpoint, token, groupPaths.stream().map(this::groupId).toList(), leavePolicy, reconcileMinutes);
    }

    /** As {@link #configure}, with the chosen groups by Keycloak ID (a benchmark times the save alone, without 200 path look-ups). */
    public void configureGroupIds(URI endpoint, String token, List<String> groupIds, String leavePolicy, int reconcileMinutes) {
        String realmId = api.expect(200, "GET", realmPath(), null).json().path("id").asText();
        ObjectNode component = JSON.createObjectNode()
                .put("name", "IAM Identity Center SCIM push")
                .put("providerId", SETTINGS_PROVIDER)
                .put("providerType", SETTINGS_TYPE)
                .put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("enabled").add("true");
        config.putArray("endpoint").add(endpoint.toString());
        config.putArray("token").add(token);
        var groups = config.putArray("groupIds");
        groupIds.forEach(groups::add);
        config.putArray("leavePolicy").add(leavePolicy);
        config.putArray("reconcileIntervalMinutes").add(String.valueOf(reconcileMinutes));
        Optional<String> existing = settingsComponentId();
        if (existing.isPresent()) {
            component.put("id", existing.get());
            api.expect(204, "PUT", realmPath() + "/components/" + existing.get(), component);
        } else {
            api.expect(201, "POST", realmPath() + "/components", component);
        }
    }

    private Optional<String> settingsComponentId() {
        JsonNode found = api.expect(200, "GET", realmPath() + "/components?type=" + SETTINGS_TYPE, null).json();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).path("id").asText());
    }

    // ---- the push's admin endpoints ----

    public ApiResponse sync() {
        return api.post(realmPath() + "/aws/identity-center/push/sync", null);
    }

    public JsonNode status() {
        return api.expect(200, "GET", realmPath() + "/aws/identity-center/push/status", null).json();
    }

    // ---- Keycloak side ----

    public String groupId(String path) {
        return api.findGroupId(realm, path).orElseThrow(() -> new IllegalArgumentException("no group " + path + " in " + realm));
    }

    public String userId(String username) {
        return api.findUserId(realm, username).orElseThrow(() -> new IllegalArgumentException("no user " + username + " in " + realm));
    }

    /** GETs the user, lets {@code change} edit the representation, PUTs it back (as the admin console does). */
    public void updateUser(String username, java.util.function.Consumer<ObjectNode> change) {
        String id = userId(username);
        ObjectNode user = (ObjectNode) api.expect(200, "GET", realmPath() + "/users/" + id, null).json();
        change.accept(user);
        api.expect(204, "PUT", realmPath() + "/users/" + id, user);
    }

    public void renameGroup(String path, String newName) {
        String id = groupId(path);
        ObjectNode group = (ObjectNode) api.expect(200, "GET", realmPath() + "/groups/" + id, null).json();
        group.put("name", newName);
        api.expect(204, "PUT", realmPath() + "/groups/" + id, group);
    }

    // ---- Identity Center side (the fake) ----

    public Optional<JsonNode> scimUser(String userName) {
        return scim.directory().userByUserName(userName).map(JsonNode.class::cast);
    }

    public Optional<JsonNode> scimGroup(String displayName) {
        return scim.directory().groupByDisplayName(displayName).map(JsonNode.class::cast);
    }

    /** Whether the fake holds the user as a member of the group. */
    public boolean member(String displayName, String userName) {
        Optional<JsonNode> group = scimGroup(displayName);
        Optional<JsonNode> user = scimUser(userName);
        return group.isPresent() && user.isPresent()
                && scim.directory().membersOf(group.get().path("id").asText()).contains(user.get().path("id").asText());
    }

    /** The userNames of a group's members in the fake, for failure messages. */
    public Set<String> memberIds(String displayName) {
        return scimGroup(displayName).map(g -> scim.directory().membersOf(g.path("id").asText())).orElse(Set.of());
    }

    /** A DELETE straight to the fake's SCIM API (a change made in Identity Center behind Keycloak's back); the status. */
    public int scimDelete(String relativePath) throws java.io.IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(scim.endpoint().resolve(relativePath))
                .header("Authorization", "Bearer " + token).DELETE().build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- waiting ----

    /** Polls until {@code condition} holds; fails after {@link #PATIENCE} with {@code state} in the message. Returns the time it took. */
    public static Duration await(String what, BooleanSupplier condition, Supplier<Object> state) {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting " + PATIENCE.toSeconds() + " s for: " + what + "; state: " + state.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
