package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awsscim.AwsLikeScimServer;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.keycloak.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page's IAM Identity Center view in a real browser: the SCIM settings saved through the
 * form (the token never filled back), the connection test against the AWS-like SCIM server, a bad
 * endpoint shown on its field with nothing changed, and the other cards shown.
 */
class IdentityCenterPageBrowserIT extends ChromiumAgainstFakeAws {

    static final String MANAGED = "ic-page";
    static final String API = "/admin/realms/" + MANAGED + "/aws/identity-center/scim";
    static final String TOKEN = "page-typed-token-4b7d2e9f1a";
    static AdminApi admin;
    static AwsLikeScimServer scim;
    static final String SAML_ISSUER = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367000042";
    static final String SAML_ACS = "https://eu-west-1.signin.aws/platform/saml/acs/5bd49862-1cd9-4331-b51f-f138b0afdbb6";

    @BeforeAll
    static void realm() throws IOException {
        admin = server.adminApi();
        admin.createRealm("""
                {"realm": "%s", "enabled": true,
                 "groups": [{"name": "Developers"}, {"name": "Platform", "subGroups": [{"name": "SRE"}]}]}
                """.formatted(MANAGED));
        scim = AwsLikeScimServer.start(TOKEN);
        // A member whose username is not an email address: the warning when USERNAME is chosen.
        String developers = admin.findGroupId(MANAGED, "/Developers").orElseThrow();
        admin.addUserToGroup(MANAGED, admin.createUser(MANAGED, DemoRealm.JSON.createObjectNode().put("username", "dev-no-address").put("enabled", true).put("email", "dev-no-address@example.com")), developers);
    }

    @AfterAll
    static void cleanUp() {
        admin.deleteRealm(MANAGED);
        if (scim != null) {
            scim.close();
        }
    }

    private By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private WebElement await(String testId) {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    /** Types a group's name into the picker's search, waits for Keycloak's group search to offer it, adds it. */
    private void addGroup(String name, String path) {
        WebElement search = await("ic-group-search");
        search.sendKeys(name);
        browser.await().withMessage("the group search to offer " + path).until(d -> !d.findElements(
                By.cssSelector("datalist option[value='" + path + "']")).isEmpty());
        browser.driver().findElement(testId("ic-add-group")).click();
        browser.await().until(d -> !d.findElements(By.xpath("//*[@data-testid='ic-groups']/li[span='" + path + "']")).isEmpty());
    }

    /** Saves the settings form and waits for the view to be shown again (the old form gone). */
    private void saveAndAwaitReload(AdminPage page) {
        WebElement before = page.form("ic-settings-form");
        page.submit("ic-settings-form", "ic-save");
        browser.await().withMessage("the view to be shown again after saving").until(ExpectedConditions.stalenessOf(before));
        page.awaitLoaded();
    }

    @Test
    void theSettingsAreSavedTestedAndTheTokenIsNeverShownAgain() {
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "identity-center"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();
        assertThat(page.title()).isEqualTo("IAM Identity Center");
        assertThat(browser.driver().findElements(testId("ic-test"))).as("no test before settings exist").isEmpty();

        // A bad endpoint: the API's message on its field, nothing stored.
        page.fill("ic-settings-form", "endpoint", "http://scim.example.com/t/scim/v2/").fill("ic-settings-form", "token", TOKEN);
        addGroup("Developers", "/Developers");
        page.submit("ic-settings-form", "ic-save");
        assertThat(page.formError()).contains("endpoint").contains("https");
        assertThat(page.invalidField("ic-settings-form")).isEqualTo("endpoint");
        assertThat(admin.expect(200, "GET", API, null).json().path("configured").asBoolean()).isFalse();

        page.fill("ic-settings-form", "endpoint", scim.endpoint().toString()).choose("ic-settings-form", "leavePolicy", "DELETE");
        saveAndAwaitReload(page);
        assertThat(page.successAlert()).isEqualTo("SCIM push settings saved.");
        JsonNode stored = admin.expect(200, "GET", API, null).json();
        assertThat(stored.path("endpoint").asText()).isEqualTo(scim.endpoint().toString());
        assertThat(stored.path("leavePolicy").asText()).isEqualTo("DELETE");
        assertThat(stored.path("groups").findValuesAsText("path")).containsExactly("/Developers");

        // Shown again: the token field is empty, the page says a token is set, and it is nowhere in the page.
        WebElement token = page.form("ic-settings-form").findElement(By.name("token"));
        assertThat(token.getDomProperty("value")).isEmpty();
        assertThat(token.getAttribute("type")).isEqualTo("password");
        assertThat(await("ic-token-state").getText()).isEqualTo("A token is set. It is never shown again.");
        assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN);

        // Saving again with the token field empty keeps the token: the connection test passes.
        page.fill("ic-settings-form", "reconcileIntervalMinutes", "120");
        saveAndAwaitReload(page);
        page.click("ic-test");
        assertThat(await("ic-test-ok").getText()).isEqualTo("Identity Center accepted the endpoint and the token.");
        assertThat(admin.expect(200, "GET", API, null).json().path("reconcileIntervalMinutes").asInt()).isEqualTo(120);

        // The other cards are there and work: the push status (its last push), the SAML client form (the realm has none), the downloads.
        assertThat(await("ic-last-push").isDisplayed()).as("the push status card").isTrue();
        assertThat(await("ic-saml-form").isDisplayed()).as("the SAML client form").isTrue();
        assertThat(browser.driver().findElements(testId("ic-status-error"))).as("no status error").isEmpty();
        assertThat(browser.driver().findElements(testId("ic-saml-error"))).as("no SAML client error").isEmpty();
        assertThat(await("ic-download-terraform").isDisplayed()).isTrue();
        assertThat(await("ic-download-cloudformation").isDisplayed()).isTrue();
        // Sync now: a reconcile whose result shows under the button; the member is in Identity Center.
        page.click("ic-sync");
        WebElement synced = await("ic-sync-result");
        assertThat(synced.getAttribute("data-outcome")).isEqualTo("OK");
        assertThat(synced.findElements(testId("ic-sync-result-failures-empty"))).hasSize(1);
        assertThat(scim.directory().userByUserName("dev-no-address@example.com")).isPresent();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(\"[data-testid='ic-settings-form']\").closest('.pf-v5-c-card').scrollIntoView()");
        readmeScreenshot("admin-identity-center.png");

        // The Keycloak username as the user name while a pushed member's is no address: saved, with a warning naming them.
        assertThat(browser.driver().findElements(testId("ic-username-warning"))).as("no warning with Email").isEmpty();
        page.choose("ic-settings-form", "userNameSource", "USERNAME");
        saveAndAwaitReload(page);
        assertThat(await("ic-username-warning").getText()).startsWith("Users in the pushed groups whose Keycloak username is not an email address: 1.");
        assertThat(await("ic-username-warning-examples").getText()).isEqualTo("For example: dev-no-address");
        assertThat(admin.expect(200, "GET", API, null).json().path("userNameSource").asText()).isEqualTo("USERNAME");
    }

    @Test
    void anExistingSamlClientIsShownWithItsConsoleLinkAndNoCreateForm() {
        String realm = "ic-page-saml";
        admin.createRealm("{\"realm\": \"" + realm + "\", \"enabled\": true}");
        try {
            browser.open(AdminPage.url(server.baseUrl(), "master", realm, "identity-center"));
            new KeycloakLoginPage(browser).signIn("admin", "admin");
            AdminPage page = new AdminPage(browser).awaitShown();
            page.choose("ic-saml-form", "mode", "urls")
                    .fill("ic-saml-form", "acsUrl", SAML_ACS)
                    .fill("ic-saml-form", "issuer", SAML_ISSUER);
            WebElement form = page.form("ic-saml-form");
            page.submit("ic-saml-form", "ic-saml-create");
            browser.await().withMessage("the view to be shown again after creating").until(ExpectedConditions.stalenessOf(form));
            page.awaitLoaded();
            assertThat(page.successAlert()).isEqualTo("SAML client " + SAML_ISSUER + " created.");
            assertExistingClientShown(realm);

            // Opened afresh: the same, and no offer to create a second client (the API would refuse it).
            browser.driver().navigate().refresh();
            page.awaitShown();
            assertExistingClientShown(realm);
            assertThat(browser.driver().findElement(By.id("kcaws-view")).getText()).doesNotContain("Create the");
        } finally {
            admin.deleteRealm(realm);
        }
    }

    private void assertExistingClientShown(String realm) {
        WebElement client = await("ic-saml-client");
        JsonNode stored = admin.expect(200, "GET", "/admin/realms/" + realm + "/aws/identity-center/saml-client", null).json();
        assertThat(client.findElement(testId("ic-saml-client-id")).getText()).isEqualTo(SAML_ISSUER);
        WebElement console = client.findElement(testId("ic-saml-console-link"));
        assertThat(console.getAttribute("href")).isEqualTo(server.baseUrl() + "/admin/master/console/#/" + realm + "/clients/"
                + stored.path("id").asText() + "/settings");
        assertThat(console.getText()).isEqualTo("Edit or delete it in the Keycloak admin console");
        assertThat(client.findElement(testId("ic-saml-idp-initiated-url")).getText()).isEqualTo(stored.path("idpInitiatedUrl").asText())
                .startsWith(server.baseUrl() + "/realms/" + realm + "/protocol/saml/clients/");
        assertThat(browser.driver().findElements(testId("ic-saml-form"))).as("no create form beside an existing client").isEmpty();
        assertThat(browser.driver().findElements(testId("ic-saml-create"))).isEmpty();
    }

    @Test
    void aUserIdentityCenterRefusesIsAFailureRowWithItsNameAndAwsMessageAsText() {
        String realm = "ic-page-refused";
        admin.createRealm("""
                {"realm": "%s", "enabled": true, "groups": [{"name": "Reviewers"}]}
                """.formatted(realm));
        try {
            // A username with markup in it, longer than the 128 characters AWS allows a userName: Keycloak lets an
            // admin allow such names (the prohibited-characters validator removed), Identity Center refuses it.
            String profilePath = "/admin/realms/" + realm + "/users/profile";
            com.fasterxml.jackson.databind.node.ObjectNode profile =
                    (com.fasterxml.jackson.databind.node.ObjectNode) admin.expect(200, "GET", profilePath, null).json();
            for (JsonNode attribute : profile.withArray("attributes")) {
                if (attribute.path("name").asText().equals("username")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) attribute.path("validations")).remove("username-prohibited-characters");
                }
            }
            admin.expect(200, "PUT", profilePath, profile);
            String refused = "<b>refused</b>-" + "x".repeat(120);
            String reviewers = admin.findGroupId(realm, "/Reviewers").orElseThrow();
            String userId = admin.createUser(realm, DemoRealm.JSON.createObjectNode().put("username", refused).put("enabled", true)
                    .put("firstName", "Rae").put("lastName", "Fused"));
            admin.addUserToGroup(realm, userId, reviewers);
            admin.expect(200, "PUT", "/admin/realms/" + realm + "/aws/identity-center/scim", java.util.Map.of("enabled", true,
                    "endpoint", scim.endpoint().toString(), "token", TOKEN, "groupIds", java.util.List.of(reviewers),
                    "userNameSource", "USERNAME", "leavePolicy", "DEACTIVATE"));

            browser.open(AdminPage.url(server.baseUrl(), "master", realm, "identity-center"));
            new KeycloakLoginPage(browser).signIn("admin", "admin");
            AdminPage page = new AdminPage(browser).awaitShown();
            page.click("ic-sync");
            WebElement result = await("ic-sync-result");
            assertThat(result.getAttribute("data-outcome")).isEqualTo("PARTIAL");
            List<WebElement> failures = result.findElements(testId("ic-failure"));
            assertThat(failures).hasSize(1);
            List<String> cells = failures.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.subList(0, 3)).containsExactly("USER", refused, userId);
            assertThat(cells.get(3)).as("AWS's message").contains("userName must be at most 128 characters");
            assertThat(failures.get(0).findElements(By.tagName("b"))).as("the name's markup shown as text").isEmpty();
            assertThat(scim.directory().groupByDisplayName("Reviewers")).as("the rest of the run went on").isPresent();
        } finally {
            admin.deleteRealm(realm);
        }
    }
}
