package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.keycloak.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS admin page in a real browser, signed in as a master-realm administrator: a realm with no
 * AWS set-up at all is given accounts, permission sets, assignments from each side, the AWS client
 * and the IAM code, and every step is checked through the admin REST API. Bad input shows the API's
 * message on the field it names and changes nothing; a view-only admin can read but not change.
 */
class AdminPageBrowserIT extends ChromiumAgainstFakeAws {

    static final String MANAGED = "console-check";
    static final String API = "/admin/realms/" + MANAGED + "/aws";
    static final String VIEWER = "aws-viewer";
    static AdminApi admin;

    /** The admin page tests' realm: two groups (one with a sub-group) and one user, no AWS model yet. */
    static String realmJson(String name) {
        return """
                {"realm": "%s", "enabled": true,
                 "groups": [{"name": "Developers"}, {"name": "Platform", "subGroups": [{"name": "SRE"}]}],
                 "users": [{"username": "dora", "enabled": true, "email": "dora@example.com", "firstName": "Dora", "lastName": "Dev"}]}
                """.formatted(name);
    }

    @BeforeAll
    static void realm() {
        admin = server.adminApi();
        admin.createRealm(realmJson(MANAGED));
        // A master-realm admin who may only view this realm.
        String viewer = admin.createUser("master", VIEWER, VIEWER);
        String realmClient = admin.findClientByClientId("master", MANAGED + "-realm").orElseThrow().path("id").asText();
        JsonNode viewRealm = admin.expect(200, "GET", "/admin/realms/master/clients/" + realmClient + "/roles/view-realm", null).json();
        admin.expect(204, "POST", "/admin/realms/master/users/" + viewer + "/role-mappings/clients/" + realmClient, List.of(viewRealm));
    }

    @AfterAll
    static void cleanUp() {
        admin.deleteRealm(MANAGED);
        admin.findUserId("master", VIEWER).ifPresent(id -> admin.expect(204, "DELETE", "/admin/realms/master/users/" + id, null));
    }

    AdminPage signIn(String view, String username, String password) {
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, view));
        new KeycloakLoginPage(browser).signIn(username, password);
        AdminPage page = new AdminPage(browser).awaitShown();
        assertThat(page.signedInUser()).isEqualTo(username);
        assertThat(page.selectedRealm()).isEqualTo(MANAGED);
        printSignInFigures();
        return page;
    }

    /** What the page ran to sign in: its modules and Keycloak's own adapter, and nothing else. */
    @SuppressWarnings("unchecked")
    List<String> scriptsLoaded() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.endsWith('.js'))");
    }

    /**
     * Whether a script the page did not ship could run: one inserted inline, as an injected
     * string would be. The page's Content-Security-Policy must refuse it.
     */
    boolean inlineScriptRuns() {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.kcawsInlineRan = true;';
                document.head.append(s);
                return window.kcawsInlineRan === true;
                """));
    }

    /**
     * Figures, not assertions: what the page loaded after coming back from the sign-in (script
     * bytes over the wire and decoded) and how long from that navigation to its first view.
     */
    void printSignInFigures() {
        Object figures = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const r = performance.getEntriesByType('resource');
                const js = r.filter(e => e.name.endsWith('.js'));
                const sum = (l, f) => l.reduce((a, e) => a + e[f], 0);
                return `scripts=${js.length} transfer=${sum(js, 'transferSize')} B decoded=${sum(js, 'decodedBodySize')} B `
                    + `firstView=${Math.round(Math.max(...r.map(e => e.responseEnd)))} ms requests=${r.length}`;
                """);
        System.out.println("[figures] admin page after sign-in: " + figures);
    }

    static JsonNode get(String path) {
        return admin.expect(200, "GET", API + path, null).json();
    }

    /**
     * The page signs in with Keycloak's own adapter (keycloak-js, vendored) loaded as ES modules, runs
     * no session iframe, keeps no sign-in state behind, and refuses scripts it did not ship.
     */
    @Test
    void thePageSignsInWithKeycloakJsAndRunsOnlyItsOwnModules() {
        AdminPage page = signIn("accounts", "admin", "admin");
        assertThat(scriptsLoaded()).anyMatch(p -> p.endsWith("/kcaws/admin/main.js"))
                .anyMatch(p -> p.endsWith("/kcaws/admin/vendor/keycloak-js/keycloak.js"))
                .anyMatch(p -> p.endsWith("/kcaws/admin/views/accounts.js"))
                .allMatch(p -> p.contains("/kcaws/admin/"));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return document.querySelectorAll('iframe').length")).as("no session iframe").isEqualTo(0L);
        assertThat(js.executeScript("return Object.keys(localStorage).concat(Object.keys(sessionStorage)).join(',')"))
                .as("no sign-in state (PKCE verifier, route) left in storage").isEqualTo("");
        assertThat(js.executeScript("return location.search + location.hash")).as("no code or state left in the address")
                .isEqualTo("#/" + MANAGED + "/accounts");
        assertThat(inlineScriptRuns()).as("an inline script under the page's Content-Security-Policy").isFalse();
        assertThat(page.title()).isEqualTo("AWS accounts");
    }

    /**
     * An administrator whose language is Korean (the realm offers it) sees every text of the page in
     * Korean: the template's and the ones the modules build, from the same message bundles. The
     * realm uses Keycloak's own classic login theme and the page's client forces none, so the page
     * is rendered in the realm's theme from the bundle's theme resources.
     */
    @Test
    void aKoreanAdministratorSeesThePageInKorean() {
        String realm = "korean-admins";
        admin.createRealm("""
                {"realm": "%s", "enabled": true, "loginTheme": "keycloak", "internationalizationEnabled": true,
                 "supportedLocales": ["en", "ko"], "defaultLocale": "en",
                 "users": [{"username": "jimin", "enabled": true, "email": "jimin@example.com", "firstName": "Jimin", "lastName": "Park",
                            "attributes": {"locale": ["ko"]},
                            "credentials": [{"type": "password", "value": "jimin", "temporary": false}],
                            "clientRoles": {"realm-management": ["manage-realm", "view-realm", "view-clients"]}}]}
                """.formatted(realm));
        try {
            admin.expect(201, "POST", "/admin/realms/" + realm + "/aws/clients", Map.of());
            JsonNode pageClient = admin.findClientByClientId(realm, "aws-admin-console").orElseThrow();
            ((com.fasterxml.jackson.databind.node.ObjectNode) pageClient.path("attributes")).put("login_theme", "");
            admin.expect(204, "PUT", "/admin/realms/" + realm + "/clients/" + pageClient.path("id").asText(), pageClient);
            admin.expect(201, "POST", "/admin/realms/" + realm + "/aws/accounts", Map.of("id", "121212121212", "name", "서울 <b>팀</b>"));
            browser.open(AdminPage.url(server.baseUrl(), realm, realm, "accounts"));
            new KeycloakLoginPage(browser).signIn("jimin", "jimin");
            AdminPage page = new AdminPage(browser).awaitShown();
            assertThat(page.signedInUser()).isEqualTo("jimin");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
            assertThat(scriptsLoaded()).as("in the realm's theme").anyMatch(p -> p.endsWith("/login/keycloak/kcaws/admin/main.js"));
            assertThat(page.title()).isEqualTo("AWS 계정");
            assertThat(browser.driver().findElements(By.cssSelector("#kcaws-nav a"))).extracting(WebElement::getText)
                    .containsExactly("AWS 계정", "권한 세트", "그룹 및 사용자", "AWS 클라이언트 및 IAM 코드", "IAM Identity Center");
            assertThat(browser.driver().findElement(By.id("kcaws-admin-signout")).getText()).isEqualTo("로그아웃");
            WebElement accountRow = page.row("account-row", "data-id", "121212121212");
            assertThat(accountRow.getText()).contains("서울 <b>팀</b>").contains("편집").contains("삭제");
            assertThat(browser.driver().findElements(By.cssSelector("table[data-testid='accounts'] th"))).extracting(WebElement::getText)
                    .startsWith("계정 ID", "이름", "파티션");
            page.click("add-account");
            assertThat(page.form("account-form").getText()).contains("숫자 12자리").contains("계정 추가").contains("취소").doesNotContain("kcawsAdmin");
            page.fill("account-form", "id", "343434343434").fill("account-form", "name", "부산").submit("account-form", "save");
            assertThat(page.successAlert()).isEqualTo("AWS 계정 343434343434 (부산)을(를) 추가했습니다.");
            page.navigate("setup");
            assertThat(page.title()).isEqualTo("AWS 클라이언트 및 IAM 코드");
            assertThat(browser.driver().findElement(By.cssSelector("[data-testid='download-terraform']")).getText()).isEqualTo("Terraform 구성");
            assertThat(browser.driver().findElement(By.id("kcaws-view")).getText()).doesNotContain("kcawsAdmin");
        } finally {
            admin.deleteRealm(realm);
        }
    }

    /**
     * A Korean administrator's refused permission set: the rule's Korean text (from the API's message
     * key and values) under the field it concerns, named by the field's label rather than the API's
     * field path, tied to the input with aria-describedby and aria-invalid, and the focus on it.
     */
    @Test
    void aKoreanAdministratorSeesARefusedFieldInKoreanUnderItsLabel() {
        String realm = "korean-errors";
        admin.createRealm("""
                {"realm": "%s", "enabled": true, "internationalizationEnabled": true,
                 "supportedLocales": ["en", "ko"], "defaultLocale": "en",
                 "users": [{"username": "minho", "enabled": true, "email": "minho@example.com", "firstName": "Minho", "lastName": "Kim",
                            "attributes": {"locale": ["ko"]},
                            "credentials": [{"type": "password", "value": "minho", "temporary": false}],
                            "clientRoles": {"realm-management": ["manage-realm", "view-realm", "view-clients"]}}]}
                """.formatted(realm));
        try {
            admin.expect(201, "POST", "/admin/realms/" + realm + "/aws/clients", Map.of());
            browser.open(AdminPage.url(server.baseUrl(), realm, realm, "permission-sets"));
            new KeycloakLoginPage(browser).signIn("minho", "minho");
            AdminPage page = new AdminPage(browser).awaitShown();
            assertThat(page.title()).isEqualTo("권한 세트");
            page.click("add-permission-set");
            page.fill("permission-set-form", "name", "Admin").choose("permission-set-form", "sessionDuration", "custom")
                    .fill("permission-set-form", "sessionDurationHours", "0").fill("permission-set-form", "sessionDurationMinutes", "1")
                    .submit("permission-set-form", "save");

            String korean = "900~43200초(15분~12시간)여야 합니다. 입력값: 60";
            WebElement form = page.form("permission-set-form");
            WebElement duration = form.findElement(By.name("sessionDuration"));
            assertThat(duration.getAttribute("aria-invalid")).isEqualTo("true");
            String describedBy = duration.getAttribute("aria-describedby");
            assertThat(describedBy).as("aria-describedby").isNotBlank();
            WebElement error = browser.driver().findElement(By.id(describedBy.substring(describedBy.lastIndexOf(' ') + 1)));
            assertThat(error.getText()).isEqualTo(korean);
            WebElement group = duration.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' pf-v5-c-form__group ')][1]"));
            assertThat(group.findElement(By.cssSelector("label[for='" + duration.getAttribute("id") + "']")).getText()).isEqualTo("세션 시간");
            assertThat(group.getText()).as("under its own input").contains(korean);
            assertThat(browser.driver().switchTo().activeElement()).as("focus on the first invalid field").isEqualTo(duration);
            assertThat(page.formError()).contains("세션 시간: " + korean).doesNotContain("permissionSet.").doesNotContain("must be");
            assertThat(page.invalidField("permission-set-form")).isEqualTo("permissionSet.sessionDuration");
            assertThat(admin.expect(200, "GET", "/admin/realms/" + realm + "/aws/permission-sets", null).json()).isEmpty();

            // Corrected, the error and its ties are gone and the set is stored.
            page.choose("permission-set-form", "sessionDuration", "3600").submit("permission-set-form", "save");
            assertThat(page.successAlert()).contains("Admin");
            assertThat(admin.expect(200, "GET", "/admin/realms/" + realm + "/aws/permission-sets/Admin", null).json()
                    .path("sessionDuration").asInt()).isEqualTo(3600);
        } finally {
            admin.deleteRealm(realm);
        }
    }

    @Test
    void anAdminSetsUpAwsAccessForARealmFromNothing() throws IOException {
        AdminPage page = signIn("accounts", "admin", "admin");
        assertThat(page.title()).isEqualTo("AWS accounts");
        assertThat(page.rows("accounts-empty")).hasSize(1);

        // A bad account ID: the API's rule on the field it names; nothing stored.
        page.click("add-account");
        page.fill("account-form", "id", "12345").fill("account-form", "name", "Sandbox").submit("account-form", "save");
        assertThat(page.formError()).contains("Account ID: must be exactly 12 digits").doesNotContain("accountId");
        assertThat(page.invalidField("account-form")).isEqualTo("accountId");
        assertThat(get("/accounts")).isEmpty();

        // The same form, corrected; a name with markup is shown as text.
        String markupName = "Sandbox <img src=x onerror=\"document.title='pwned'\">";
        page.fill("account-form", "id", "123456789012").fill("account-form", "name", markupName).submit("account-form", "save");
        assertThat(page.successAlert()).contains("123456789012");
        WebElement accountRow = page.row("account-row", "data-id", "123456789012");
        assertThat(accountRow.getText()).contains(markupName);
        assertThat(accountRow.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        page.clickAndEdit(accountRow);
        assertThat(page.form("account-form").findElement(By.name("id")).getAttribute("readonly")).isNotNull();
        page.fill("account-form", "name", "Sandbox").submit("account-form", "save");
        assertThat(page.successAlert()).contains("saved");
        assertThat(get("/accounts/123456789012").path("name").asText()).isEqualTo("Sandbox");
        page.click("add-account");
        page.fill("account-form", "id", "210987654321").fill("account-form", "name", "Production")
                .choose("account-form", "partition", "aws").fill("account-form", "region", "eu-west-1").submit("account-form", "save");
        assertThat(get("/accounts").findValuesAsText("id")).containsExactlyInAnyOrder("123456789012", "210987654321");
        assertThat(get("/accounts/210987654321").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(page.search("search-accounts", "prod", "account-row")).containsExactly("210987654321");
        assertThat(page.search("search-accounts", "2109876", "account-row")).containsExactly("210987654321");
        assertThat(page.search("search-accounts", "", "account-row")).hasSize(2);

        // Permission sets: an invalid inline policy is refused on its field, a valid set is stored whole.
        page.navigate("permission-sets");
        page.click("add-permission-set");
        page.fill("permission-set-form", "name", "ReadOnly").fill("permission-set-form", "inlinePolicy", "{\"Statement\": ")
                .submit("permission-set-form", "save");
        assertThat(page.invalidField("permission-set-form")).isEqualTo("permissionSet.inlinePolicy");
        assertThat(get("/permission-sets")).isEmpty();
        page.fill("permission-set-form", "inlinePolicy", "")
                .fill("permission-set-form", "description", "Look, don't touch")
                .choose("permission-set-form", "sessionDuration", "7200")
                .fill("permission-set-form", "managedPolicies", "arn:aws:iam::aws:policy/ReadOnlyAccess")
                .submit("permission-set-form", "save");
        assertThat(page.successAlert()).contains("ReadOnly");
        JsonNode set = get("/permission-sets/ReadOnly");
        assertThat(set.path("sessionDuration").asInt()).isEqualTo(7200);
        assertThat(set.path("managedPolicies").get(0).asText()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
        page.click("add-permission-set");
        page.fill("permission-set-form", "name", "Admin").choose("permission-set-form", "sessionDuration", "3600")
                .fill("permission-set-form", "managedPolicies", "arn:aws:iam::aws:policy/AdministratorAccess")
                .submit("permission-set-form", "save");

        // From a group's side: one call assigns two accounts × one set.
        page.navigate("principals");
        page.choose("principal-form", "principalKind", "group").fill("principal-form", "principal", "/Developers")
                .submit("principal-form", "open-principal");
        assertThat(page.title()).isEqualTo("Group /Developers");
        assertThat(page.filterPick("assign-form", "accountIds", "prod")).containsExactly("Production (210987654321)");
        assertThat(page.filterPick("assign-form", "accountIds", "")).hasSize(2);
        page.pick("assign-form", "accountIds", "123456789012", "210987654321").pick("assign-form", "permissionSets", "ReadOnly")
                .submit("assign-form", "assign");
        assertThat(page.successAlert()).contains("2 assignment(s) added");
        assertThat(page.rows("assignment-row")).hasSize(2);
        assertThat(get("/assignments?group=/Developers").findValuesAsText("accountId")).containsExactly("123456789012", "210987654321");
        assertThat(page.row("assignment-row", "data-account", "210987654321").getText()).contains("Production (210987654321)");
        readmeScreenshot("admin-group.png");

        // From an account's side: a user gets Admin there; an unknown user changes nothing.
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "accounts/123456789012"));
        page.awaitLoaded();
        assertThat(page.rows("assignment-row")).extracting(r -> r.getAttribute("data-principal")).containsExactly("/Developers");
        page.choose("assign-form", "principalKind", "user").fill("assign-form", "principal", "nobody")
                .pick("assign-form", "permissionSets", "Admin").submit("assign-form", "assign");
        assertThat(page.formError()).contains("nobody");
        assertThat(get("/assignments?user=nobody")).isEmpty();
        assertThat(get("/assignments?accountId=123456789012")).hasSize(1);
        page.fill("assign-form", "principal", "dora").submit("assign-form", "assign");
        assertThat(page.successAlert()).contains("1 assignment(s) added");
        assertThat(get("/assignments?user=dora").findValuesAsText("permissionSet")).containsExactly("Admin");

        // ... and the group's assignment there is removed from the account's side.
        page.clickAndConfirm(page.row("assignment-row", "data-principal", "/Developers"), "remove");
        assertThat(page.successAlert()).contains("Assignment removed");
        assertThat(get("/assignments?group=/Developers").findValuesAsText("accountId")).containsExactly("210987654321");

        // From a permission set's side: who holds it, and assigning it to a subgroup.
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "permission-sets/Admin"));
        page.awaitLoaded();
        assertThat(page.rows("assignment-row")).extracting(r -> r.getAttribute("data-principal")).containsExactly("dora");
        page.choose("assign-form", "principalKind", "group").fill("assign-form", "principal", "/Platform/SRE")
                .pick("assign-form", "accountIds", "210987654321").submit("assign-form", "assign");
        assertThat(get("/assignments?group=/Platform/SRE").findValuesAsText("permissionSet")).containsExactly("Admin");

        // Everyone with access, from the groups-and-users view.
        page.navigate("principals");
        assertThat(page.rows("principal-row")).extracting(r -> r.getAttribute("data-principal"))
                .containsExactlyInAnyOrder("/Developers", "dora", "/Platform/SRE");

        // The AWS client from the template; a second one with the same client ID is a conflict shown on the form.
        page.navigate("setup");
        assertThat(page.rows("aws-clients-empty")).hasSize(1);
        page.submit("client-form", "create-client");
        assertThat(page.successAlert()).contains("urn:amazon:webservices");
        assertThat(page.row("aws-client-row", "data-client-id", "urn:amazon:webservices").getText())
                .contains(server.baseUrl() + "/realms/" + MANAGED + "/protocol/saml/clients/amazon-aws")
                .contains("https://signin.aws.amazon.com/saml");
        assertThat(admin.findClientByClientId(MANAGED, "urn:amazon:webservices")).isPresent();
        assertThat(admin.findClientByClientId(MANAGED, "aws-portal")).isPresent();
        page.submit("client-form", "create-client");
        assertThat(page.formError()).contains("already exists");

        // A GovCloud region is no commercial endpoint; a second (regional) client leaves the first the partition's default until chosen.
        page.fill("client-form", "endpoint", "us-gov-west-1").fill("client-form", "clientId", "urn:amazon:webservices:eu")
                .fill("client-form", "urlName", "aws-eu").submit("client-form", "create-client");
        assertThat(page.formError()).contains("aws-us-gov");
        assertThat(page.invalidField("client-form")).isEqualTo("endpoint");
        page.fill("client-form", "endpoint", "eu-west-1").submit("client-form", "create-client");
        assertThat(page.successAlert()).contains("urn:amazon:webservices:eu");
        assertThat(page.row("aws-client-row", "data-client-id", "urn:amazon:webservices").getText()).contains("Default");
        page.row("aws-client-row", "data-client-id", "urn:amazon:webservices:eu")
                .findElement(By.cssSelector("[data-testid=make-default-client]")).click();
        assertThat(page.successAlert()).contains("now go through urn:amazon:webservices:eu");
        assertThat(page.row("aws-client-row", "data-client-id", "urn:amazon:webservices:eu").getText()).contains("Default");
        assertThat(admin.findClientByClientId(MANAGED, "aws-access").orElseThrow().path("attributes").path("kcaws.default-client.aws").asText())
                .isEqualTo("urn:amazon:webservices:eu");

        // The IAM side: the same documents the API serves, saved as files; all accounts as one zip of each account's files.
        page.click("download-cloudformation");
        Path archive = browser.awaitDownload("kcaws-" + MANAGED + "-iam.zip");
        Map<String, JsonNode> templates = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(archive))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().endsWith("/cloudformation.json")) {
                    templates.put(e.getName(), new ObjectMapper().readTree(in.readAllBytes()));
                }
            }
        }
        assertThat(templates.keySet()).containsExactly("123456789012/cloudformation.json", "210987654321/cloudformation.json");
        assertThat(templates.get("210987654321/cloudformation.json")).isEqualTo(get("/iac/cloudformation?accountId=210987654321"));
        assertThat(templates.get("210987654321/cloudformation.json").path("Resources").toString()).contains("ReadOnly").contains("Admin");
        assertThat(templates.get("123456789012/cloudformation.json").path("Resources").toString()).contains("Admin").doesNotContain("ReadOnly");
        page.choose("iac-form", "accountId", "210987654321");
        page.click("download-terraform");
        Path tf = browser.awaitDownload("kcaws-" + MANAGED + "-210987654321.tf.json");
        assertThat(new ObjectMapper().readTree(Files.readString(tf))).isEqualTo(get("/iac/terraform?accountId=210987654321"));
        page.click("download-metadata");
        Path metadata = browser.awaitDownload("kcaws-" + MANAGED + "-idp-metadata.xml");
        assertThat(Files.readString(metadata)).contains("EntityDescriptor").contains("/realms/" + MANAGED);

        // Deleting an account from the list removes its assignments.
        page.navigate("accounts");
        readmeScreenshot("admin-accounts.png");
        page.clickAndConfirm(page.row("account-row", "data-id", "210987654321"), "delete");
        assertThat(get("/accounts").findValuesAsText("id")).containsExactly("123456789012");
        assertThat(get("/assignments?accountId=210987654321")).isEmpty();
    }

    /**
     * An administrator of a realm of its own (realm-management roles there, no master account) uses
     * that realm's page, sees only that realm, and keeps working after the access token's short
     * life: the page refreshes it (Keycloak records the refresh as an event).
     */
    @Test
    void aRealmsOwnAdministratorUsesItsPageAcrossATokenRefresh() throws InterruptedException {
        String realm = "own-admins";
        admin.createRealm("""
                {"realm": "%s", "enabled": true, "accessTokenLifespan": 30, "eventsEnabled": true,
                 "enabledEventTypes": ["LOGIN", "CODE_TO_TOKEN", "REFRESH_TOKEN"]}
                """.formatted(realm));
        try {
            String ralph = admin.createUser(realm, "ralph", "ralph");
            String management = admin.findClientByClientId(realm, "realm-management").orElseThrow().path("id").asText();
            List<JsonNode> roles = List.of(
                    admin.expect(200, "GET", "/admin/realms/" + realm + "/clients/" + management + "/roles/manage-realm", null).json(),
                    admin.expect(200, "GET", "/admin/realms/" + realm + "/clients/" + management + "/roles/view-realm", null).json());
            admin.expect(204, "POST", "/admin/realms/" + realm + "/users/" + ralph + "/role-mappings/clients/" + management, roles);
            admin.expect(201, "POST", "/admin/realms/" + realm + "/aws/clients", Map.of());

            browser.open(AdminPage.url(server.baseUrl(), realm, realm, "accounts"));
            new KeycloakLoginPage(browser).signIn("ralph", "ralph");
            AdminPage page = new AdminPage(browser).awaitShown();
            assertThat(page.signedInUser()).isEqualTo("ralph");
            assertThat(page.realms()).containsExactly(realm);

            Thread.sleep(12_000); // 30 s tokens are refreshed when under 20 s remain
            page.click("add-account");
            page.fill("account-form", "id", "777777777777").fill("account-form", "name", "Own").submit("account-form", "save");
            assertThat(page.successAlert()).contains("777777777777");
            assertThat(admin.expect(200, "GET", "/admin/realms/" + realm + "/aws/accounts/777777777777", null).json().path("name").asText())
                    .isEqualTo("Own");
            assertThat(admin.expect(200, "GET", "/admin/realms/" + realm + "/events?type=REFRESH_TOKEN&client=aws-admin-console", null).json())
                    .as("the page refreshed its token").isNotEmpty();
        } finally {
            admin.deleteRealm(realm);
        }
    }

    /** The way in from Keycloak's own console: master's client list links the page (its Home URL), and the console's session signs the admin in. */
    @Test
    void theAdminConsoleLinksToThePage() {
        browser.open(server.baseUrl() + "/admin/master/console/#/master/clients");
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        WebElement search = browser.await().withMessage("the admin console's client search")
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[placeholder*='Search']")));
        search.sendKeys("aws-admin-console", Keys.ENTER);
        WebElement home = browser.await().withMessage("the Home URL link of aws-admin-console in the console's client list")
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='client-home-url-aws-admin-console']")));
        String href = home.getTagName().equals("a") ? home.getAttribute("href") : home.findElement(By.tagName("a")).getAttribute("href");
        assertThat(href).isEqualTo(server.baseUrl() + "/realms/master/aws/admin/");
        browser.open(href);
        assertThat(new AdminPage(browser).awaitShown().signedInUser()).as("no second sign-in").isEqualTo("admin");
    }

    @Test
    void aViewOnlyAdminReadsButCannotChange() {
        admin.expect(201, "POST", API + "/accounts", Map.of("id", "555555555555", "name", "Audit"));
        try {
            AdminPage page = signIn("accounts", VIEWER, VIEWER);
            assertThat(page.row("account-row", "data-id", "555555555555").getText()).contains("Audit");
            page.click("add-account");
            page.fill("account-form", "id", "666666666666").fill("account-form", "name", "Sneaky").submit("account-form", "save");
            assertThat(page.formError()).contains("may not do this").contains("403");
            assertThat(admin.send("GET", API + "/accounts/666666666666", null).status()).isEqualTo(404);
            browser.driver().findElement(By.id("kcaws-admin-signout")).click();
            new KeycloakLoginPage(browser).awaitShown();
            browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "accounts"));
            assertThat(new KeycloakLoginPage(browser).awaitShown().isShown()).as("signed out: the page asks for a sign-in again").isTrue();
        } finally {
            admin.send("DELETE", API + "/accounts/555555555555", null);
        }
    }

    @Test
    void aUserWhoIsNoAdminIsToldSo() {
        admin.createUser("master", "plain-user", "plain-user");
        try {
            browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "accounts"));
            new KeycloakLoginPage(browser).signIn("plain-user", "plain-user");
            assertThat(new AdminPage(browser).viewError()).contains("plain-user").contains("administrator");
        } finally {
            admin.findUserId("master", "plain-user").ifPresent(id -> admin.expect(204, "DELETE", "/admin/realms/master/users/" + id, null));
        }
    }

    @Test
    void thePageIsServedOnlyWhereItsClientExists() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> master = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/master/aws/admin/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.body()).contains("data-client-id=\"aws-admin-console\"")
                .containsPattern("<script type=\"module\" src=\"/resources/[^\"]+/kcaws/admin/main\\.js\"></script>")
                .contains("<script type=\"application/json\" id=\"kcaws-admin-messages\">{\"kcawsAdmin")
                .containsPattern("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src &#39;self&#39;; [^\"]*frame-src &#39;none&#39;")
                .doesNotContain("kcaws-admin.js");
        assertThat(master.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> noSlash = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/master/aws/admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noSlash.statusCode()).isEqualTo(301);
        admin.createRealm("{\"realm\": \"no-aws-yet\", \"enabled\": true}");
        try {
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/no-aws-yet/aws/admin/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(other.body()).contains("not set up in this realm").doesNotContain("data-client-id");
            // Creating an AWS client there gives the realm's own administrators their page.
            admin.expect(201, "POST", "/admin/realms/no-aws-yet/aws/clients", java.util.Map.of());
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/no-aws-yet/aws/admin/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("data-login-realm=\"no-aws-yet\"");
        } finally {
            admin.deleteRealm("no-aws-yet");
        }
    }
}
