package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void anAccountsViewListsThePeopleWhoCanReachItAndHow() throws Exception {
        AdminPage page = open("accounts/222222222222");
        List<WebElement> rows = page.rows("effective-row");
        assertThat(rows.stream().map(r -> r.getDomAttribute("data-user") + ":" + r.getDomAttribute("data-permission-set")).toList())
                .containsExactlyInAnyOrder("alice:AdministratorAccess", "bob:PowerUserAccess");
        assertThat(page.row("effective-row", "data-user", "alice").getText()).contains("/DevOps");

        // The downloads are the review's own answer for the account, saved under the realm's and account's name.
        String review = "/admin/realms/" + REALM + "/aws/access-review?account=222222222222&format=";
        page.click("review-csv");
        Path csv = browser.awaitDownload("aws-access-review-" + REALM + "-222222222222.csv");
        assertThat(Files.readString(csv)).isEqualTo(server.adminApi().expect(200, "GET", review + "csv", null).body())
                .contains("alice").contains("/DevOps").doesNotContain("carol");
        page.click("review-json");
        Path json = browser.awaitDownload("aws-access-review-" + REALM + "-222222222222.json");
        assertThat(new ObjectMapper().readTree(Files.readString(json)).path("rows"))
                .isEqualTo(server.adminApi().expect(200, "GET", review + "json", null).json().path("rows"))
                .hasSize(2);
    }
}
