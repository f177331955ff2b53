package dev.kcaws.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.scim.BearerToken;
import dev.kcaws.scim.Created;
import dev.kcaws.scim.InMemoryPushLedger;
import dev.kcaws.scim.KeycloakUser;
import dev.kcaws.scim.LeavePolicy;
import dev.kcaws.scim.PushLedger;
import dev.kcaws.scim.PushResult;
import dev.kcaws.scim.ScimClient;
import dev.kcaws.scim.ScimException;
import dev.kcaws.scim.ScimFilter;
import dev.kcaws.scim.ScimGroupDocument;
import dev.kcaws.scim.ScimPush;
import dev.kcaws.scim.ScimResource;
import dev.kcaws.scim.ScimUserDocument;
import dev.kcaws.scim.SourceGroup;
import dev.kcaws.scim.UserNameSource;
import dev.kcaws.testsupport.kcscim.KeycloakScimPeer;
import dev.kcaws.testsupport.kcscim.ScimPeerRealm;
import dev.kcaws.testsupport.scimpush.InMemoryPushSource;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle's SCIM client (and push) against a SCIM server nobody here wrote: Keycloak 26.7's
 * own ({@code --features=scim-api}), in one extra Keycloak server for the whole class. Results
 * are read back through Keycloak's admin API, not through SCIM. Where Keycloak's server differs
 * from AWS's rules the test asserts what it does (see docs/identity-center-real-scim-peer.md);
 * the client keeps AWS's rules.
 */
class KeycloakScimPeerIT {

    private static KeycloakScimPeer peer;
    private static ScimPeerRealm realm;
    private static ScimClient client;

    @BeforeAll
    static void startPeer() {
        assumeTrue(KeycloakScimPeer.supportedByDistribution(), "this Keycloak has no SCIM server (26.7+ only)");
        peer = KeycloakScimPeer.start();
        realm = peer.createRealm("scim-peer-client");
        client = realm.scimClient();
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    private static ScimUserDocument user(String id, String username, String first, String last, boolean enabled) {
        return ScimUserDocument.from(new KeycloakUser(id, username, username + "@corp.example", first, last, enabled),
                UserNameSource.EMAIL);
    }

    @Test
    void serviceProviderConfigIsTheConnectionTest() {
        JsonNode config = client.serviceProviderConfig();

        assertThat(config.path("schemas").toString()).contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("filter").path("supported").asBoolean()).isTrue();

        ScimClient wrongToken = realm.scimClient(BearerToken.of("not-a-keycloak-token"));
        assertThatThrownBy(wrongToken::serviceProviderConfig)
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.tokenRefused()).isTrue();
                });
    }

    @Test
    void createsAdoptsFindsUpdatesDeactivatesAndDeletesAUser() {
        ScimUserDocument alice = user("kc-alice", "alice", "Alice", "Liddell", true);

        ScimResource created = client.createUser(alice);
        JsonNode stored = realm.user(created.id()).orElseThrow();
        assertThat(stored.path("username").asText()).isEqualTo("alice@corp.example");
        assertThat(stored.path("email").asText()).isEqualTo("alice@corp.example");
        assertThat(stored.path("firstName").asText()).isEqualTo("Alice");
        assertThat(stored.path("lastName").asText()).isEqualTo("Liddell");
        assertThat(stored.path("enabled").asBoolean()).isTrue();

        // 409 on the same userName, then adopted by ListUsers filter=userName eq
        Created again = client.createOrAdoptUser(alice);
        assertThat(again.adopted()).isTrue();
        assertThat(again.resource().id()).isEqualTo(created.id());
        assertThat(client.findUserByUserName("alice@corp.example")).get().extracting(ScimResource::id).isEqualTo(created.id());

        // PutUser: a new family name, then deactivated
        client.putUser(created.id(), user("kc-alice", "alice", "Alice", "Pleasance", true));
        assertThat(realm.user(created.id()).orElseThrow().path("lastName").asText()).isEqualTo("Pleasance");
        client.putUser(created.id(), user("kc-alice", "alice", "Alice", "Pleasance", false));
        assertThat(realm.user(created.id()).orElseThrow().path("enabled").asBoolean()).isFalse();

        // PatchUser replace active, the engine's way to deactivate or reactivate
        client.setUserActive(created.id(), true);
        assertThat(realm.user(created.id()).orElseThrow().path("enabled").asBoolean()).isTrue();

        // kept because the realm's user profile maps them (see KeycloakScimPeer)
        ScimResource read = client.getUser(created.id()).orElseThrow();
        assertThat(read.text("externalId")).isEqualTo("kc-alice");
        assertThat(read.text("displayName")).isEqualTo("Alice Pleasance");
        assertThat(client.findUserByExternalId("kc-alice")).get().extracting(ScimResource::id).isEqualTo(created.id());

        client.deleteUser(created.id());
        assertThat(realm.user(created.id())).isEmpty();
        client.deleteUser(created.id()); // already gone: 404 counts as deleted
        assertThat(client.getUser(created.id())).isEmpty();
    }

    @Test
    void userNamesAreStoredLowerCasedAndMatchedIgnoringCase() {
        ScimUserDocument mixed = ScimUserDocument.from(new KeycloakUser("kc-mixed", "mixed", "Mixed.Case@Corp.Example",
                "Mixed", "Case", true), UserNameSource.EMAIL);

        ScimResource created = client.createUser(mixed);

        // Keycloak lower-cases usernames and emails (AWS keeps the case it was sent)
        assertThat(realm.user(created.id()).orElseThrow().path("username").asText()).isEqualTo("mixed.case@corp.example");
        assertThat(client.getUser(created.id()).orElseThrow().text("userName")).isEqualTo("mixed.case@corp.example");
        assertThat(client.findUserByUserName("Mixed.Case@Corp.Example")).get().extracting(ScimResource::id).isEqualTo(created.id());
        Created again = client.createOrAdoptUser(mixed);
        assertThat(again.adopted()).isTrue();
        assertThat(again.resource().id()).isEqualTo(created.id());
    }

    @Test
    void groupMembersChangeInBatchesOfAHundredThenRenameAndDelete() {
        List<String> ids = realm.importUsers("batch-", 120);
        ScimResource group = client.createGroup(ScimGroupDocument.of("DevOps", "kc-devops"));
        assertThat(realm.group(group.id()).orElseThrow().path("name").asText()).isEqualTo("DevOps");

        Created adopted = client.createOrAdoptGroup(ScimGroupDocument.of("DevOps", "kc-devops"));
        assertThat(adopted.adopted()).isTrue();
        assertThat(adopted.resource().id()).isEqualTo(group.id());

        int addRequests = client.changeMembers(group.id(), ids, List.of());
        assertThat(addRequests).isEqualTo(2);
        assertThat(realm.memberUsernames(group.id())).hasSize(120);

        // remove 110, add none: two requests, never a replace or a remove of all
        int removeRequests = client.changeMembers(group.id(), List.of(), ids.subList(0, 110));
        assertThat(removeRequests).isEqualTo(2);
        assertThat(realm.memberUsernames(group.id()))
                .containsExactlyInAnyOrder("batch-110", "batch-111", "batch-112", "batch-113", "batch-114",
                        "batch-115", "batch-116", "batch-117", "batch-118", "batch-119");

        client.renameGroup(group.id(), "Platform Engineers");
        assertThat(realm.group(group.id()).orElseThrow().path("name").asText()).isEqualTo("Platform Engineers");
        assertThat(client.findGroupByDisplayName("Platform Engineers")).get().extracting(ScimResource::id).isEqualTo(group.id());

        client.deleteGroup(group.id());
        assertThat(realm.group(group.id())).isEmpty();
        client.deleteGroup(group.id());
    }

    @Test
    void aListingLongerThanOnePageIsReadByStartIndex() {
        realm.importUsers("page-", 60);

        // Keycloak pages by startIndex only (RFC 7644 §3.4.2.4) and ignores the cursor: the client
        // follows its index format (ScimListing) past the first 50.
        List<ScimResource> listed = client.listUsers(null);

        assertThat(listed).extracting(ScimResource::id).doesNotHaveDuplicates();
        assertThat(listed).extracting(r -> r.text("userName"))
                .containsAll(IntStream.range(0, 60).mapToObj(i -> "page-" + i).toList());
        assertThat(client.listUsers(ScimFilter.eq("userName", "page-7"))).singleElement()
                .extracting(r -> r.text("userName")).isEqualTo("page-7");
    }

    @Test
    void aReconcileOfMoreThanAPageOfUsersAndGroupsThenAnUnchangedOneSendsNoWrites() {
        ScimPeerRealm target = peer.createRealm("scim-peer-many");
        InMemoryPushSource source = new InMemoryPushSource().putGroup(new SourceGroup("g-all", "Everyone"));
        int groups = 55;
        int users = 60;
        for (int g = 0; g < groups; g++) {
            source.putGroup(new SourceGroup("g-" + g, "Team " + g));
        }
        for (int u = 0; u < users; u++) {
            source.putUser(kcUser("u-" + u, "user" + u, "User", "Number " + u)).join("g-all", "u-" + u).join("g-" + (u % groups), "u-" + u);
        }
        InMemoryPushLedger ledger = new InMemoryPushLedger();
        ScimPush push = new ScimPush(target.scimClient(), UserNameSource.EMAIL, LeavePolicy.DEACTIVATE);

        PushResult first = push.reconcile(source, ledger);

        assertThat(first.failures()).isEmpty();
        assertThat(target.usernames()).hasSize(users).contains("user0@corp.example", "user59@corp.example");
        assertThat(target.groupNames()).hasSize(groups + 1).contains("Everyone", "Team 0", "Team 54");
        assertThat(members(target, "Everyone")).hasSize(users);
        assertThat(members(target, "Team 4")).containsExactlyInAnyOrder("user4@corp.example", "user59@corp.example");

        // Lists 60 users and 56 groups (two pages each) and the 60 members of Everyone (two pages):
        // nothing differs, nothing is written.
        int writesBefore = target.scimWrites();
        PushResult unchanged = push.reconcile(source, ledger);

        assertThat(unchanged.failures()).isEmpty();
        assertThat(unchanged.created() + unchanged.updated() + unchanged.deactivated() + unchanged.deleted()).isZero();
        assertThat(target.scimWrites()).as("writes Keycloak recorded during an unchanged reconcile").isEqualTo(writesBefore);
        target.delete();
    }

    @Test
    void pushesADirectoryThenAnUnchangedReconcileSendsNoWritesThenChangesArrive() {
        ScimPeerRealm target = peer.createRealm("scim-peer-push");
        // Already in the peer before the first push: adopted by userName, not duplicated.
        String erinThere = target.admin().createUser(target.name(), KeycloakScimPeer.userJson(
                "erin@corp.example", "erin@corp.example", "Erin", "Old"));

        InMemoryPushSource source = new InMemoryPushSource()
                .putGroup(new SourceGroup("g-devops", "DevOps"))
                .putGroup(new SourceGroup("g-dev", "Developers"))
                .putGroup(new SourceGroup("g-billing", "BillingAdmin"))
                .putGroup(new SourceGroup("g-everyone", "Everyone"))
                .putUser(kcUser("u-alice", "alice", "Alice", "Liddell"))
                .putUser(kcUser("u-bob", "bob", "Bob", "Builder"))
                .putUser(kcUser("u-carol", "carol", "Carol", null))
                .putUser(kcUser("u-dave", "dave", null, "Null"))
                .putUser(kcUser("u-erin", "erin", "Erin", "Example"))
                .putUser(kcUser("u-frank", "frank", "Frank", "Outside")) // in no chosen group: out of scope
                .join("g-devops", "u-alice")
                .join("g-dev", "u-bob").join("g-dev", "u-dave")
                .join("g-billing", "u-carol");
        for (String member : List.of("u-alice", "u-bob", "u-carol", "u-dave", "u-erin")) {
            source.join("g-everyone", member);
        }
        InMemoryPushLedger ledger = new InMemoryPushLedger();
        ScimPush push = new ScimPush(target.scimClient(), UserNameSource.EMAIL, LeavePolicy.DEACTIVATE);

        PushResult first = push.reconcile(source, ledger);

        assertThat(first.failures()).isEmpty();
        assertThat(target.usernames()).containsExactlyInAnyOrder(
                "alice@corp.example", "bob@corp.example", "carol@corp.example", "dave@corp.example", "erin@corp.example");
        assertThat(target.groupNames()).containsExactlyInAnyOrder("DevOps", "Developers", "BillingAdmin", "Everyone");
        assertThat(members(target, "DevOps")).containsExactly("alice@corp.example");
        assertThat(members(target, "Developers")).containsExactlyInAnyOrder("bob@corp.example", "dave@corp.example");
        assertThat(members(target, "BillingAdmin")).containsExactly("carol@corp.example");
        assertThat(members(target, "Everyone")).containsExactlyInAnyOrder(
                "alice@corp.example", "bob@corp.example", "carol@corp.example", "dave@corp.example", "erin@corp.example");
        JsonNode erin = target.userByUsername("erin@corp.example").orElseThrow();
        assertThat(erin.path("id").asText()).isEqualTo(erinThere);
        assertThat(erin.path("lastName").asText()).isEqualTo("Example");
        assertThat(ledger.user("u-erin")).get().extracting(PushLedger.PushedUser::scimId).isEqualTo(erinThere);
        // the documented fallback for a missing name: the userName's part before @
        assertThat(target.userByUsername("carol@corp.example").orElseThrow().path("lastName").asText()).isEqualTo("carol");
        assertThat(target.userByUsername("dave@corp.example").orElseThrow().path("firstName").asText()).isEqualTo("dave");

        int writesBefore = target.scimWrites();
        PushResult unchanged = push.reconcile(source, ledger);
        assertThat(unchanged.failures()).isEmpty();
        assertThat(unchanged.created() + unchanged.updated() + unchanged.deactivated() + unchanged.deleted()).isZero();
        assertThat(target.scimWrites()).as("writes Keycloak recorded during an unchanged reconcile").isEqualTo(writesBefore);
        assertThat(writesBefore).as("the first push's writes are recorded as admin events").isPositive();

        // changes arriving one by one, as the outbox delivers them
        source.putUser(kcUser("u-alice", "alice", "Alice", "Pleasance"));
        assertThat(push.pushUser("u-alice", source, ledger).failures()).isEmpty();
        assertThat(target.userByUsername("alice@corp.example").orElseThrow().path("lastName").asText()).isEqualTo("Pleasance");

        String developers = target.groupIdByName("Developers").orElseThrow();
        source.putGroup(new SourceGroup("g-dev", "Engineers"));
        assertThat(push.pushGroup("g-dev", source, ledger).failures()).isEmpty();
        assertThat(target.group(developers).orElseThrow().path("name").asText()).isEqualTo("Engineers");

        source.leave("g-everyone", "u-bob");
        assertThat(push.pushGroup("g-everyone", source, ledger).failures()).isEmpty();
        assertThat(members(target, "Everyone")).doesNotContain("bob@corp.example").contains("alice@corp.example");

        source.putUser(kcUser("u-grace", "grace", "Grace", "Hopper")).join("g-devops", "u-grace");
        assertThat(push.pushUser("u-grace", source, ledger).failures()).isEmpty();
        assertThat(push.pushGroup("g-devops", source, ledger).failures()).isEmpty();
        assertThat(members(target, "DevOps")).containsExactlyInAnyOrder("alice@corp.example", "grace@corp.example");

        // dave leaves every chosen group: deactivated (LeavePolicy.DEACTIVATE), not deleted
        source.leave("g-dev", "u-dave").leave("g-everyone", "u-dave");
        assertThat(push.pushUser("u-dave", source, ledger).failures()).isEmpty();
        assertThat(target.userByUsername("dave@corp.example").orElseThrow().path("enabled").asBoolean()).isFalse();

        PushResult repair = push.reconcile(source, ledger);
        assertThat(repair.failures()).isEmpty();
        assertThat(members(target, "Engineers")).containsExactly("bob@corp.example");
        assertThat(members(target, "Everyone")).containsExactlyInAnyOrder(
                "alice@corp.example", "carol@corp.example", "erin@corp.example");
        assertThat(target.usernames()).doesNotContain("frank@corp.example");

        int writesAfterRepair = target.scimWrites();
        PushResult settled = push.reconcile(source, ledger);
        assertThat(settled.failures()).isEmpty();
        assertThat(target.scimWrites()).isEqualTo(writesAfterRepair);
        target.delete();
    }

    @Test
    void aMixedCaseUserNameLooksChangedToEveryReconcileBecauseKeycloakLowerCasesIt() {
        ScimPeerRealm target = peer.createRealm("scim-peer-case");
        InMemoryPushSource source = new InMemoryPushSource()
                .putGroup(new SourceGroup("g-ops", "Ops"))
                .putUser(new KeycloakUser("u-mixed", "mixed", "Mixed.Case@Corp.Example", "Mixed", "Case", true))
                .putUser(kcUser("u-lower", "lower", "Lower", "Case"))
                .join("g-ops", "u-mixed").join("g-ops", "u-lower");
        InMemoryPushLedger ledger = new InMemoryPushLedger();
        ScimPush push = new ScimPush(target.scimClient(), UserNameSource.EMAIL, LeavePolicy.DEACTIVATE);
        assertThat(push.reconcile(source, ledger).failures()).isEmpty();
        assertThat(target.usernames()).containsExactlyInAnyOrder("mixed.case@corp.example", "lower@corp.example");

        int before = target.scimWrites();
        PushResult again = push.reconcile(source, ledger);

        // The reconcile compares the userName it would send with the one held, exactly: the
        // lower-cased copy differs, so the mixed-case user is put again on every run (AWS keeps
        // the case, so there it is not). See docs/identity-center-real-scim-peer.md.
        assertThat(again.failures()).isEmpty();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isPositive();
        assertThat(target.scimWrites() - before).isEqualTo(1);
    }

    private static KeycloakUser kcUser(String id, String name, String first, String last) {
        return new KeycloakUser(id, name, name + "@corp.example", first, last, true);
    }

    private static Set<String> members(ScimPeerRealm target, String groupName) {
        return target.memberUsernames(target.groupIdByName(groupName).orElseThrow());
    }
}
