package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.browser.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page's main tasks on a phone, 390 px wide, in a realm of its own: add an account, add a
 * permission set, assign it to a group, remove the assignment; the navigation opens from the
 * masthead's button and closes after a choice, and no step makes the page scroll sideways.
 */
class PhoneWidthBrowserIT extends ChromiumAgainstFakeAws {

    static final String PHONE_REALM = "phone-tasks";
    static final String API = "/admin/realms/" + PHONE_REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.fromJson(PHONE_REALM, """
            {"realm": "%s", "enabled": true, "groups": [{"name": "Developers"}]}
            """.formatted(PHONE_REALM));

    static JsonNode get(String path) {
        return realm.admin().expect(200, "GET", API + path, null).json();
    }

    void assertFits(String step) {
        assertThat(Viewport.PHONE.overflow(browser)).as("how far the page scrolls sideways after: " + step + "\n"
                + Viewport.PHONE.widestElements(browser)).isZero();
    }

    @Test
    void addAnAccountAndAPermissionSetAssignAndRemoveAt390Pixels() {
        Viewport.PHONE.apply(browser);
        browser.open(AdminPage.url(server.baseUrl(), "master", PHONE_REALM, "accounts"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();
        assertFits("signing in");

        // The navigation is closed: a button in the masthead opens it.
        WebElement toggle = browser.driver().findElement(By.id("kcaws-nav-toggle"));
        WebElement setsLink = browser.driver().findElement(By.cssSelector("#kcaws-nav a[data-view='permission-sets']"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(toggle.getAccessibleName()).isEqualTo("Navigation");
        assertThat(setsLink.isDisplayed()).as("the navigation's links while it is closed").isFalse();

        page.click("add-account");
        assertFits("opening the account form");
        page.fill("account-form", "id", "123456789012").fill("account-form", "name", "phone-prod").submit("account-form", "save");
        assertThat(page.successAlert()).contains("123456789012");
        assertThat(get("/accounts").findValuesAsText("id")).containsExactly("123456789012");
        assertFits("adding an account");

        page.navigate("permission-sets");
        assertThat(toggle.getDomAttribute("aria-expanded")).as("the navigation after a choice").isEqualTo("false");
        // Hidden once it has slid out (PatternFly animates the navigation, its visibility included).
        browser.await().withMessage("the navigation to close").until(d -> !setsLink.isDisplayed());
        page.click("add-permission-set");
        assertFits("opening the permission set form");
        page.fill("permission-set-form", "name", "PhoneReadOnly")
                .fill("permission-set-form", "managedPolicies", "arn:aws:iam::aws:policy/ReadOnlyAccess")
                .submit("permission-set-form", "save");
        assertThat(page.successAlert()).contains("PhoneReadOnly");
        assertThat(get("/permission-sets").findValuesAsText("name")).containsExactly("PhoneReadOnly");
        assertFits("adding a permission set");

        page.row("permission-set-row", "data-name", "PhoneReadOnly").findElement(By.cssSelector("[data-testid=permission-set-link]")).click();
        browser.await().until(d -> page.title().equals("PhoneReadOnly"));
        page.awaitLoaded();
        assertFits("opening the permission set");
        page.choose("assign-form", "principalKind", "group").fill("assign-form", "principal", "/Developers")
                .pick("assign-form", "accountIds", "123456789012").submit("assign-form", "assign");
        assertThat(page.successAlert()).contains("1 assignment(s) added");
        assertThat(get("/assignments?group=/Developers").findValuesAsText("permissionSet")).containsExactly("PhoneReadOnly");
        assertFits("assigning");

        page.clickAndConfirm(page.row("assignment-row", "data-principal", "/Developers"), "remove");
        assertThat(page.successAlert()).contains("Assignment removed");
        assertThat(get("/assignments?group=/Developers")).isEmpty();
        assertFits("removing the assignment");
    }
}
