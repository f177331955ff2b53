package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission set form's session duration as Identity Center's console asks for it: 1, 2, 4, 8
 * or 12 hours, or a custom duration in hours and minutes. The admin API keeps seconds; its error on
 * the duration lands under the field, named by its label; fields that hold no whole hours and
 * minutes are refused on the page and nothing is sent.
 */
class PermissionSetDurationBrowserIT extends ChromiumAgainstFakeAws {

    static final String MANAGED = "duration-check";
    static final String API = "/admin/realms/" + MANAGED + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.empty(MANAGED);

    static int storedSeconds(String name) {
        return realm.admin().expect(200, "GET", API + "/permission-sets/" + name, null).json().path("sessionDuration").asInt();
    }

    static String sessionCell(AdminPage page, String name) {
        return page.row("permission-set-row", "data-name", name).findElements(By.tagName("td")).get(2).getText();
    }

    WebElement customDuration() {
        return browser.driver().findElement(By.cssSelector("[data-testid='permission-set-form'] [data-testid='custom-duration']"));
    }

    @Test
    void theDurationIsChosenInHoursOrAsCustomHoursAndMinutesAndStoredInSeconds() {
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "permission-sets"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();

        // A new set: the choices Identity Center offers, one hour preselected, no custom fields shown.
        page.click("add-permission-set");
        WebElement form = page.form("permission-set-form");
        Select choice = new Select(form.findElement(By.name("sessionDuration")));
        assertThat(choice.getOptions()).extracting(WebElement::getText)
                .containsExactly("1 hour", "2 hours", "4 hours", "8 hours", "12 hours", "Custom duration");
        assertThat(choice.getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("3600", "7200", "14400", "28800", "43200", "custom");
        assertThat(choice.getFirstSelectedOption().getText()).isEqualTo("1 hour");
        assertThat(customDuration().isDisplayed()).isFalse();
        String selectId = form.findElement(By.name("sessionDuration")).getAttribute("id");
        assertThat(form.findElement(By.cssSelector("label[for='" + selectId + "']")).getText()).isEqualTo("Session duration");

        // Four hours, stored as 14400 seconds.
        page.fill("permission-set-form", "name", "FourHours").choose("permission-set-form", "sessionDuration", "14400")
                .submit("permission-set-form", "save");
        assertThat(page.successAlert()).contains("FourHours");
        assertThat(storedSeconds("FourHours")).isEqualTo(14400);
        assertThat(sessionCell(page, "FourHours")).isEqualTo("4 h");

        // A custom hour and a half, stored as 5400 seconds.
        page.click("add-permission-set");
        page.fill("permission-set-form", "name", "NinetyMinutes").choose("permission-set-form", "sessionDuration", "custom");
        assertThat(customDuration().isDisplayed()).isTrue();
        page.fill("permission-set-form", "sessionDurationHours", "1").fill("permission-set-form", "sessionDurationMinutes", "30")
                .submit("permission-set-form", "save");
        assertThat(page.successAlert()).contains("NinetyMinutes");
        assertThat(storedSeconds("NinetyMinutes")).isEqualTo(5400);
        assertThat(sessionCell(page, "NinetyMinutes")).isEqualTo("1 h 30 min");

        // Editing shows each as it was chosen.
        page.clickAndEdit(page.row("permission-set-row", "data-name", "FourHours"));
        assertThat(new Select(page.form("permission-set-form").findElement(By.name("sessionDuration"))).getFirstSelectedOption().getText())
                .isEqualTo("4 hours");
        assertThat(customDuration().isDisplayed()).isFalse();
        page.click("add-permission-set"); // closes the edit form, opens an empty one
        page.clickAndEdit(page.row("permission-set-row", "data-name", "NinetyMinutes"));
        form = page.form("permission-set-form");
        assertThat(new Select(form.findElement(By.name("sessionDuration"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("custom");
        assertThat(customDuration().isDisplayed()).isTrue();
        assertThat(form.findElement(By.name("sessionDurationHours")).getAttribute("value")).isEqualTo("1");
        assertThat(form.findElement(By.name("sessionDurationMinutes")).getAttribute("value")).isEqualTo("30");

        // Ten minutes is under AWS's 15: the API's rule under the field, named by its label; nothing changes.
        page.fill("permission-set-form", "sessionDurationHours", "0").fill("permission-set-form", "sessionDurationMinutes", "10")
                .submit("permission-set-form", "save");
        assertThat(page.invalidField("permission-set-form")).isEqualTo("permissionSet.sessionDuration");
        assertThat(page.formError()).contains("Session duration: must be 900 to 43200 seconds (15 minutes to 12 hours), was 600")
                .doesNotContain("permissionSet.");
        WebElement group = page.form("permission-set-form").findElement(By.name("sessionDuration"))
                .findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' pf-v5-c-form__group ')][1]"));
        assertThat(group.findElement(By.cssSelector("[data-testid='field-error']")).getText()).contains("15 minutes to 12 hours");
        assertThat(storedSeconds("NinetyMinutes")).isEqualTo(5400);

        // Thirteen hours is no custom duration: said on the field by the page itself, nothing is sent.
        page.fill("permission-set-form", "sessionDurationHours", "13").fill("permission-set-form", "sessionDurationMinutes", "0")
                .submit("permission-set-form", "save");
        assertThat(page.formError()).contains("Session duration: enter whole hours (0 to 12) and minutes (0 to 59)");
        assertThat(page.invalidField("permission-set-form")).isEqualTo("permissionSet.sessionDuration");
        assertThat(storedSeconds("NinetyMinutes")).isEqualTo(5400);

        // Twelve hours chosen instead.
        page.choose("permission-set-form", "sessionDuration", "43200").submit("permission-set-form", "save");
        assertThat(page.successAlert()).contains("NinetyMinutes");
        assertThat(storedSeconds("NinetyMinutes")).isEqualTo(43200);
        assertThat(sessionCell(page, "NinetyMinutes")).isEqualTo("12 h");
    }

    /** A duration set through the API in seconds that are no whole minute is kept as it is by an edit that does not touch it. */
    @Test
    void anEditThatLeavesAnOddDurationAloneKeepsItsSeconds() {
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "Odd", "sessionDuration", 3601));
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "permission-sets"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();
        page.clickAndEdit(page.row("permission-set-row", "data-name", "Odd"));
        WebElement form = page.form("permission-set-form");
        assertThat(form.findElement(By.name("sessionDurationHours")).getAttribute("value")).isEqualTo("1");
        assertThat(form.findElement(By.name("sessionDurationMinutes")).getAttribute("value")).isEqualTo("0");
        page.fill("permission-set-form", "description", "kept").submit("permission-set-form", "save");
        assertThat(page.successAlert()).contains("Odd");
        JsonNode set = realm.admin().expect(200, "GET", API + "/permission-sets/Odd", null).json();
        assertThat(set.path("description").asText()).isEqualTo("kept");
        assertThat(set.path("sessionDuration").asInt()).isEqualTo(3601);
    }
}
