package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.Outage;
import dev.kcaws.testsupport.awsscim.ScimOperation;
import dev.kcaws.testsupport.awsscim.ScimRule;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kcaws.testsupport.scimpush.KeycloakPushFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM push on the real Keycloak, to the AWS-like SCIM server: the first push of the demo
 * realm's four groups and their users, each kind of change arriving by itself (captured in the
 * change's transaction, delivered after commit), a change made while Identity Center is down,
 * throttling or refusing the token arriving once it is back without an admin doing anything, and
 * the status endpoint's counts. Each test has its own copy of the demo realm and its own fake.
 */
class IdentityCenterPushIT {

    static final String TOKEN = "scim-token-for-tests";
    static final List<String> DEMO_GROUPS = KeycloakPushFixture.DEMO_GROUPS;
    static final AtomicInteger REALMS = new AtomicInteger();
    static final StringBuilder FIGURES = new StringBuilder();

    final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @AfterAll
    static void figures() {
        System.out.println("IdentityCenterPushIT figures:" + FIGURES);
    }

    /** A fresh copy of the demo realm and a fresh fake; the push configured for the four groups (reconcile on demand only). */
    KeycloakPushFixture demo(String leavePolicy) throws Exception {
        String realm = "push-" + REALMS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        return KeycloakPushFixture.demoCopy(SharedKeycloak.get().adminApi(), realm, TOKEN, leavePolicy, cleanup);
    }

    /** A demo realm whose push has sent everything (saving the settings asks for a full reconcile), its counters reset. */
    KeycloakPushFixture pushedDemo() throws Exception {
        KeycloakPushFixture push = demo("DEACTIVATE");
        awaitFirstPush(push);
        push.scim().resetCounters();
        return push;
    }

    static void awaitFirstPush(KeycloakPushFixture push) {
        push.awaitDemoPushed();
    }

    @Test
    void savingTheSettingsPushesTheDemoRealmsFourGroupsAndTheirUsers() throws Exception {
        KeycloakPushFixture push = demo("DEACTIVATE");

        awaitFirstPush(push);

        for (String group : List.of("DevOps", "Developers", "BillingAdmin", "Everyone")) {
            assertThat(push.scimGroup(group)).as(group).isPresent();
        }
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            JsonNode u = push.scimUser(user + "@example.com").orElseThrow(() -> new AssertionError(user + " not pushed"));
            assertThat(u.path("externalId").asText()).isEqualTo(push.userId(user));
            assertThat(u.path("active").asBoolean()).isTrue();
            assertThat(push.member("Everyone", user + "@example.com")).as(user + " in Everyone").isTrue();
        }
        assertThat(push.scimUser("erin@example.com")).as("erin is in no chosen group").isEmpty();
        assertThat(push.member("DevOps", "alice@example.com")).isTrue();
        assertThat(push.member("DevOps", "bob@example.com")).isFalse();
        assertThat(push.member("Developers", "bob@example.com")).isTrue();
        assertThat(push.member("BillingAdmin", "carol@example.com")).isTrue();
        assertThat(push.scim().directory().userCount()).isEqualTo(4);

        JsonNode status = push.status();
        assertThat(status.path("pending").asLong()).isZero();
        JsonNode run = status.path("lastReconcile");
        assertThat(run.path("outcome").asText()).as(status.toString()).isEqualTo("OK");
        assertThat(run.path("created").asInt()).as(status.toString()).isEqualTo(8); // 4 groups, alice, bob, carol, dave
        assertThat(run.path("failures")).isEmpty();
        assertThat(run.has("error") && run.path("error").isNull()).isTrue();
        assertThat(run.path("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(run.path("requests").asInt()).isPositive();
    }

    @Test
    void syncNowOfTheUnchangedRealmSendsNoWritesAndRepairsDrift() throws Exception {
        KeycloakPushFixture push = pushedDemo();

        ApiResponse unchanged = push.sync();

        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        JsonNode run = unchanged.json();
        assertThat(run.path("outcome").asText()).isEqualTo("OK");
        assertThat(run.path("created").asInt() + run.path("updated").asInt() + run.path("deleted").asInt() + run.path("deactivated").asInt())
                .as(unchanged.body()).isZero();
        assertThat(push.scim().writeRequests()).as("writes of a reconcile of the unchanged realm").isZero();
        assertThat(push.status().path("lastReconcile").path("finishedAt").asText()).isEqualTo(run.path("finishedAt").asText());

        // Someone deletes bob in Identity Center behind Keycloak's back: sync now puts him back.
        String bobScimId = push.scimUser("bob@example.com").orElseThrow().path("id").asText();
        assertThat(push.scimDelete("Users/" + bobScimId)).isEqualTo(204);

        JsonNode repaired = push.sync().json();

        assertThat(repaired.path("created").asInt()).as(repaired.toString()).isEqualTo(1);
        assertThat(push.member("Developers", "bob@example.com")).isTrue();
        assertThat(push.member("Everyone", "bob@example.com")).isTrue();
    }

    @Test
    void syncNowWithoutSettingsIs400() throws Exception {
        AdminApi api = SharedKeycloak.get().adminApi();
        String realm = "push-unset-" + REALMS.incrementAndGet();
        api.createRealm(DemoRealm.copyNamed(realm));
        cleanup.add(() -> api.deleteRealm(realm));

        ApiResponse sync = api.post("/admin/realms/" + realm + "/aws/identity-center/push/sync", null);

        assertThat(sync.status()).as(sync.body()).isEqualTo(400);
        assertThat(sync.json().path("field").asText()).isEqualTo("scim");
        JsonNode status = api.expect(200, "GET", "/admin/realms/" + realm + "/aws/identity-center/push/status", null).json();
        assertThat(status.path("pending").asLong()).isZero();
        assertThat(status.has("lastPush") && status.path("lastPush").isNull()).isTrue();
        assertThat(status.has("lastReconcile") && status.path("lastReconcile").isNull()).isTrue();
    }

    @Test
    void statusNeedsViewRealmAndSyncNeedsManageRealm() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        String api = push.realmPath() + "/aws/identity-center/push/";
        AdminApi viewer = RealmAdmins.create(SharedKeycloak.get(), push.realm(), "push-viewer", "view-realm");
        AdminApi manager = RealmAdmins.create(SharedKeycloak.get(), push.realm(), "push-manager", "manage-realm");
        UserToken alice = UserToken.of(SharedKeycloak.get().baseUrl(), push.realm(), "alice", "alice");

        assertThat(alice.status("GET", api + "status", null)).isEqualTo(403);
        assertThat(alice.status("POST", api + "sync", null)).isEqualTo(403);
        assertThat(viewer.get(api + "status").status()).isEqualTo(200);
        assertThat(viewer.post(api + "sync", null).status()).isEqualTo(403);
        assertThat(manager.get(api + "status").status()).isEqualTo(200);
        assertThat(manager.post(api + "sync", null).status()).isEqualTo(200);
    }

    @Test
    void aSelfServiceProfileEditArrives() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        // The demo realm's admin-cli has no default client scopes: give it "roles", whose audience
        // mapper puts the account client in the token, as the account console's own token has it.
        String adminCli = push.api().findClientByClientId(push.realm(), "admin-cli").orElseThrow().path("id").asText();
        String roles = java.util.stream.StreamSupport.stream(push.api().expect(200, "GET", push.realmPath() + "/client-scopes", null).json().spliterator(), false)
                .filter(scope -> scope.path("name").asText().equals("roles")).findFirst().orElseThrow().path("id").asText();
        push.api().expect(204, "PUT", push.realmPath() + "/clients/" + adminCli + "/default-client-scopes/" + roles, null);
        // ... and alice the account client's manage-account role, which the demo realm's default roles lack.
        String account = push.api().findClientByClientId(push.realm(), "account").orElseThrow().path("id").asText();
        JsonNode manageAccount = push.api().expect(200, "GET", push.realmPath() + "/clients/" + account + "/roles/manage-account", null).json();
        push.api().expect(204, "POST", push.realmPath() + "/users/" + push.userId("alice") + "/role-mappings/clients/" + account,
                DemoRealm.JSON.createArrayNode().add(manageAccount));
        UserToken alice = UserToken.of(SharedKeycloak.get().baseUrl(), push.realm(), "alice", "alice");

        int status = alice.status("POST", "/realms/" + push.realm() + "/account/",
                "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"firstName\":\"Alicia\",\"lastName\":\"Admin\"}");

        assertThat(status).isEqualTo(204);
        await("alice's own edit", () -> push.scimUser("alice@example.com").map(u -> u.path("name").path("givenName").asText()).orElse("").equals("Alicia"),
                () -> push.scimUser("alice@example.com"));
    }

    @Test
    void eachKindOfChangeArrivesWithoutAnAdminAction() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        AdminApi api = push.api();
        String users = push.realmPath() + "/users";

        // user created (and joins a chosen group)
        ObjectNode frank = DemoRealm.JSON.createObjectNode();
        frank.put("username", "frank").put("email", "frank@example.com").put("firstName", "Frank").put("lastName", "Fresh").put("enabled", true);
        String frankId = api.createUser(push.realm(), frank);
        api.addUserToGroup(push.realm(), frankId, push.groupId("/Developers"));
        await("frank created and in Developers", () -> push.member("Developers", "frank@example.com"), () -> push.scimUser("frank@example.com"));

        // user updated
        push.updateUser("bob", u -> u.put("lastName", "Builder-Smith"));
        await("bob's new last name", () -> push.scimUser("bob@example.com").map(u -> u.path("name").path("familyName").asText()).orElse("").equals("Builder-Smith"),
                () -> push.scimUser("bob@example.com"));

        // user disabled
        push.updateUser("carol", u -> u.put("enabled", false));
        await("carol inactive", () -> push.scimUser("carol@example.com").map(u -> !u.path("active").asBoolean(true)).orElse(false),
                () -> push.scimUser("carol@example.com"));

        // user deleted (DEACTIVATE: kept, inactive)
        api.expect(204, "DELETE", users + "/" + push.userId("dave"), null);
        await("dave deactivated", () -> push.scimUser("dave@example.com").map(u -> !u.path("active").asBoolean(true)).orElse(true),
                () -> push.scimUser("dave@example.com"));

        // group created under a chosen group, with a member: that member is a member of the chosen group
        String platform = api.expect(201, "POST", push.realmPath() + "/groups/" + push.groupId("/DevOps") + "/children",
                DemoRealm.JSON.createObjectNode().put("name", "Platform")).createdId();
        api.addUserToGroup(push.realm(), push.userId("erin"), platform);
        await("erin in DevOps through its sub-group", () -> push.member("DevOps", "erin@example.com"), () -> push.memberIds("DevOps"));

        // group renamed
        push.renameGroup("/Developers", "Engineers");
        await("Developers renamed Engineers", () -> push.scimGroup("Engineers").isPresent() && push.scimGroup("Developers").isEmpty(),
                () -> push.scimGroup("Developers"));

        // membership removed
        api.expect(204, "DELETE", users + "/" + push.userId("bob") + "/groups/" + push.groupId("/Engineers"), null);
        await("bob left Engineers", () -> !push.member("Engineers", "bob@example.com"), () -> push.memberIds("Engineers"));

        // membership added
        api.addUserToGroup(push.realm(), push.userId("bob"), push.groupId("/DevOps"));
        await("bob joined DevOps", () -> push.member("DevOps", "bob@example.com"), () -> push.memberIds("DevOps"));

        // group deleted
        api.expect(204, "DELETE", push.realmPath() + "/groups/" + push.groupId("/BillingAdmin"), null);
        await("BillingAdmin deleted", () -> push.scimGroup("BillingAdmin").isEmpty(), () -> push.scimGroup("BillingAdmin"));

        await("nothing pending", () -> push.status().path("pending").asLong() == 0, push::status);
        JsonNode status = push.status();
        assertThat(status.path("lastPush").path("outcome").asText()).as(status.toString()).isEqualTo("OK");
        assertThat(java.util.Arrays.stream(ScimRule.values()).mapToLong(push.scim()::rejections).sum()).as("requests the fake refused").isZero();
    }

    @Test
    void aChangeMadeWhileIdentityCenterIsDownArrivesWhenItIsBack() throws Exception {
        changeDuringOutageArrives(Outage.UNAVAILABLE);
    }

    @Test
    void aChangeMadeWhileIdentityCenterThrottlesArrivesWhenItStops() throws Exception {
        changeDuringOutageArrives(Outage.THROTTLING);
    }

    @Test
    void aChangeMadeWhileIdentityCenterRefusesTheTokenArrivesWhenItAcceptsItAgain() throws Exception {
        changeDuringOutageArrives(Outage.REVOKED_TOKEN);
    }

    void changeDuringOutageArrives(Outage outage) throws Exception {
        KeycloakPushFixture push = pushedDemo();
        push.scim().simulate(outage);

        push.api().addUserToGroup(push.realm(), push.userId("carol"), push.groupId("/DevOps"));
        push.updateUser("dave", u -> u.put("firstName", "David"));

        await("the delivery failed and the changes wait", () -> {
            JsonNode s = push.status();
            return s.path("pending").asLong() >= 2 && s.path("lastPush").path("outcome").asText().equals("FAILED");
        }, push::status);
        JsonNode status = push.status();
        assertThat(status.path("lastPush").path("error").asText()).as(status.toString()).isNotBlank().doesNotContain(TOKEN);
        assertThat(push.member("DevOps", "carol@example.com")).isFalse();
        assertThat(push.scim().outageAnswers()).isPositive();

        push.scim().recover();

        Duration took = await("carol in DevOps and David after " + outage, () -> push.member("DevOps", "carol@example.com")
                && push.scimUser("dave@example.com").map(u -> u.path("name").path("givenName").asText()).orElse("").equals("David"),
                push::status);
        await("nothing pending", () -> push.status().path("pending").asLong() == 0, push::status);
        assertThat(push.status().path("lastPush").path("outcome").asText()).isEqualTo("OK");
        FIGURES.append(String.format("%n  %s: the changes arrived %.1f s after Identity Center was back (backoff and timer)", outage, took.toMillis() / 1000.0));
    }

    /**
     * A write whose success comes back without a body (Identity Center's answer to CreateUser lost
     * on the way: the push cannot learn the new user's ID) counts as Identity Center failing, not as
     * an internal error: the change waits for the backoff, is delivered again, and the user, already
     * created by the unread request, is adopted, not created twice.
     * (Which run the status shows last is a race with the retry, so it is printed, not asserted.)
     */
    @Test
    void aWriteAnsweredWithoutItsBodyIsDeliveredAgainWithoutADuplicate() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        push.scim().dropTheBodyOfTheNextWrites(1);

        ObjectNode zoe = DemoRealm.JSON.createObjectNode();
        zoe.put("username", "zoe").put("email", "zoe@example.com").put("firstName", "Zoe").put("lastName", "Zed").put("enabled", true);
        String zoeId = push.api().createUser(push.realm(), zoe);
        push.api().addUserToGroup(push.realm(), zoeId, push.groupId("/DevOps"));

        await("zoe in DevOps, nothing pending", () -> push.member("DevOps", "zoe@example.com") && push.status().path("pending").asLong() == 0,
                push::status);
        assertThat(push.scim().droppedBodies()).as("answers the push could not read").isEqualTo(1);
        assertThat(push.scim().directory().userNamesById().values()).as("the userNames in Identity Center").containsOnlyOnce("zoe@example.com");
        await("the last push OK", () -> push.status().path("lastPush").path("outcome").asText().equals("OK"), push::status);
        FIGURES.append(String.format("%n  after an unreadable CreateUser answer: %s", push.status().path("lastPush")));
    }

    @Test
    void aTokenFixedByTheAdminDeliversWhatWaited() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        push.configure("a-revoked-token", DEMO_GROUPS, "DEACTIVATE", 0);

        push.api().addUserToGroup(push.realm(), push.userId("dave"), push.groupId("/Developers"));
        await("the delivery was refused", () -> push.status().path("lastPush").path("outcome").asText().equals("FAILED"), push::status);
        assertThat(push.status().path("pending").asLong()).isPositive();

        push.configure(TOKEN, DEMO_GROUPS, "DEACTIVATE", 0);

        await("dave in Developers", () -> push.member("Developers", "dave@example.com"), push::status);
    }

    @Test
    void oneMembershipChangeReachesIdentityCenter() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        List<Double> seconds = new ArrayList<>();
        for (String user : List.of("alice", "bob", "dave")) {
            long started = System.nanoTime();
            push.api().addUserToGroup(push.realm(), push.userId(user), push.groupId("/BillingAdmin"));
            await(user + " in BillingAdmin", () -> push.member("BillingAdmin", user + "@example.com"), () -> push.memberIds("BillingAdmin"));
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        FIGURES.append(String.format("%n  one membership change reaching the AWS-like server (admin API call to the fake's PatchGroup): %s s",
                seconds.stream().map(s -> String.format("%.2f", s)).toList()));
        assertThat(push.scim().requests(ScimOperation.PATCH_GROUP)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theUserNameSettingChangedThroughKeycloaksRealmApiIsCheckedAndReachesThePushedUserNames() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        AdminApi api = push.api();
        String attribute = "kcaws.identity-center.user-name-source";

        // An unknown value: refused with 400 naming the attribute, nothing of the update kept.
        ObjectNode realm = (ObjectNode) api.expect(200, "GET", push.realmPath(), null).json();
        ObjectNode unknown = realm.deepCopy();
        unknown.put("displayName", "changed with the bad value");
        unknown.with("attributes").put(attribute, "PHONE");
        ApiResponse refused = api.send("PUT", push.realmPath(), unknown);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errorMessage").asText()).contains(attribute).contains("EMAIL or USERNAME");
        JsonNode after = api.expect(200, "GET", push.realmPath(), null).json();
        assertThat(after.path("attributes").path(attribute).asText("")).isNotEqualTo("PHONE");
        assertThat(after.path("displayName").asText("")).isNotEqualTo("changed with the bad value");

        // A valid change: the pushed userNames follow without an admin action (the push reconciles on demand only).
        ObjectNode usernames = (ObjectNode) after.deepCopy();
        usernames.with("attributes").put(attribute, "USERNAME");
        api.expect(204, "PUT", push.realmPath(), usernames);
        await("alice pushed as her username", () -> push.scimUser("alice").isPresent() && push.scimUser("alice@example.com").isEmpty()
                && push.status().path("pending").asLong() == 0, push::status);
    }

    @Test
    void aUserIdentityCenterRefusesIsAFailureWithItsUserAndMessageAndIsNotRetriedInALoop() throws Exception {
        KeycloakPushFixture push = pushedDemo();
        AdminApi api = push.api();
        // Identity Center refuses a userName longer than 128 characters; Keycloak accepts this email.
        String email = "a".repeat(60) + "@" + "b".repeat(60) + ".example.com";
        ObjectNode user = DemoRealm.JSON.createObjectNode();
        user.put("username", "longmail").put("email", email).put("firstName", "Long").put("lastName", "Mail").put("enabled", true);
        String id = api.createUser(push.realm(), user);
        api.addUserToGroup(push.realm(), id, push.groupId("/DevOps"));
        await("the refusal recorded, nothing pending", () -> push.status().path("lastPush").path("failures").size() > 0
                && push.status().path("pending").asLong() == 0, push::status);
        JsonNode failure = push.status().path("lastPush").path("failures").get(0);
        assertThat(failure.path("keycloakId").asText()).isEqualTo(id);
        assertThat(failure.path("name").asText()).isEqualTo(email);
        assertThat(failure.path("message").asText()).as(failure.toString()).contains("userName must be at most 128");
        long creates = push.scim().requests(ScimOperation.CREATE_USER);

        // Another change goes out; the refused user is not sent again with it, nor in a loop.
        api.addUserToGroup(push.realm(), push.userId("alice"), push.groupId("/BillingAdmin"));
        await("alice in BillingAdmin, nothing pending", () -> push.member("BillingAdmin", "alice@example.com")
                && push.status().path("pending").asLong() == 0, push::status);
        assertThat(push.scim().requests(ScimOperation.CREATE_USER)).as("CreateUser requests").isEqualTo(creates);
        assertThat(push.scimUser(email)).isEmpty();
    }
}
