package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.RealmAdmins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access review on the real server, against the demo realm: every row and its why (each demo
 * group's grants to its members, computed from the shipped realm file), plus a direct grant with a
 * window, a grant inherited by a sub-group's member and one through a composite role; JSON and CSV,
 * one account and all; the refusals. And the AWS sign-ins as events carrying the pair: a plain
 * login, a shortcut, the portal's access keys (issued and refused).
 */
class AccessReviewIT {

    static final String REALM = "access-review";
    static final String API = "/admin/realms/" + REALM + "/aws";
    static final String END = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).withEvents().withSts();

    @BeforeAll
    static void grantsOfEveryKind() {
        AdminApi admin = realm.admin();
        // A direct, time-bound grant.
        admin.expect(201, "POST", API + "/assignments", Map.of("user", "erin", "accountId", "111111111111", "permissionSet", "Billing",
                "notAfter", END));
        // A sub-group's member inherits the parent group's grants.
        String developers = realm.groupId("/Developers");
        String backend = admin.expect(201, "POST", "/admin/realms/" + REALM + "/groups/" + developers + "/children",
                Map.of("name", "Backend")).createdId();
        String zoe = admin.createUser(REALM, "zoe", "zoe");
        admin.addUserToGroup(REALM, zoe, backend);
        // A composite realm role that contains an access role, mapped to a user.
        admin.expect(201, "POST", "/admin/realms/" + REALM + "/roles", Map.of("name", "finance-auditor"));
        String awsAccess = admin.findClientByClientId(REALM, "aws-access").orElseThrow().path("id").asText();
        JsonNode billing = admin.expect(200, "GET", "/admin/realms/" + REALM + "/clients/" + awsAccess + "/roles/access:111111111111:Billing",
                null).json();
        admin.expect(204, "POST", "/admin/realms/" + REALM + "/roles/finance-auditor/composites", List.of(billing));
        JsonNode auditor = admin.expect(200, "GET", "/admin/realms/" + REALM + "/roles/finance-auditor", null).json();
        admin.expect(204, "POST", "/admin/realms/" + REALM + "/users/" + realm.userId("dave") + "/role-mappings/realm", List.of(auditor));
    }

    /** The rows the demo realm's file says: each group's access roles, for each of its members. */
    static List<String> demoRows() throws Exception {
        JsonNode demo = DemoRealm.JSON.readTree(DemoRealm.file().toFile());
        List<String> rows = new ArrayList<>();
        for (JsonNode user : demo.path("users")) {
            for (JsonNode groupPath : user.path("groups")) {
                for (JsonNode group : demo.path("groups")) {
                    if (("/" + group.path("name").asText()).equals(groupPath.asText())) {
                        group.path("clientRoles").path("aws-access").forEach(role -> rows.add(
                                row(user.path("username").asText(), role.asText().substring("access:".length()), "group", groupPath.asText(),
                                        "", "", "", true)));
                    }
                }
            }
        }
        return rows;
    }

    static String row(String user, String pair, String via, String group, String memberOf, String composite, String notAfter, boolean held) {
        return String.join(" ", user, pair, via, "group=" + group, "memberOf=" + memberOf, "composite=" + composite, "notAfter=" + notAfter,
                "held=" + held);
    }

    static List<String> rows(JsonNode review) {
        List<String> rows = new ArrayList<>();
        review.path("rows").forEach(r -> rows.add(row(r.path("user").asText(), r.path("accountId").asText() + ":" + r.path("permissionSet").asText(),
                r.path("via").asText(), r.path("group").asText(), r.path("memberOf").asText(), r.path("compositeRole").asText(),
                r.path("notAfter").asText(), r.path("heldNow").asBoolean())));
        return rows;
    }

    static List<String> expectedRows() throws Exception {
        List<String> expected = new ArrayList<>(demoRows());
        expected.add(row("erin", "111111111111:Billing", "user", "", "", "", END, true));
        expected.add(row("dave", "111111111111:Billing", "user", "", "", "finance-auditor", "", true));
        for (String pair : List.of("222222222222:PowerUserAccess", "333333333333:PowerUserAccess", "111111111111:ReadOnlyAccess")) {
            expected.add(row("zoe", pair, "group", "/Developers", "/Developers/Backend", "", "", true));
        }
        return expected;
    }

    @Test
    void everyRowOfTheWholeRealmWithItsWhy() throws Exception {
        JsonNode review = realm.admin().expect(200, "GET", API + "/access-review", null).json();
        assertThat(review.path("realm").asText()).isEqualTo(REALM);
        assertThat(rows(review)).containsExactlyInAnyOrderElementsOf(expectedRows());
        JsonNode first = review.path("rows").get(0);
        assertThat(first.path("accountId").asText()).as("sorted by account first").isEqualTo("111111111111");
        assertThat(first.path("accountName").asText()).isNotEmpty();
    }

    @Test
    void oneAccountAndOnePermissionSet() throws Exception {
        List<String> billing = expectedRows().stream().filter(r -> r.contains(" 111111111111:Billing ")).toList();
        assertThat(rows(realm.admin().expect(200, "GET", API + "/access-review?account=111111111111&permissionSet=Billing", null).json()))
                .containsExactlyInAnyOrderElementsOf(billing);
        List<String> account = expectedRows().stream().filter(r -> r.contains(" 333333333333:")).toList();
        assertThat(rows(realm.admin().expect(200, "GET", API + "/access-review?account=333333333333", null).json()))
                .containsExactlyInAnyOrderElementsOf(account);
    }

    @Test
    void csvHasAHeaderAndTheSameRowsByFormatOrAccept() throws Exception {
        int jsonRows = realm.admin().expect(200, "GET", API + "/access-review?account=222222222222", null).json().path("rows").size();
        ApiResponse byFormat = realm.admin().expect(200, "GET", API + "/access-review?account=222222222222&format=csv", null);
        assertThat(byFormat.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(byFormat.header("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        String[] lines = byFormat.body().split("\r\n");
        assertThat(lines[0]).startsWith("\"user\",\"userEnabled\",\"accountId\",\"accountName\",\"permissionSet\",\"via\",\"group\"");
        assertThat(lines).hasSize(jsonRows + 1);
        assertThat(byFormat.body()).contains("\"zoe\",\"true\",\"222222222222\"")
                .contains("\"group\",\"/Developers\",\"/Developers/Backend\"");

        HttpResponse<String> byAccept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realm.admin().baseUrl() + API + "/access-review?account=222222222222"))
                .header("Authorization", "Bearer " + realm.admin().token()).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byAccept.statusCode()).isEqualTo(200);
        assertThat(byAccept.body()).isEqualTo(byFormat.body());
    }

    @Test
    void refusals() {
        assertBadRequest(realm.admin().send("GET", API + "/access-review?account=12345", null), "account");
        assertBadRequest(realm.admin().send("GET", API + "/access-review?permissionSet=bad%20name", null), "permissionSet");
        assertBadRequest(realm.admin().send("GET", API + "/access-review?format=xml", null), "format");
        assertThat(realm.admin().send("GET", API + "/access-review?account=999999999999", null).status()).isEqualTo(404);
        assertThat(realm.admin().send("GET", API + "/access-review?permissionSet=NoSuchSet", null).status()).isEqualTo(404);

        AdminApi userManager = RealmAdmins.create(realm.server(), REALM, "review-user-manager", "manage-users");
        AdminApi viewer = RealmAdmins.create(realm.server(), REALM, "review-viewer", "view-realm");
        AdminApi userViewer = RealmAdmins.create(realm.server(), REALM, "review-user-viewer", "view-realm", "view-users");
        assertThat(userManager.send("GET", API + "/access-review", null).status()).as("without view-realm").isEqualTo(403);
        assertThat(viewer.expect(200, "GET", API + "/access-review", null).json().path("rows")).as("view-realm alone sees no user").isEmpty();
        assertThat(viewer.expect(200, "GET", API + "/access-review?format=csv", null).body().split("\r\n")).hasSize(1);
        assertThat(userViewer.expect(200, "GET", API + "/access-review", null).json().path("rows").size())
                .isEqualTo(realm.admin().expect(200, "GET", API + "/access-review", null).json().path("rows").size());
    }

    /**
     * {@code ?user=} is a username as Keycloak looks it up (case-insensitively): an unknown one is a
     * 404 naming {@code user}, not an empty review; the rows are the found user's, by ID.
     */
    @Test
    void theUserFilterFindsTheUserOrSaysItIsUnknown() {
        ApiResponse unknown = realm.admin().send("GET", API + "/access-review?user=no-such-user", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().path("field").asText()).isEqualTo("user");
        assertThat(unknown.json().path("messageKey").asText()).isEqualTo("kcawsRuleUnknownUser");
        assertThat(unknown.json().path("errorMessage").asText()).contains("no-such-user");
        assertThat(realm.admin().send("GET", API + "/access-review?user=no-such-user&format=csv", null).status()).isEqualTo(404);

        JsonNode bob = realm.admin().expect(200, "GET", API + "/access-review?user=bob", null).json().path("rows");
        assertThat(bob).isNotEmpty().allSatisfy(r -> assertThat(r.path("user").asText()).isEqualTo("bob"));
        JsonNode upper = realm.admin().expect(200, "GET", API + "/access-review?user=BOB", null).json().path("rows");
        assertThat(upper).isEqualTo(bob);
    }

    static void assertBadRequest(ApiResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).isEqualTo(field);
    }

    /**
     * A group an identity provider's mapper keeps: the rows of a member linked to that provider say
     * so; a member added by hand (not linked) does not.
     */
    @Test
    void aGroupAnIdentityProviderKeepsIsNamedForItsLinkedMembers() {
        String realmApi = "/admin/realms/" + REALM;
        realm.admin().expect(201, "POST", realmApi + "/identity-provider/instances", Map.of("alias", "corp-idp", "providerId", "oidc",
                "config", Map.of("clientId", "kc", "clientSecret", "secret", "authorizationUrl", "https://idp.example/auth",
                        "tokenUrl", "https://idp.example/token")));
        realm.admin().expect(201, "POST", realmApi + "/identity-provider/instances/corp-idp/mappers", Map.of("name", "billing group",
                "identityProviderAlias", "corp-idp", "identityProviderMapper", "oidc-hardcoded-group-idp-mapper",
                "config", Map.of("group", "/BillingAdmin", "syncMode", "INHERIT")));
        String carol = realm.admin().findUserId(REALM, "carol").orElseThrow();
        realm.admin().expect(204, "POST", realmApi + "/users/" + carol + "/federated-identity/corp-idp",
                Map.of("identityProvider", "corp-idp", "userId", "carol-at-idp", "userName", "carol"));
        try {
            JsonNode rows = realm.admin().expect(200, "GET", API + "/access-review?permissionSet=Billing", null).json().path("rows");
            List<String> managed = new ArrayList<>();
            rows.forEach(r -> managed.add(r.path("user").asText() + " " + r.path("group").asText() + " " + r.path("managedBy").asText()));
            assertThat(managed).contains("carol /BillingAdmin idp:corp-idp").contains("erin  ").contains("dave  ");
        } finally {
            realm.admin().expect(204, "DELETE", realmApi + "/identity-provider/instances/corp-idp", null);
        }
    }

    // ---- events carrying the pair ----

    static JsonNode lastEvent(String username, String type) {
        String user = realm.admin().findUserId(REALM, username).orElseThrow();
        for (JsonNode event : realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/events?user=" + user + "&type=" + type, null).json()) {
            return event; // newest first
        }
        throw new AssertionError("no " + type + " event of " + username);
    }

    @Test
    void aPlainLoginsEventNamesTheConsoleAndTheRolesOffered() {
        realm.aws().plain(new BrowserSession(), "bob").accepted();
        JsonNode details = lastEvent("bob", "LOGIN").path("details");
        assertThat(details.path("aws_channel").asText()).isEqualTo("console");
        assertThat(List.of(details.path("aws_roles").asText().split(","))).containsExactlyInAnyOrder(
                "222222222222:PowerUserAccess", "333333333333:PowerUserAccess", "111111111111:ReadOnlyAccess", "333333333333:ReadOnlyAccess");
        assertThat(details.path("aws_role_count").asText()).isEqualTo("4");
    }

    @Test
    void aShortcutsLoginEventNamesItsPair() {
        realm.aws().shortcut(new BrowserSession(), "carol", "111111111111", "Billing", null).accepted();
        JsonNode details = lastEvent("carol", "LOGIN").path("details");
        assertThat(details.path("aws_channel").asText()).isEqualTo("shortcut");
        assertThat(details.path("aws_account").asText()).isEqualTo("111111111111");
        assertThat(details.path("permission_set").asText()).isEqualTo("Billing");
        assertThat(details.has("aws_roles")).isFalse();
    }

    @Test
    void accessKeysAreATokenExchangeEventWithThePairIssuedOrRefused() {
        BrowserSession browser = new BrowserSession();
        String portal = realm.portal();
        Page page = browser.get(portal);
        page = page.isLoginForm() ? browser.submitLogin(page, "alice", "alice") : page;
        Page keys = AccessKeysIT.pressAccessKeys(browser, portal, page, "222222222222", "AdministratorAccess");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        JsonNode issued = lastEvent("alice", "TOKEN_EXCHANGE");
        assertThat(issued.path("details").path("aws_channel").asText()).isEqualTo("access_keys");
        assertThat(issued.path("details").path("aws_account").asText()).isEqualTo("222222222222");
        assertThat(issued.path("details").path("permission_set").asText()).isEqualTo("AdministratorAccess");
        assertThat(issued.path("clientId").asText()).isEqualTo("aws-portal");
        assertThat(issued.toString()).as("no credentials in the event").doesNotContain("ASIA");

        String csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");
        Page refused = browser.post(portal + "credentials", Map.of("csrf", csrf, "access", "111111111111:Billing"));
        assertThat(refused.status()).isEqualTo(403);
        JsonNode denied = lastEvent("alice", "TOKEN_EXCHANGE_ERROR");
        assertThat(denied.path("error").asText()).isEqualTo("access_denied");
        assertThat(denied.path("details").path("aws_channel").asText()).isEqualTo("access_keys");
        assertThat(denied.path("details").path("aws_account").asText()).isEqualTo("111111111111");
        assertThat(denied.path("details").path("permission_set").asText()).isEqualTo("Billing");
    }
}
