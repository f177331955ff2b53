package dev.kcaws.it.browser;

import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.browser.FakeAwsPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.browser.PortalPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The employee portal at /realms/{realm}/aws/ in a real browser: sign-in, the account list, the
 * instant search, and a console link that opens a new tab ending signed in to (fake) AWS with
 * exactly that one role. Also refreshes the README's screenshots, docs/screenshots/portal*.png.
 */
class PortalBrowserIT extends ChromiumAgainstFakeAws {

    static String portalUrl() {
        return PortalPage.url(server.baseUrl(), REALM);
    }

    /** Opens the portal signed out: Keycloak asks for a sign-in first, then brings the user back to the portal. */
    PortalPage signInToPortal(String username) {
        browser.open(portalUrl());
        KeycloakLoginPage login = new KeycloakLoginPage(browser).awaitShown();
        login.signIn(username);
        PortalPage portal = new PortalPage(browser).awaitShown();
        assertThat(browser.driver().getCurrentUrl()).startsWith(portalUrl());
        return portal;
    }

    /**
     * A refusal page leads to the portal, never back to the refused AWS login (Keycloak's "Back to
     * Application" would, in a loop for a user without access); the portal then tells erin she holds nothing.
     */
    @Test
    void aRefusalLeadsToThePortalNotBackToTheRefusedLogin() {
        browser.open(server.baseUrl() + "/realms/" + REALM + "/aws/console?account_id=111111111111&role_name=ReadOnlyAccess");
        KeycloakLoginPage login = new KeycloakLoginPage(browser).awaitShown();
        login.signIn("erin");
        assertThat(login.awaitMessage()).contains("111111111111");
        assertThat(browser.driver().findElements(By.id("backToApplication"))).as("Keycloak's Back to Application").isEmpty();

        browser.driver().findElement(By.id("kcaws-to-portal")).click();
        new KeycloakLoginPage(browser).awaitShown().signIn("erin");
        PortalPage portal = new PortalPage(browser).awaitShown();
        assertThat(browser.driver().getCurrentUrl()).startsWith(portalUrl());
        assertThat(portal.emptyShown()).isTrue();
        assertThat(portal.accounts()).isEmpty();
    }

    @Test
    void bobSeesHisThreeAccountsByNameAndTheSearchFiltersThem() {
        PortalPage portal = signInToPortal("bob");
        assertThat(portal.user()).isNotBlank();

        assertThat(portal.visibleAccountNames()).containsExactly("acme-prod", "acme-sandbox", "acme-staging");
        assertThat(portal.accounts()).extracting(PortalPage.Account::id)
                .containsExactly("111111111111", "333333333333", "222222222222");
        assertThat(portal.accounts()).extracting(PortalPage.Account::shownId)
                .containsExactly("111111111111", "333333333333", "222222222222");
        assertThat(portal.account("111111111111").roleNames()).containsExactly("ReadOnlyAccess");
        assertThat(portal.account("333333333333").roleNames()).containsExactly("PowerUserAccess", "ReadOnlyAccess");
        assertThat(portal.account("222222222222").roleNames()).containsExactly("PowerUserAccess");
        assertThat(portal.noMatchShown()).isFalse();
        readmeScreenshot("portal.png");

        portal.search("staging");
        assertThat(portal.visibleAccountNames()).containsExactly("acme-staging");
        assertThat(portal.noMatchShown()).isFalse();
        readmeScreenshot("portal-search.png");

        portal.search("111111111111");
        assertThat(portal.visibleAccountNames()).containsExactly("acme-prod");

        portal.search("zzz");
        assertThat(portal.visibleAccountNames()).isEmpty();
        assertThat(portal.noMatchShown()).isTrue();

        portal.clearSearch();
        assertThat(portal.visibleAccountNames()).containsExactly("acme-prod", "acme-sandbox", "acme-staging");
        assertThat(portal.noMatchShown()).isFalse();
        assertThat(aws.received()).isEmpty();
    }

    @Test
    void aConsoleLinkOpensANewTabSignedInToAwsAsExactlyThatRole() {
        PortalPage portal = signInToPortal("bob");
        String portalTab = browser.driver().getWindowHandle();
        Set<String> before = browser.driver().getWindowHandles();

        portal.account("222222222222").role("PowerUserAccess").consoleLink().click();
        browser.switchToNewTab(before);

        FakeAwsPage page = new FakeAwsPage(browser).awaitShown();
        assertThat(page.result()).isEqualTo("signed in");
        assertThat(page.roleArns()).containsExactly("arn:aws:iam::222222222222:role/PowerUserAccess");
        AwsSignIn signIn = aws.awaitNextSignIn(Duration.ofSeconds(5)).accepted();
        assertThat(signIn.rolePairs()).extracting(p -> p.roleArn())
                .containsExactly("arn:aws:iam::222222222222:role/PowerUserAccess");
        assertThat(signIn.sessionDurationSeconds()).isEqualTo(28800);
        assertThat(aws.received()).hasSize(1);

        // The portal stays where it was in the first tab.
        browser.driver().switchTo().window(portalTab);
        assertThat(new PortalPage(browser).isShown()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).startsWith(portalUrl());
    }

    @Test
    void everyRoleOffersItsConsoleLinkACopyButtonAndAccessKeys() {
        PortalPage portal = signInToPortal("bob");
        Map<String, List<String>> expected = Map.of(
                "111111111111", List.of("ReadOnlyAccess"),
                "333333333333", List.of("PowerUserAccess", "ReadOnlyAccess"),
                "222222222222", List.of("PowerUserAccess"));
        for (PortalPage.Account account : portal.accounts()) {
            assertThat(account.roleNames()).as(account.id()).isEqualTo(expected.get(account.id()));
            for (PortalPage.Role role : account.roles()) {
                String what = account.id() + "/" + role.name();
                assertThat(role.consoleUrl()).as(what + " console link").isEqualTo(shortcut(account.id(), role.name()));
                assertThat(role.consoleLink().getDomAttribute("target")).as(what + " target").isEqualTo("_blank");
                assertThat(role.copyLinkButton().getDomAttribute("type")).as(what + " copy button type").isEqualTo("button");
                if (role.copyLinkData() != null) {
                    assertThat(role.copyLinkData()).as(what + " copy button data-link").isEqualTo(shortcut(account.id(), role.name()));
                }
                // Submitting must POST (with the portal's CSRF token), whether the form wraps the button or is named by it.
                assertThat(role.keysButtonForm().getDomAttribute("method")).as(what + " access keys form method").isEqualToIgnoringCase("post");
            }
        }
        assertThat(portal.signOutLink().isDisplayed()).isTrue();
    }

    @Test
    void theCopyButtonCopiesTheAbsoluteShortcutLink() {
        PortalPage portal = signInToPortal("bob");
        browser.allowClipboard(server.baseUrl());

        portal.account("333333333333").role("ReadOnlyAccess").copyLinkButton().click();

        String expected = shortcut("333333333333", "ReadOnlyAccess");
        browser.await().withMessage("the clipboard to hold " + expected).until(d -> expected.equals(browser.clipboardText()));
        assertThat(aws.received()).isEmpty();
    }

    static String shortcut(String accountId, String permissionSet) {
        return server.baseUrl() + "/realms/" + REALM + "/aws/console?account_id=" + accountId + "&role_name=" + permissionSet;
    }

    @Test
    void accessKeysAndTheirFailureShowInThePortalWithARetry() {
        // A direct grant to bob that is removed after his portal was rendered: the click fails.
        var admin = server.adminApi();
        String api = "/admin/realms/" + REALM + "/aws/assignments";
        Map<String, String> grant = Map.of("user", "bob", "accountId", "111111111111", "permissionSet", "Billing");
        admin.expect(201, "POST", api, grant);
        try (var sts = dev.kcaws.testsupport.awssts.AwsLikeSts.forSharedServer(server.baseUrl() + "/realms/" + REALM)) {
            PortalPage portal = signInToPortal("bob");
            Set<String> tabs = browser.driver().getWindowHandles();
            admin.expect(204, "DELETE", api + "?user=bob&accountId=111111111111&permissionSet=Billing", null);
            portal.account("111111111111").role("Billing").keysButton().click();

            // In the portal, in plain words, with the technical detail folded away; no new tab.
            var message = browser.await().until(d -> d.findElement(By.id("kcaws-keys-message")));
            assertThat(message.getText()).contains("111111111111").contains("Billing");
            var detail = browser.driver().findElement(By.id("kcaws-keys-detail"));
            assertThat(detail.isDisplayed()).isFalse();
            assertThat(detail.getAttribute("textContent")).contains("HTTP 403").contains("not_held");
            assertThat(browser.driver().getWindowHandles()).isEqualTo(tabs);

            // Granted again: Try again shows the keys right there.
            admin.expect(201, "POST", api, grant);
            browser.driver().findElement(By.id("kcaws-keys-retry")).click();
            var bash = browser.await().until(d -> d.findElement(By.id("kcaws-panel-bash")));
            assertThat(bash.getText()).contains("export AWS_ACCESS_KEY_ID=").contains("export AWS_SESSION_TOKEN=");
            assertThat(browser.driver().findElements(By.id("kcaws-keys-message"))).isEmpty();
            assertThat(browser.driver().getWindowHandles()).isEqualTo(tabs);
        } finally {
            admin.send("DELETE", api + "?user=bob&accountId=111111111111&permissionSet=Billing", null);
        }
    }

    @Test
    void erinWithoutAssignmentsSeesTheEmptyState() {
        PortalPage portal = signInToPortal("erin");
        assertThat(portal.emptyShown()).isTrue();
        assertThat(portal.accounts()).isEmpty();
        assertThat(portal.noMatchShown()).isFalse();
        assertThat(aws.received()).isEmpty();
    }
}
