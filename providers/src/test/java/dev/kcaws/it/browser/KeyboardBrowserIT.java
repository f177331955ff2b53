package dev.kcaws.it.browser;

import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page for a keyboard and a screen reader, on the demo realm: the first Tab reaches a
 * skip link to the view; everything the keyboard reaches shows a focus ring; each row's buttons
 * are named with their row ("Delete account acme-prod", not six times "Delete"); the browser tab's
 * title names the view; a refused field is tied to its error.
 */
class KeyboardBrowserIT extends ChromiumAgainstFakeAws {

    AdminPage signIn(String view) {
        browser.open(AdminPage.url(server.baseUrl(), "master", REALM, view));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        return new AdminPage(browser).awaitShown();
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    void tab() {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }

    /** Starts keyboard focus from the top of the document, as a freshly loaded page does. */
    void focusFromTop() {
        js().executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
                + "document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex');");
    }

    /** What shows where the keyboard is: an outline or a box shadow of the focused element itself. */
    @SuppressWarnings("unchecked")
    Map<String, Object> focusIndicator() {
        return (Map<String, Object>) js().executeScript("""
                const e = document.activeElement;
                const s = getComputedStyle(e);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
                return {element: e.outerHTML.substring(0, 120), visible: outline || (s.boxShadow && s.boxShadow !== 'none')};
                """);
    }

    /**
     * The first Tab reaches a skip link, which moves the keyboard to the view (keeping the route);
     * every Tab stop of the page shows a focus ring (Chromium's own ring already did before the page
     * drew its own; this keeps a theme's CSS from taking it away unnoticed).
     */
    @Test
    void theFirstTabReachesASkipLinkToTheViewAndEveryTabStopShowsAFocusRing() {
        signIn("accounts");
        String hash = String.valueOf(js().executeScript("return location.hash"));
        focusFromTop();
        tab();
        WebElement skip = focused();
        assertThat(skip.getTagName()).isEqualTo("a");
        assertThat(skip.getAccessibleName()).isEqualTo("Skip to main content");
        assertThat(skip.isDisplayed()).as("the skip link shows once focused").isTrue();

        List<String> withoutRing = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 60 && !focused().getTagName().equals("body"); i++) {
            Map<String, Object> indicator = focusIndicator();
            reached.add(String.valueOf(indicator.get("element")));
            if (!Boolean.TRUE.equals(indicator.get("visible"))) {
                withoutRing.add(String.valueOf(indicator.get("element")));
            }
            tab();
        }
        System.out.println("[figures] Tab stops on the accounts view: " + reached.size());
        assertThat(reached).as("the keyboard reaches the rows' buttons").anyMatch(e -> e.contains("data-testid=\"delete\""));
        assertThat(withoutRing).as("focused elements without a visible focus ring").isEmpty();

        focusFromTop();
        tab();
        focused().sendKeys(Keys.ENTER);
        assertThat(focused().getDomAttribute("id")).isEqualTo("kcaws-main");
        assertThat(js().executeScript("return location.hash")).as("the route is kept").isEqualTo(hash);
        tab();
        assertThat((Boolean) js().executeScript("return document.getElementById('kcaws-view').contains(document.activeElement)"))
                .as("the next Tab is in the view, past the masthead and the navigation: " + focused().getAccessibleName()).isTrue();
    }

    @Test
    void rowButtonsAreNamedWithTheirRowAndTheTabTitleFollowsTheView() {
        AdminPage page = signIn("accounts");
        assertThat(browser.driver().getTitle()).isEqualTo("AWS accounts · aws-demo · AWS access");
        WebElement prod = page.row("account-row", "data-id", "111111111111");
        assertThat(prod.findElement(By.cssSelector("[data-testid=delete]")).getAccessibleName()).isEqualTo("Delete account acme-prod");
        assertThat(prod.findElement(By.cssSelector("[data-testid=edit]")).getAccessibleName()).isEqualTo("Edit account acme-prod");
        assertThat(prod.findElement(By.cssSelector("[data-testid=delete]")).getText()).as("the visible text stays short").isEqualTo("Delete");

        page.navigate("permission-sets");
        assertThat(browser.driver().getTitle()).isEqualTo("Permission sets · aws-demo · AWS access");
        assertThat(page.row("permission-set-row", "data-name", "ReadOnlyAccess").findElement(By.cssSelector("[data-testid=delete]"))
                .getAccessibleName()).isEqualTo("Delete permission set ReadOnlyAccess");

        page.navigate("accounts");
        page.row("account-row", "data-id", "111111111111").findElement(By.cssSelector("[data-testid=account-link]")).click();
        browser.await().until(d -> page.title().contains("111111111111"));
        page.awaitLoaded();
        assertThat(browser.driver().getTitle()).isEqualTo("acme-prod (111111111111) · aws-demo · AWS access");
        WebElement assignment = page.rows("assignment-row").get(0);
        assertThat(assignment.findElement(By.cssSelector("[data-testid=remove]")).getAccessibleName()).isEqualTo(
                "Remove " + assignment.getDomAttribute("data-permission-set") + " for " + assignment.getDomAttribute("data-principal")
                        + " in acme-prod (111111111111)");

        // A refused field: marked invalid, described by its error, and focused.
        page.navigate("accounts");
        page.click("add-account");
        page.fill("account-form", "id", "12345").submit("account-form", "save");
        WebElement id = page.form("account-form").findElement(By.name("id"));
        assertThat(id.getDomAttribute("aria-invalid")).isEqualTo("true");
        String describedBy = id.getDomAttribute("aria-describedby");
        assertThat(describedBy).isNotBlank();
        String description = String.valueOf(js().executeScript(
                "return arguments[0].split(' ').map(i => document.getElementById(i)).filter(Boolean).map(e => e.textContent).join(' ')", describedBy));
        assertThat(description).contains("12 digits");
        assertThat(focused()).isEqualTo(id);
    }
}
