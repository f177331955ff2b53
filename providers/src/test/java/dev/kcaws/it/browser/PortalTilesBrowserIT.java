package dev.kcaws.it.browser;

import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.browser.PortalPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each role of the portal tells its user, in a copy of the demo realm: the permission set's
 * description (as text, whatever an admin typed; nothing when it has none), a link labelled
 * "Management console" and an "Access keys" button each named with their role and account, and
 * every account a real heading (its name and ID) to jump between. At a phone's 390 px the header
 * and the search fit without sideways scrolling.
 */
class PortalTilesBrowserIT extends ChromiumAgainstFakeAws {

    static final String TILES = "portal-tiles";
    static final String MARKUP = "<b>Bold</b> & <img src=x onerror=\"document.title='pwned'\">";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(TILES);

    @BeforeAll
    static void setUp() {
        String api = "/admin/realms/" + TILES + "/aws";
        realm.admin().expect(201, "POST", api + "/permission-sets", Map.of("name", "Marked", "description", MARKUP));
        realm.admin().expect(201, "POST", api + "/permission-sets", Map.of("name", "Bare"));
        for (String set : List.of("Marked", "Bare")) {
            realm.admin().expect(201, "POST", api + "/assignments", Map.of("user", "bob", "accountId", "111111111111", "permissionSet", set));
        }
    }

    PortalPage signIn() {
        browser.open(PortalPage.url(server.baseUrl(), TILES));
        new KeycloakLoginPage(browser).signIn("bob");
        return new PortalPage(browser).awaitShown();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    @Test
    void eachRoleShowsItsDescriptionAndNamedConsoleAndKeysControlsUnderItsAccountsHeading() {
        PortalPage portal = signIn();
        assertThat(portal.visibleAccountNames()).containsExactly("acme-prod", "acme-sandbox", "acme-staging");

        // Every account is a heading of its own, below the page's, with its name and ID.
        @SuppressWarnings("unchecked")
        List<String> headings = (List<String>) js("return Array.from(document.querySelectorAll('#kcaws-accounts h1, #kcaws-accounts h2,"
                + " #kcaws-accounts h3, #kcaws-accounts h4, #kcaws-accounts [role=heading]')).map(h => h.tagName + ' ' + h.textContent.trim().replace(/\\s+/g, ' '))");
        assertThat(headings).containsExactly("H2 acme-prod 111111111111", "H2 acme-sandbox 333333333333", "H2 acme-staging 222222222222");
        for (PortalPage.Account account : portal.accounts()) {
            WebElement heading = account.element().findElement(By.tagName("h2"));
            assertThat(heading.findElement(By.cssSelector(".kcaws-account-name")).getText()).isEqualTo(account.name());
        }

        // The description of the permission set, as text; a set without one shows none.
        PortalPage.Account prod = portal.account("111111111111");
        assertThat(prod.roleNames()).containsExactly("Bare", "Marked", "ReadOnlyAccess");
        assertThat(description(prod.role("ReadOnlyAccess"))).isEqualTo("Read-only access to AWS services and resources.");
        assertThat(description(prod.role("Marked"))).isEqualTo(MARKUP);
        assertThat(prod.role("Marked").element().findElements(By.cssSelector("b, img"))).isEmpty();
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        assertThat(prod.role("Bare").element().findElements(By.cssSelector(".kcaws-role-description"))).isEmpty();
        assertThat(prod.role("Bare").element().getText()).doesNotContain("null");
        assertThat(description(portal.account("333333333333").role("PowerUserAccess")))
                .isEqualTo("Full access except IAM user and group management.");

        // The console link says where it goes; it, the copy button and the keys button are named with their role and account.
        for (PortalPage.Account account : portal.accounts()) {
            for (PortalPage.Role role : account.roles()) {
                String what = account.id() + "/" + role.name();
                assertThat(role.element().findElement(By.cssSelector(".kcaws-role-name")).getText()).as(what).isEqualTo(role.name());
                assertThat(role.consoleLink().getText()).as(what).isEqualTo("Management console");
                assertThat(role.consoleLink().getAccessibleName()).as(what).isEqualTo("Management console " + role.name() + " " + account.name());
                assertThat(role.keysButton().getText()).as(what).isEqualTo("Access keys");
                assertThat(role.keysButton().getAccessibleName()).as(what).isEqualTo("Access keys " + role.name() + " " + account.name());
                // The visible text starts each name (WCAG 2.5.3, label in name): a voice user says what they see.
                assertThat(role.copyLinkButton().getAccessibleName()).as(what).isEqualTo("Copy link " + role.name() + " " + account.name());
                assertThat(role.consoleUrl()).as(what).isEqualTo(server.baseUrl() + "/realms/" + TILES
                        + "/aws/console?account_id=" + account.id() + "&role_name=" + role.name());
            }
        }
        readmeScreenshot("portal-roles.png");
    }

    static String description(PortalPage.Role role) {
        return role.element().findElement(By.cssSelector(".kcaws-role-description")).getText();
    }

    @Test
    void atAPhonesWidthTheHeaderAndSearchFitWithoutSidewaysScrolling() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        PortalPage portal = signIn();
        long width = ((Number) js("return document.documentElement.clientWidth")).longValue();
        assertThat(width).as("the window's inner width").isLessThanOrEqualTo(390);

        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("sideways scrolling of the page").isLessThanOrEqualTo(0);
        for (String id : List.of("kcaws-user", "kcaws-signout", "kcaws-search", "kcaws-count")) {
            WebElement element = browser.driver().findElement(By.id(id));
            assertThat(element.isDisplayed()).as(id).isTrue();
            Map<?, ?> box = (Map<?, ?>) js("const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};", element);
            assertThat(((Number) box.get("left")).doubleValue()).as(id + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(((Number) box.get("right")).doubleValue()).as(id + " right edge").isLessThanOrEqualTo(width);
        }
        assertThat(portal.searchField().getSize().getWidth()).as("the search field's width").isGreaterThanOrEqualTo(200);
        // Every element of the page ends inside the window (a wide one inside a clipping box would not show as page overflow).
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) js("""
                const w = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('#kcaws-portal *, header, #kc-header, #kc-header-wrapper'))
                    .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > w + 0.5)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className);
                """);
        assertThat(outside).as("elements reaching past the window's right edge").isEmpty();

        portal.search("sandbox");
        assertThat(portal.visibleAccountNames()).containsExactly("acme-sandbox");
        portal.clearSearch(); // the README's phone image of the portal: AccessibilityBrowserIT
    }
}
