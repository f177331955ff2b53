package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.browser.PortalPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time-bound assignment made on the admin page, in a copy of the demo realm: the Starts and Ends
 * fields of the assignment form (the browser's time), the window shown in the list, the instants
 * the admin API stores, and the portal telling the user when the access ends, in the same
 * browser's time.
 */
class TimeBoundAssignmentBrowserIT extends ChromiumAgainstFakeAws {

    static final String WINDOWED = "time-bound-page";
    static final String API = "/admin/realms/" + WINDOWED + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(WINDOWED);

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    /** Sets a datetime-local field as a picker does (its value, then input and change events): typing its parts depends on the browser's locale. */
    void setLocalTime(WebElement field, String value) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        assertThat(field.getAttribute("value")).isEqualTo(value);
    }

    /** The instant a datetime-local value names in this browser's time zone. */
    Instant instantInBrowser(String local) {
        return Instant.parse((String) js("return new Date(arguments[0]).toISOString();", local));
    }

    @Test
    void anEndSetOnTheAdminPageIsListedStoredAndShownToTheUserInThePortal() {
        LocalDateTime base = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        String starts = base.minusHours(1).format(local);
        String ends = base.plusDays(2).withHour(10).withMinute(30).format(local);

        browser.open(AdminPage.url(server.baseUrl(), "master", WINDOWED, "accounts/111111111111"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();
        Instant start = instantInBrowser(starts);
        Instant end = instantInBrowser(ends);

        page.choose("assign-form", "principalKind", "user").fill("assign-form", "principal", "erin")
                .pick("assign-form", "permissionSets", "Billing");
        WebElement form = page.form("assign-form");
        setLocalTime(form.findElement(By.name("notBefore")), starts);
        setLocalTime(form.findElement(By.name("notAfter")), ends);
        page.submit("assign-form", "assign");
        assertThat(page.successAlert()).contains("1 assignment(s) added");

        // The list shows the window in the browser's time.
        String shownStart = (String) js("return new Date(arguments[0]).toLocaleString();", start.toString());
        String shownEnd = (String) js("return new Date(arguments[0]).toLocaleString();", end.toString());
        WebElement row = page.row("assignment-row", "data-principal", "erin");
        assertThat(row.findElement(By.cssSelector("[data-testid='window']")).getText())
                .isEqualTo("from " + shownStart + " until " + shownEnd);

        // The API stores the instants the admin meant.
        JsonNode stored = realm.admin().expect(200, "GET", API + "/assignments?user=erin", null).json();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("accountId").asText()).isEqualTo("111111111111");
        assertThat(stored.get(0).path("permissionSet").asText()).isEqualTo("Billing");
        assertThat(Instant.parse(stored.get(0).path("notBefore").asText())).isEqualTo(start);
        assertThat(Instant.parse(stored.get(0).path("notAfter").asText())).isEqualTo(end);

        // erin's portal: the role, and when her access ends, in her browser's time.
        browser.open(PortalPage.url(server.baseUrl(), WINDOWED));
        new KeycloakLoginPage(browser).signIn("erin");
        PortalPage portal = new PortalPage(browser).awaitShown();
        assertThat(portal.account("111111111111").roleNames()).containsExactly("Billing");
        WebElement endsAt = portal.account("111111111111").role("Billing").element().findElement(By.cssSelector(".kcaws-ends"));
        assertThat(endsAt.getDomAttribute("data-ends")).isEqualTo(end.toString());
        String expected = (String) js("return new Date(arguments[0]).toLocaleString(document.documentElement.lang || undefined,"
                + " {year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'});", end.toString());
        assertThat(endsAt.getText()).isEqualTo("Access ends " + expected);
        WebElement time = endsAt.findElement(By.tagName("time"));
        assertThat(time.getDomAttribute("datetime")).isEqualTo(end.toString());
    }
}
