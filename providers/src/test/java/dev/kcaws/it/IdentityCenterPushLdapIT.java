package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.LdapProviders;
import dev.kcaws.testsupport.keycloak.OpenLdapServer;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import dev.kcaws.testsupport.scimpush.KeycloakPushFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kcaws.testsupport.scimpush.KeycloakPushFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM push of changes an LDAP user-federation sync makes, on the real Keycloak with a real
 * OpenLDAP ({@link OpenLdapServer}, Debian's slapd) and the AWS-like SCIM server: an LDAP provider
 * in import mode with a group-ldap-mapper in its default {@code READ_ONLY} mode (memberships stay
 * in LDAP), its group {@code Engineers} pushed. After the admin's "Sync changed users" a new LDAP
 * user in the group, a changed first name and email, and a membership removed in LDAP reach
 * Identity Center, with the scheduled reconcile off (interval 0: on demand only), so nothing but
 * the sync can have sent them.
 */
class IdentityCenterPushLdapIT {

    static final String TOKEN = "scim-token-for-ldap-tests";

    final List<AutoCloseable> cleanup = new ArrayList<>();
    OpenLdapServer ldap;

    @BeforeEach
    void startLdap() {
        ldap = OpenLdapServer.startOrSkip();
        cleanup.add(ldap);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void changesOfAnLdapSyncReachIdentityCenterWithoutTheScheduledReconcile() throws Exception {
        ldap.addUser("kim", "Kim", "Lee", "kim@example.com");
        ldap.addUser("max", "Max", "Muster", "max@example.com");
        ldap.addGroup("Engineers", List.of("kim", "max"));

        AdminApi api = SharedKeycloak.get().adminApi();
        String realm = "push-ldap-" + Long.toHexString(System.nanoTime() & 0xffffff);
        ObjectNode realmRep = DemoRealm.JSON.createObjectNode().put("realm", realm).put("enabled", true);
        api.createRealm(realmRep);
        cleanup.add(() -> api.deleteRealm(realm));
        AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN);
        cleanup.add(scim);
        KeycloakPushFixture push = new KeycloakPushFixture(api, realm, scim, TOKEN);

        String ldapId = addLdapProvider(api, push, ldap);
        sync(api, push, ldapId, "triggerFullSync"); // imports kim and max, creates the group Engineers
        push.configureGroupIds(scim.endpoint(), TOKEN, List.of(push.groupId("/Engineers")), "DEACTIVATE", 0);
        await("the first push: kim and max in Engineers", () -> push.member("Engineers", "kim@example.com")
                && push.member("Engineers", "max@example.com") && push.status().path("pending").asLong() == 0, push::status);
        // the first push may be followed by one more reconcile (the full sync ended in the same second): wait until it is quiet
        await("nothing pending", () -> push.status().path("pending").asLong() == 0, push::status);
        String kimScimId = push.scimUser("kim@example.com").orElseThrow().path("id").asText();

        ldap.addUser("lena", "Lena", "New", "lena@example.com");
        ldap.addMember("Engineers", "lena");
        ldap.replace(OpenLdapServer.userDn("kim"), "cn", "Kimberly"); // the first name, for Keycloak's default mapper
        ldap.replace(OpenLdapServer.userDn("kim"), "givenName", "Kimberly");
        ldap.replace(OpenLdapServer.userDn("kim"), "mail", "kim.lee@example.com");
        ldap.removeMember("Engineers", "max");
        long started = System.nanoTime();

        JsonNode result = sync(api, push, ldapId, "triggerChangedUsersSync");

        assertThat(result.path("added").asInt()).as(result.toString()).isEqualTo(1);
        Duration arrived = await("lena in Engineers, kim renamed, max out of Engineers and deactivated", () ->
                push.member("Engineers", "lena@example.com")
                        && push.scimUser("kim.lee@example.com").map(u -> u.path("name").path("givenName").asText().equals("Kimberly")
                        && u.path("id").asText().equals(kimScimId)).orElse(false)
                        && !push.member("Engineers", "max@example.com")
                        && push.scimUser("max@example.com").map(u -> !u.path("active").asBoolean()).orElse(false),
                () -> "Engineers=" + push.memberIds("Engineers") + ", kim=" + push.scimUser("kim.lee@example.com")
                        + ", max=" + push.scimUser("max@example.com") + ", status=" + push.status());
        System.out.printf("IdentityCenterPushLdapIT: the LDAP sync's changes reached the SCIM server %.1f s after the sync was asked for"
                + " (sync answered after %.1f s of it)%n", (System.nanoTime() - started) / 1e9, (System.nanoTime() - started - arrived.toNanos()) / 1e9);

        assertThat(push.member("Engineers", "kim.lee@example.com")).isTrue();
        assertThat(push.scimUser("kim@example.com")).as("kim's old userName").isEmpty();
        assertThat(scim.directory().userCount()).as("kim, max (deactivated), lena").isEqualTo(3);
        assertThat(push.status().path("lastReconcile").path("outcome").asText()).isEqualTo("OK");
    }

    /**
     * Keycloak 26.4 writes a sync's <em>start</em> as {@code lastSync}: a reconcile that started
     * while the sync ran, after that start, must not be taken for one that saw the sync. Played on
     * any version by giving a user-storage provider such a {@code lastSync} (what 26.4 leaves
     * when its sync ends): a time before the last reconcile started.
     * The membership removed in LDAP meanwhile (no sync: a READ_ONLY group mapper's memberships are
     * read from LDAP) reaches Identity Center only if a reconcile follows.
     */
    @Test
    void aSyncThatStartedBeforeTheLastReconcileAndEndedAfterItIsReconciledAgain() throws Exception {
        ldap.addUser("kim", "Kim", "Lee", "kim@example.com");
        ldap.addUser("max", "Max", "Muster", "max@example.com");
        ldap.addGroup("Engineers", List.of("kim", "max"));

        AdminApi api = SharedKeycloak.get().adminApi();
        String realm = "push-ldap-" + Long.toHexString(System.nanoTime() & 0xffffff);
        api.createRealm(DemoRealm.JSON.createObjectNode().put("realm", realm).put("enabled", true));
        cleanup.add(() -> api.deleteRealm(realm));
        AwsLikeScimServer scim = AwsLikeScimServer.start(TOKEN);
        cleanup.add(scim);
        KeycloakPushFixture push = new KeycloakPushFixture(api, realm, scim, TOKEN);
        String ldapId = addLdapProvider(api, push, ldap);
        sync(api, push, ldapId, "triggerFullSync");
        push.configureGroupIds(scim.endpoint(), TOKEN, List.of(push.groupId("/Engineers")), "DEACTIVATE", 0);
        await("the first push: kim and max in Engineers", () -> push.member("Engineers", "max@example.com")
                && push.status().path("pending").asLong() == 0, push::status);
        Thread.sleep(3_000); // the reconcile below starts at least 3 s after the full sync's lastSync
        String before = push.status().path("lastReconcile").path("startedAt").asText();
        ApiResponse syncNow = push.sync();
        assertThat(syncNow.status()).as(syncNow.body()).isIn(200, 202);
        await("the admin's sync now", () -> !push.status().path("lastReconcile").path("startedAt").asText().equals(before)
                && push.status().path("pending").asLong() == 0, push::status);
        long reconcileStart = java.time.Instant.parse(push.status().path("lastReconcile").path("startedAt").asText()).toEpochMilli();

        ldap.removeMember("Engineers", "max");
        // The admin API keeps lastSync out of a provider's update, but takes it in a new provider's
        // config: a second (disabled) provider whose last sync is written as a time before the last
        // reconcile started, as 26.4 leaves it when a sync that started then ends.
        String startedBefore = Long.toString(reconcileStart / 1000 - 1);
        ObjectNode second = (ObjectNode) api.expect(200, "GET", push.realmPath() + "/components/" + ldapId, null).json();
        second.remove("id");
        second.put("name", "ldap-second");
        ObjectNode config = (ObjectNode) second.path("config");
        put(config, "enabled", "false");
        put(config, "bindCredential", OpenLdapServer.ADMIN_PASSWORD);
        put(config, "lastSync", startedBefore); // 26.4's key
        put(config, "lastSync_CHANGED", startedBefore); // 26.7's, per sync mode
        api.expect(201, "POST", push.realmPath() + "/components", second);

        // A reconcile records its run when it ends, after its SCIM writes: max can be out of Engineers a
        // moment before its run is in the status, so both are awaited.
        await("a reconcile after the sync: max out of Engineers, by a reconcile that started after the last one",
                () -> !push.member("Engineers", "max@example.com")
                        && java.time.Instant.parse(push.status().path("lastReconcile").path("startedAt").asText()).toEpochMilli() > reconcileStart,
                () -> "Engineers=" + push.memberIds("Engineers") + ", status=" + push.status());
    }

    /** An LDAP provider in import mode (READ_ONLY edit mode, no periodic sync) and a group mapper in its default READ_ONLY mode. */
    static String addLdapProvider(AdminApi api, KeycloakPushFixture push, OpenLdapServer ldap) {
        return LdapProviders.addWithReadOnlyGroups(api, push.realm(), "ldap", ldap, "READ_ONLY");
    }

    /** The console's sync buttons: {@code POST /user-storage/{id}/sync?action=…}; the SynchronizationResult. */
    static JsonNode sync(AdminApi api, KeycloakPushFixture push, String ldapId, String action) {
        ApiResponse answer = api.post(push.realmPath() + "/user-storage/" + ldapId + "/sync?action=" + action, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void put(ObjectNode config, String key, String value) {
        config.putArray(key).add(value);
    }
}
