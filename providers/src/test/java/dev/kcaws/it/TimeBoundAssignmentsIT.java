package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-bound assignments on the real server: a grant works inside its window and is refused one
 * second after it ends on every path (role-pair SAML login, shortcut link, portal list, access
 * keys), even in a session signed in before; a start still to come is not held; a second,
 * permanent path keeps the access; the API shows and changes windows and refuses bad ones, as a
 * realm import does; the window goes with its mapping; the clean-up removes an ended assignment
 * once; a partial export carries the window into a realm imported from it.
 */
class TimeBoundAssignmentsIT {

    static final String REALM = "timebound";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).withAdminEvents().withSts();

    @BeforeAll
    static void users() {
        realm.createUsers("tina", "uma", "vic", "walt");
    }

    static Map<String, Object> assignment(String principalKind, String principal, String accountId, String set, String notBefore, String notAfter) {
        Map<String, Object> body = new HashMap<>(Map.of(principalKind, principal, "accountId", accountId, "permissionSet", set));
        if (notBefore != null) {
            body.put("notBefore", notBefore);
        }
        if (notAfter != null) {
            body.put("notAfter", notAfter);
        }
        return body;
    }

    static JsonNode list(String query) {
        return realm.admin().expect(200, "GET", API + "/assignments" + query, null).json();
    }

    static Page portalPage(BrowserSession browser, String user) {
        Page page = browser.get(realm.portal());
        return page.isLoginForm() ? browser.submitLogin(page, user, user) : page;
    }

    static void sleepUntil(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static Map<String, String> modelAttributes() {
        JsonNode client = realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow();
        Map<String, String> attributes = new HashMap<>();
        client.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return attributes;
    }

    @Test
    void aGrantWorksInsideItsWindowOnEveryPathAndIsRefusedASecondAfterItEnds() throws Exception {
        Instant end = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "tina", "111111111111", "Billing", null, end.toString()));

        BrowserSession browser = new BrowserSession();
        Page before = portalPage(browser, "tina");
        assertThat(PortalIT.roles(before, "111111111111")).containsExactly("Billing");
        assertThat(before.document().selectFirst(".kcaws-account[data-account-id=111111111111] .kcaws-role[data-role=Billing] .kcaws-ends")
                .attr("data-ends")).as("the portal shows when the access ends").isEqualTo(end.toString());
        assertThat(DemoRealmLoginIT.pairs(realm.aws().plain(browser, "tina").accepted())).containsExactly("111111111111/Billing");
        assertThat(DemoRealmLoginIT.pairs(realm.aws().shortcut(browser, "tina", "111111111111", "Billing", null).accepted()))
                .containsExactly("111111111111/Billing");
        Page keys = AccessKeysIT.pressAccessKeys(browser, realm.portal(), before, "111111111111", "Billing");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(Instant.now()).as("everything above ran inside the window; lengthen it if the machine is this slow").isBefore(end);

        sleepUntil(end.plusSeconds(1));
        // The same browser, still signed in: every path decides again at the moment of use.
        int stsCalls = realm.sts().requestCount();
        assertThat(realm.aws().plain(browser, "tina").refused().status()).isEqualTo(403);
        assertThat(realm.aws().shortcut(browser, "tina", "111111111111", "Billing", null).refused().status()).isEqualTo(403);
        Page after = portalPage(browser, "tina");
        assertThat(after.status()).isEqualTo(200);
        assertThat(PortalIT.accounts(after)).doesNotContain("111111111111");
        Page refusedKeys = AccessKeysIT.pressAccessKeys(browser, realm.portal(), before, "111111111111", "Billing");
        assertThat(refusedKeys.status()).as("the access-keys button of the page shown before the end").isEqualTo(403);
        assertThat(realm.sts().requestCount()).isEqualTo(stsCalls);
    }

    @Test
    void aStartStillToComeIsNotHeldYetAndIsListedWithItsWindow() {
        String start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String end = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiResponse created = realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "uma", "222222222222", "ReadOnlyAccess", start, end));
        assertThat(created.json().path("notBefore").asText()).isEqualTo(start);

        JsonNode row = list("?user=uma").get(0);
        assertThat(row.path("notBefore").asText()).isEqualTo(start);
        assertThat(row.path("notAfter").asText()).isEqualTo(end);

        BrowserSession browser = new BrowserSession();
        assertThat(PortalIT.accounts(portalPage(browser, "uma"))).isEmpty();
        assertThat(realm.aws().shortcut(browser, "uma", "222222222222", "ReadOnlyAccess", null).refused().status()).isEqualTo(403);
        assertThat(realm.aws().plain(browser, "uma").refused().status()).isEqualTo(403);
    }

    @Test
    void aSecondPermanentPathKeepsTheAccessAfterTheTimeBoundOneEnds() throws Exception {
        // bob holds 222222222222 as PowerUserAccess through /Developers; a time-bound direct grant of the same pair ends.
        Instant end = Instant.now().plusSeconds(3);
        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "bob", "222222222222", "PowerUserAccess", null, end.toString()));
        // vic holds it only through a time-bound group.
        String group = realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/groups", Map.of("name", "OnCall")).createdId();
        realm.admin().addUserToGroup(REALM, realm.admin().findUserId(REALM, "vic").orElseThrow(), group);
        realm.admin().expect(201, "POST", API + "/assignments", assignment("group", "/OnCall", "222222222222", "PowerUserAccess", null, end.toString()));
        sleepUntil(end.plusSeconds(1));

        assertThat(realm.aws().shortcut(new BrowserSession(), "bob", "222222222222", "PowerUserAccess", null).accepted().rolePairs()).hasSize(1);
        Page bobsPortal = portalPage(new BrowserSession(), "bob");
        assertThat(PortalIT.roles(bobsPortal, "222222222222")).contains("PowerUserAccess");
        assertThat(bobsPortal.document().select(".kcaws-ends")).as("nothing of bob's ends").isEmpty();
        assertThat(realm.aws().shortcut(new BrowserSession(), "vic", "222222222222", "PowerUserAccess", null).refused().status()).isEqualTo(403);
    }

    @Test
    void aRepeatedPostChangesTheWindowAndEachChangeIsAnAdminEvent() {
        String end = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "walt", "333333333333", "Billing", null, end));
        assertThat(list("?user=walt").get(0).path("notAfter").asText()).isEqualTo(end);
        assertThat(modelAttributes()).containsKey("kcaws.window.333333333333:Billing");

        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "walt", "333333333333", "Billing", null, null));
        JsonNode permanent = list("?user=walt").get(0);
        assertThat(permanent.has("notAfter")).as(permanent.toString()).isFalse();
        assertThat(modelAttributes()).doesNotContainKey("kcaws.window.333333333333:Billing");

        ApiResponse bulk = realm.admin().send("POST", API + "/assignments/bulk", Map.of("users", List.of("walt"), "accountIds", List.of("333333333333"),
                "permissionSets", List.of("Billing", "ReadOnlyAccess"), "notAfter", end));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(list("?user=walt").findValuesAsText("notAfter")).containsExactly(end, end);

        JsonNode events = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/admin-events?max=100", null).json();
        List<String> ops = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("resourcePath").asText().equals("assignments/333333333333/Billing") && e.path("representation").asText().contains("walt")) {
                ops.add(e.path("operationType").asText() + (e.path("representation").asText().contains(end) ? " with window" : ""));
            }
        });
        assertThat(ops).contains("CREATE with window", "UPDATE");
    }

    @Test
    void badWindowsAreRefusedNamingTheFieldAndChangeNothing() {
        int before = list("?max=1000").size();
        Map<String, String> attributes = modelAttributes();
        String soon = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        String later = Instant.now().plus(2, ChronoUnit.HOURS).toString();
        List<Object[]> cases = List.of(
                new Object[] {assignment("user", "dave", "111111111111", "Billing", null, "next tuesday"), "notAfter"},
                new Object[] {assignment("user", "dave", "111111111111", "Billing", "2026-12-01T10:00:00", null), "notBefore"},
                new Object[] {assignment("user", "dave", "111111111111", "Billing", later, soon), "notAfter"},
                new Object[] {assignment("user", "dave", "111111111111", "Billing", soon, soon), "notAfter"},
                new Object[] {assignment("user", "dave", "111111111111", "Billing", null, "2020-01-01T00:00:00Z"), "notAfter"});
        for (Object[] c : cases) {
            ApiResponse refused = realm.admin().send("POST", API + "/assignments", c[0]);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains((String) c[1]);
        }
        Map<String, Object> unknownKey = assignment("user", "dave", "111111111111", "Billing", null, null);
        unknownKey.put("until", later);
        ApiResponse unknown = realm.admin().send("POST", API + "/assignments", unknownKey);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("until");
        ApiResponse bulk = realm.admin().send("POST", API + "/assignments/bulk", Map.of("users", List.of("dave"), "accountIds", List.of("111111111111"),
                "permissionSets", List.of("Billing"), "notBefore", later, "notAfter", soon));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(400);
        assertThat(bulk.body()).contains("notAfter");

        assertThat(list("?max=1000").size()).isEqualTo(before);
        assertThat(modelAttributes()).isEqualTo(attributes);

        // Keycloak's own client API cannot write a window (it would skip the assignment's permissions),
        // even one naming a user the realm has.
        JsonNode client = realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow();
        String daveId = realm.admin().findUserId(REALM, "dave").orElseThrow();
        ((ObjectNode) client.path("attributes")).put("kcaws.window.111111111111:Billing", "{\"users\":{\"" + daveId + "\":{\"notAfter\":\"" + later + "\"}}}");
        ApiResponse viaKeycloak = realm.admin().send("PUT", "/admin/realms/" + REALM + "/clients/" + client.path("id").asText(), client);
        assertThat(viaKeycloak.status()).as(viaKeycloak.body()).isEqualTo(403);
        assertThat(modelAttributes()).isEqualTo(attributes);
    }

    @Test
    void aRealmImportWithABadWindowIsRefusedWhole() {
        String[][] cases = {
                {"{\"users\":{\"u\":{\"notAfter\":\"soon\"}}}", "window.users.u.notAfter"},
                {"{\"groups\":{\"g\":{\"notBefore\":\"2026-12-02T10:00:00Z\",\"notAfter\":\"2026-12-01T10:00:00Z\"}}}", "window.groups.g.notAfter"},
                {"{\"groups\":{\"g\":{\"until\":\"2026-12-01T10:00:00Z\"}}}", "window.until"},
                {"not json", "window"},
        };
        for (String[] c : cases) {
            ObjectNode broken = DemoRealm.copyNamed("timebound-bad");
            DemoRealm.modelAttributes(broken).put("kcaws.window.111111111111:Billing", c[0]);
            ApiResponse response = realm.admin().send("POST", "/admin/realms", broken);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errorMessage").asText()).contains(c[1]);
            assertThat(realm.admin().send("GET", "/admin/realms/timebound-bad", null).status()).isEqualTo(404);
        }
    }

    @Test
    void theWindowGoesWithItsMappingWhicheverApiRemovesIt() {
        String end = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        // The bundle's API.
        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "dave", "111111111111", "ReadOnlyAccess", null, end));
        assertThat(modelAttributes()).containsKey("kcaws.window.111111111111:ReadOnlyAccess");
        realm.admin().expect(204, "DELETE", API + "/assignments?user=dave&accountId=111111111111&permissionSet=ReadOnlyAccess", null);
        assertThat(modelAttributes()).doesNotContainKey("kcaws.window.111111111111:ReadOnlyAccess");

        // Keycloak's own role-mapping endpoints, for a user and for a group.
        String clientId = realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow().path("id").asText();
        JsonNode role = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + clientId + "/roles/access:333333333333:AdministratorAccess",
                null).json();
        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "dave", "333333333333", "AdministratorAccess", null, end));
        realm.admin().expect(201, "POST", API + "/assignments", assignment("group", "/Everyone", "333333333333", "AdministratorAccess", null, end));
        String dave = realm.admin().findUserId(REALM, "dave").orElseThrow();
        realm.admin().expect(204, "DELETE", "/admin/realms/" + REALM + "/users/" + dave + "/role-mappings/clients/" + clientId, List.of(role));
        assertThat(modelAttributes().get("kcaws.window.333333333333:AdministratorAccess")).doesNotContain(dave);
        String everyone = realm.admin().findGroupId(REALM, "/Everyone").orElseThrow();
        realm.admin().expect(204, "DELETE", "/admin/realms/" + REALM + "/groups/" + everyone + "/role-mappings/clients/" + clientId, List.of(role));
        assertThat(modelAttributes()).doesNotContainKey("kcaws.window.333333333333:AdministratorAccess");

        // Assigned again through Keycloak's API: permanent, no old window binds it.
        realm.admin().expect(204, "POST", "/admin/realms/" + REALM + "/users/" + dave + "/role-mappings/clients/" + clientId, List.of(role));
        assertThat(list("?user=dave&accountId=333333333333").get(0).has("notAfter")).isFalse();
    }

    @Test
    void theCleanUpRemovesAnEndedAssignmentOnceWithAnAdminEvent() throws Exception {
        Instant end = Instant.now().plusSeconds(2);
        realm.admin().expect(201, "POST", API + "/assignments", assignment("user", "erin", "333333333333", "Billing", null, end.toString()));
        sleepUntil(end);
        // The task runs every minute on every node; give it two rounds on a busy machine.
        Instant deadline = Instant.now().plusSeconds(150);
        while (list("?user=erin&accountId=333333333333&permissionSet=Billing").size() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
        }
        assertThat(list("?user=erin&accountId=333333333333&permissionSet=Billing")).isEmpty();
        assertThat(modelAttributes().getOrDefault("kcaws.window.333333333333:Billing", "")).doesNotContain(
                realm.admin().findUserId(REALM, "erin").orElseThrow());
        Thread.sleep(65_000); // one more round: nothing is removed or reported twice
        JsonNode events = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/admin-events?operationTypes=DELETE&max=100", null).json();
        List<JsonNode> removals = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("resourcePath").asText().equals("assignments/333333333333/Billing") && e.path("representation").asText().contains("\"erin\"")) {
                removals.add(e);
            }
        });
        assertThat(removals).hasSize(1);
        assertThat(removals.get(0).path("representation").asText()).contains("notAfter passed");
    }

    @Test
    void aPartialExportCarriesTheWindowIntoARealmImportedFromIt() {
        String copy = "timebound-export";
        realm.admin().createRealm(DemoRealm.copyNamed(copy));
        try {
            String end = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            realm.admin().expect(201, "POST", "/admin/realms/" + copy + "/aws/assignments",
                    assignment("group", "/Everyone", "111111111111", "Billing", null, end));
            JsonNode exported = realm.admin().expect(200, "POST", "/admin/realms/" + copy + "/partial-export?exportClients=true&exportGroupsAndRoles=true",
                    null).json();
            realm.admin().deleteRealm(copy);
            ApiResponse imported = realm.admin().send("POST", "/admin/realms", exported);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            JsonNode row = realm.admin().expect(200, "GET", "/admin/realms/" + copy + "/aws/assignments?group=/Everyone&accountId=111111111111&permissionSet=Billing",
                    null).json();
            assertThat(row.get(0).path("notAfter").asText()).isEqualTo(end);
        } finally {
            realm.admin().deleteRealm(copy);
        }
    }
}
