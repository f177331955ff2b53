package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kcaws.testsupport.scimpush.KeycloakPushFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push's less common entry doors on the real Keycloak, to the AWS-like SCIM server: a partial
 * import (new users, and users overwritten), a realm imported with the push settings in it, an
 * identity-provider login (first login into a pushed group, a forced sync of a changed name), and
 * adoption of users and groups Identity Center already holds. Each test has its own realm(s) and fake.
 */
class IdentityCenterPushImportIT {

    static final String TOKEN = "scim-token-for-import-tests";
    static final AtomicInteger REALMS = new AtomicInteger();

    final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    static String name(String prefix) {
        return prefix + "-" + REALMS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    KeycloakPushFixture pushedDemo() throws Exception {
        KeycloakPushFixture push = KeycloakPushFixture.demoCopy(SharedKeycloak.get().adminApi(), name("push-import"), TOKEN, "DEACTIVATE", cleanup);
        push.awaitDemoPushed();
        push.scim().resetCounters();
        return push;
    }

    static ObjectNode user(String username, String firstName, String lastName, String... groups) {
        ObjectNode user = DemoRealm.JSON.createObjectNode().put("username", username).put("email", username + "@example.com")
                .put("firstName", firstName).put("lastName", lastName).put("enabled", true).put("emailVerified", true);
        ArrayNode paths = user.putArray("groups");
        Arrays.stream(groups).forEach(paths::add);
        return user;
    }

    static long refused(AwsLikeScimServer scim) {
        return Arrays.stream(ScimRule.values()).mapToLong(scim::rejections).sum();
    }

    // ---- partial import ----

    @Test
    void aPartialImportOfTwoUsersIntoAPushedGroupReachesIdentityCenter() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        ObjectNode file = DemoRealm.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        file.putArray("users").add(user("gina", "Gina", "Imported", "/DevOps", "/Everyone")).add(user("hank", "Hank", "Imported", "/DevOps"));
        file.putArray("groups").addObject().put("name", "Auditors").put("path", "/Auditors");

        JsonNode result = push.api().expect(200, "POST", push.realmPath() + "/partialImport", file).json();

        assertThat(result.path("added").asInt()).as(result.toString()).isEqualTo(3);
        await("gina and hank in DevOps", () -> push.member("DevOps", "gina@example.com") && push.member("DevOps", "hank@example.com")
                && push.member("Everyone", "gina@example.com"), () -> push.memberIds("DevOps"));
        await("nothing pending", () -> push.status().path("pending").asLong() == 0, push::status);
        JsonNode gina = push.scimUser("gina@example.com").orElseThrow();
        assertThat(gina.path("externalId").asText()).isEqualTo(push.userId("gina"));
        assertThat(gina.path("name").path("familyName").asText()).isEqualTo("Imported");
        assertThat(push.scimGroup("Auditors")).as("a group not chosen stays out").isEmpty();
        assertThat(push.status().path("lastPush").path("outcome").asText()).as(push.status().toString()).isEqualTo("OK");
        assertThat(refused(push.scim())).as("requests the fake refused").isZero();
    }

    /**
     * OVERWRITE removes the existing bob and creates him again (a new Keycloak ID: the file has
     * none) with the file's names and groups: Identity Center keeps one bob, his new name, only
     * the file's group, and the new Keycloak ID as externalId.
     */
    @Test
    void aPartialImportThatOverwritesAPushedUserUpdatesHimAndHisGroups() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        String oldId = push.userId("bob");
        ObjectNode file = DemoRealm.JSON.createObjectNode().put("ifResourceExists", "OVERWRITE");
        file.putArray("users").add(user("bob", "Bob", "Rebuilt", "/Developers"));

        JsonNode result = push.api().expect(200, "POST", push.realmPath() + "/partialImport", file).json();

        assertThat(result.path("overwritten").asInt()).as(result.toString()).isEqualTo(1);
        String newId = push.userId("bob");
        assertThat(newId).isNotEqualTo(oldId);
        await("bob rebuilt, out of Everyone", () -> push.scimUser("bob@example.com")
                        .filter(u -> u.path("name").path("familyName").asText().equals("Rebuilt") && u.path("externalId").asText().equals(newId))
                        .isPresent() && !push.member("Everyone", "bob@example.com"),
                () -> push.scimUser("bob@example.com") + " Everyone: " + push.memberIds("Everyone"));
        await("nothing pending", () -> push.status().path("pending").asLong() == 0, push::status);
        assertThat(push.scim().directory().userNamesById().values()).containsOnlyOnce("bob@example.com");
        assertThat(push.scimUser("bob@example.com").orElseThrow().path("active").asBoolean()).isTrue();
        assertThat(push.member("Developers", "bob@example.com")).isTrue();
        assertThat(push.member("Everyone", "bob@example.com")).isFalse();
        assertThat(push.status().path("lastPush").path("failures")).as(push.status().toString()).isEmpty();
        // the new bob's CreateUser may meet the old bob (409, adopted) if the old one was only deactivated
        assertThat(refused(push.scim()) - push.scim().rejections(ScimRule.CONFLICT_ON_EXISTING)).as("requests the fake refused").isZero();
        // and what the single pushes did holds in a full reconcile: nothing to repair
        push.scim().resetCounters();
        JsonNode sync = push.sync().json();
        assertThat(push.scim().writeRequests()).as("writes of the reconcile after the import: " + sync).isZero();
    }

    // ---- realm import ----

    /** {@code POST /admin/realms} of a file with the push settings in it: pushed with no admin action after it. */
    @Test
    void aRealmImportedWithThePushSettingsIsPushed() throws Exception {
        AdminApi api = SharedKeycloak.get().adminApi();
        AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN);
        cleanup.add(scim);
        String realm = name("push-imported");
        String devOps = UUID.randomUUID().toString();
        ObjectNode file = DemoRealm.JSON.createObjectNode().put("realm", realm).put("enabled", true);
        file.putArray("groups").addObject().put("id", devOps).put("name", "DevOps");
        file.putArray("users").add(user("rita", "Rita", "Realmfile", "/DevOps")).add(user("sam", "Sam", "Outside"));
        ObjectNode config = file.putObject("components").putArray(KeycloakPushFixture.SETTINGS_TYPE).addObject()
                .put("name", "IAM Identity Center SCIM push").put("providerId", KeycloakPushFixture.SETTINGS_PROVIDER).putObject("config");
        config.putArray("enabled").add("true");
        config.putArray("endpoint").add(scim.endpoint().toString());
        config.putArray("token").add(TOKEN);
        config.putArray("groupIds").add(devOps);
        config.putArray("leavePolicy").add("DEACTIVATE");
        config.putArray("reconcileIntervalMinutes").add("0");

        api.expect(201, "POST", "/admin/realms", file);
        cleanup.add(() -> api.deleteRealm(realm));

        KeycloakPushFixture push = new KeycloakPushFixture(api, realm, scim, TOKEN);
        await("rita in DevOps", () -> push.member("DevOps", "rita@example.com"), () -> push.scim().directory().userNamesById());
        await("the import's reconcile recorded", () -> !push.status().path("lastReconcile").isNull(), push::status);
        JsonNode run = push.status().path("lastReconcile");
        assertThat(run.path("outcome").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(run.path("created").asInt()).as(run.toString()).isEqualTo(2); // DevOps, rita
        assertThat(push.scimUser("rita@example.com").orElseThrow().path("externalId").asText()).isEqualTo(push.userId("rita"));
        assertThat(push.scimUser("sam@example.com")).as("sam is in no chosen group").isEmpty();
    }

    // ---- adoption ----

    /**
     * Identity Center already holds alice (another given name) and DevOps (made before the switch
     * to Keycloak): the first push adopts both, creates the rest, and leaves one of each.
     */
    @Test
    void theFirstPushAdoptsAUserAndAGroupIdentityCenterAlreadyHolds() throws Exception {
        AdminApi api = SharedKeycloak.get().adminApi();
        String realm = name("push-adopt");
        api.createRealm(DemoRealm.copyNamed(realm));
        cleanup.add(() -> api.deleteRealm(realm));
        AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN);
        cleanup.add(scim);
        KeycloakPushFixture push = new KeycloakPushFixture(api, realm, scim, TOKEN);
        String aliceScimId = createInFake(scim, "Users", scimUser("alice@example.com", "Alicia", "Before")).path("id").asText();
        String devOpsScimId = createInFake(scim, "Groups", DemoRealm.JSON.createObjectNode().put("displayName", "DevOps")
                .set("schemas", DemoRealm.JSON.createArrayNode().add("urn:ietf:params:scim:schemas:core:2.0:Group"))).path("id").asText();
        scim.resetCounters();

        push.configure(TOKEN, KeycloakPushFixture.DEMO_GROUPS, "DEACTIVATE", 0);

        push.awaitDemoPushed();
        JsonNode run = push.status().path("lastReconcile");
        assertThat(run.path("outcome").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(run.path("failures")).as(run.toString()).isEmpty();
        assertThat(run.path("created").asInt()).as(run.toString()).isEqualTo(6); // 3 groups, bob, carol, dave
        assertThat(run.path("updated").asInt()).as(run.toString()).isEqualTo(2); // alice (her names), DevOps (its members)
        assertThat(scim.directory().userNamesById().values()).containsOnlyOnce("alice@example.com");
        assertThat(scim.directory().userCount()).isEqualTo(4);
        assertThat(scim.directory().groupCount()).isEqualTo(4);
        JsonNode alice = push.scimUser("alice@example.com").orElseThrow();
        assertThat(alice.path("id").asText()).as("alice adopted, not created again").isEqualTo(aliceScimId);
        assertThat(alice.path("name").path("givenName").asText()).isEqualTo("Alice");
        assertThat(alice.path("externalId").asText()).isEqualTo(push.userId("alice"));
        assertThat(push.scimGroup("DevOps").orElseThrow().path("id").asText()).as("DevOps adopted").isEqualTo(devOpsScimId);
        assertThat(push.member("DevOps", "alice@example.com")).isTrue();
        assertThat(refused(scim)).as("requests the fake refused (a 409 included)").isZero();

        // A single push meets one too: its CreateUser's 409 adopts the user, no failure is left.
        String frankScimId = createInFake(scim, "Users", scimUser("frank@example.com", "Frank", "Before")).path("id").asText();
        scim.resetCounters();
        String frank = api.createUser(realm, user("frank", "Frank", "Fresh"));
        api.addUserToGroup(realm, frank, push.groupId("/DevOps"));

        await("frank in DevOps, nothing pending", () -> push.member("DevOps", "frank@example.com") && push.status().path("pending").asLong() == 0,
                push::status);
        assertThat(scim.rejections(ScimRule.CONFLICT_ON_EXISTING)).as("the CreateUser answered 409").isEqualTo(1);
        assertThat(scim.directory().userNamesById().values()).containsOnlyOnce("frank@example.com");
        JsonNode frankThere = push.scimUser("frank@example.com").orElseThrow();
        assertThat(frankThere.path("id").asText()).isEqualTo(frankScimId);
        assertThat(frankThere.path("name").path("familyName").asText()).isEqualTo("Fresh");
        await("the last push OK", () -> push.status().path("lastPush").path("outcome").asText().equals("OK"), push::status);
        assertThat(push.status().path("lastPush").path("failures")).as(push.status().toString()).isEmpty();
    }

    static ObjectNode scimUser(String userName, String givenName, String familyName) {
        ObjectNode user = DemoRealm.JSON.createObjectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", userName).put("displayName", givenName + " " + familyName).put("active", true);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName);
        user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        return user;
    }

    /** A POST straight to the fake's SCIM API (someone made it in Identity Center); the created resource. */
    static JsonNode createInFake(AwsLikeScimServer scim, String resource, JsonNode document) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(scim.endpoint().resolve(resource))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(document.toString())).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return DemoRealm.JSON.readTree(response.body());
    }

    // ---- identity-provider logins ----

    /**
     * Another realm of the same Keycloak is an OIDC identity provider (sync mode FORCE, a
     * hardcoded-group mapper putting its users in DevOps): ivy's first login through it creates her
     * in Identity Center in DevOps; her last name changed at the provider arrives after her next
     * login through it (the FORCE sync updates her in Keycloak with no admin or profile event; the
     * brokered LOGIN event carries it).
     */
    @Test
    void aBrokeredFirstLoginCreatesTheUserAndAForcedSyncOfANewNameArrives() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        AdminApi api = push.api();
        String base = SharedKeycloak.get().baseUrl();
        String upstream = name("push-upstream");
        ObjectNode idpRealm = DemoRealm.JSON.createObjectNode().put("realm", upstream).put("enabled", true);
        ObjectNode ivy = user("ivy", "Ivy", "Before");
        ivy.remove("groups");
        ivy.putArray("credentials").addObject().put("type", "password").put("value", "ivy-password").put("temporary", false);
        idpRealm.putArray("users").add(ivy);
        ObjectNode client = idpRealm.putArray("clients").addObject().put("clientId", "downstream").put("secret", "downstream-secret")
                .put("publicClient", false).put("standardFlowEnabled", true).put("enabled", true);
        client.putArray("redirectUris").add(base + "/realms/" + push.realm() + "/broker/upstream/endpoint");
        api.createRealm(idpRealm);
        cleanup.add(() -> api.deleteRealm(upstream));

        ObjectNode idp = DemoRealm.JSON.createObjectNode().put("alias", "upstream").put("providerId", "oidc").put("enabled", true)
                .put("trustEmail", true);
        ObjectNode config = idp.putObject("config");
        String oidc = base + "/realms/" + upstream + "/protocol/openid-connect";
        config.put("clientId", "downstream").put("clientSecret", "downstream-secret").put("clientAuthMethod", "client_secret_post")
                .put("authorizationUrl", oidc + "/auth").put("tokenUrl", oidc + "/token").put("defaultScope", "openid profile email")
                .put("validateSignature", "false").put("syncMode", "FORCE");
        api.expect(201, "POST", push.realmPath() + "/identity-provider/instances", idp);
        ObjectNode mapper = DemoRealm.JSON.createObjectNode().put("name", "into DevOps").put("identityProviderAlias", "upstream")
                .put("identityProviderMapper", "oidc-hardcoded-group-idp-mapper");
        mapper.putObject("config").put("group", "/DevOps").put("syncMode", "INHERIT");
        api.expect(201, "POST", push.realmPath() + "/identity-provider/instances/upstream/mappers", mapper);

        Page first = brokeredLogin(base, push.realm(), "ivy", "ivy-password");

        assertThat(api.findUserId(push.realm(), "ivy")).as("ivy created by her first login; last page: " + first).isPresent();
        await("ivy in DevOps", () -> push.member("DevOps", "ivy@example.com"), push::status);
        assertThat(push.scimUser("ivy@example.com").orElseThrow().path("name").path("familyName").asText()).isEqualTo("Before");

        String ivyUpstream = api.findUserId(upstream, "ivy").orElseThrow();
        ObjectNode changed = (ObjectNode) api.expect(200, "GET", "/admin/realms/" + upstream + "/users/" + ivyUpstream, null).json();
        changed.put("lastName", "After");
        api.expect(204, "PUT", "/admin/realms/" + upstream + "/users/" + ivyUpstream, changed);
        push.scim().resetCounters();

        Page second = brokeredLogin(base, push.realm(), "ivy", "ivy-password");

        await("ivy's new last name in Keycloak", () -> api.expect(200, "GET", push.realmPath() + "/users/" + push.userId("ivy"), null)
                .json().path("lastName").asText().equals("After"), () -> second);
        await("ivy's new last name in Identity Center", () -> push.scimUser("ivy@example.com")
                .map(u -> u.path("name").path("familyName").asText()).orElse("").equals("After"), push::status);
        assertThat(push.member("DevOps", "ivy@example.com")).isTrue();
        assertThat(refused(push.scim())).as("requests the fake refused").isZero();
    }

    /** A fresh browser signs in to the realm's account client through the identity provider {@code upstream}. */
    static Page brokeredLogin(String base, String realm, String username, String password) {
        BrowserSession browser = new BrowserSession();
        String redirect = base + "/realms/" + realm + "/account/";
        Page page = browser.get(base + "/realms/" + realm + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=account"
                + "&kc_idp_hint=upstream&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        assertThat(page.isLoginForm()).as("the provider's login form: " + page).isTrue();
        Page after = browser.submitLogin(page, username, password);
        assertThat(after.url()).as("back at the client: " + after + " " + after.errorMessage()).startsWith(redirect);
        assertThat(URI.create(after.url()).getQuery()).as(after.url()).contains("code=");
        return after;
    }
}
