package dev.kcaws.it.browser;

import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Effective access on the admin page, on the demo realm: bob's page lists the roles he holds through
 * his groups (he has no direct grant), and an account's view lists the people who can reach it and
 * how; both from the access review, with its downloads.
 */
class AccessReviewBrowserIT extends ChromiumAgainstFakeAws {

    AdminPage open(String view) {
        browser.open(AdminPage.url(server.baseUrl(), "master", REALM, view));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        return new AdminPage(browser).awaitShown();
    }

    static List<String> texts(List<WebElement> rows, String attribute) {
        return rows.stream().map(r -> r.getDomAttribute(attribute)).toList();
    }

    @Test
    void bobsPageListsWhatHeHoldsThroughGroups() {
        AdminPage page = open("users/bob");
        List<WebElement> rows = page.rows("effective-row");
        assertThat(rows.stream().map(r -> r.getDomAttribute("data-account") + ":" + r.getDomAttribute("data-permission-set")).toList())
                .containsExactlyInAnyOrder("111111111111:ReadOnlyAccess", "222222222222:PowerUserAccess", "333333333333:PowerUserAccess",
                        "333333333333:ReadOnlyAccess");
        assertThat(texts(rows, "data-via")).containsOnly("group");
        assertThat(page.row("effective-row", "data-account", "222222222222").getText()).contains("/Developers");
        assertThat(page.row("effective-row", "data-permission-set", "ReadOnlyAccess").getText()).containsAnyOf("/Developers", "/Everyone");
    }

    @Test
    void anAccountsViewListsThePeopleWhoCanReachItAndHow() {
        AdminPage page = open("accounts/222222222222");
        List<WebElement> rows = page.rows("effective-row");
        assertThat(rows.stream().map(r -> r.getDomAttribute("data-user") + ":" + r.getDomAttribute("data-permission-set")).toList())
                .containsExactlyInAnyOrder("alice:AdministratorAccess", "bob:PowerUserAccess");
        assertThat(page.row("effective-row", "data-user", "alice").getText()).contains("/DevOps");
        assertThat(page.rows("review-csv")).hasSize(1);
        assertThat(page.rows("review-json")).hasSize(1);
    }
}
