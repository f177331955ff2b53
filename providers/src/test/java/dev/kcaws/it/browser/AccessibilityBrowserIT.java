package dev.kcaws.it.browser;

import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.AxeScan;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.browser.PortalPage;
import dev.kcaws.testsupport.browser.Viewport;
import dev.kcaws.testsupport.keycloak.BuildArtifacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An automated accessibility scan (axe-core, every rule) of every page of the bundle, on the demo
 * realm, at a desktop's width and a phone's (390 px): each view of the admin page, with its forms
 * open and showing a refused field, the portal (with access keys shown in it), the access-keys
 * page and the refusal page. No page may have a serious or critical violation, nor scroll sideways
 * at either width; every violation found (minor ones too) is printed as a figure.
 */
class AccessibilityBrowserIT extends ChromiumAgainstFakeAws {

    /** The admin page's views: lists, one of each thing, principals, the AWS side and Identity Center. */
    static final List<String> ADMIN_VIEWS = List.of("accounts", "accounts/111111111111", "permission-sets",
            "permission-sets/ReadOnlyAccess", "principals", "groups/%2FDevelopers", "users/bob", "setup", "identity-center", "assign");

    final List<AxeScan.Violation> found = new ArrayList<>();
    final List<String> overflowing = new ArrayList<>();

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    void check(Viewport viewport, String page) {
        List<AxeScan.Violation> violations = AxeScan.run(browser.driver(), page + " @" + viewport.width);
        found.addAll(violations);
        long overflow = viewport.overflow(browser);
        if (overflow > 0) {
            overflowing.add(page + " @" + viewport.width + " is " + overflow + " px too wide:\n" + viewport.widestElements(browser));
        }
    }

    void report(Viewport viewport, String what) {
        System.out.println("[figures] axe on " + what + " @" + viewport.width + " px: " + found.size() + " violations, "
                + found.stream().filter(AxeScan.Violation::blocking).count() + " serious or critical");
        found.forEach(v -> System.out.println("[axe] " + v));
        assertThat(found.stream().filter(AxeScan.Violation::blocking).toList()).as("serious or critical axe violations").isEmpty();
        assertThat(overflowing).as("pages that scroll sideways").isEmpty();
    }

    /**
     * Saves the tab at a phone's width as a README image, docs/screenshots/{name}.png of the
     * repository (the text caret hidden: it blinks); the desktop images come from the feature tests.
     */
    void readmeImage(String name, Viewport viewport) {
        if (viewport != Viewport.PHONE) {
            return;
        }
        js().executeScript("const s = document.createElement('style'); s.textContent = '* { caret-color: transparent !important; }';"
                + "document.head.appendChild(s); document.activeElement && document.activeElement.blur();");
        Path repo = BuildArtifacts.fromSystemProperties().realmDir().toAbsolutePath().normalize().getParent();
        browser.screenshot(repo.resolve("docs").resolve("screenshots").resolve(name + "-phone.png"));
    }

    /** Opens another view of the signed-in admin page and waits until it has replaced the one before. */
    void openView(AdminPage page, String view) {
        String url = AdminPage.url(server.baseUrl(), "master", REALM, view);
        if (browser.driver().getCurrentUrl().equals(url)) {
            return;
        }
        js().executeScript("const v = document.getElementById('kcaws-view'); v.firstElementChild && v.firstElementChild.setAttribute('data-stale', '');");
        browser.open(url);
        browser.await().withMessage("the view " + view).until(d -> d.findElements(By.cssSelector("#kcaws-view [data-stale]")).isEmpty()
                && d.findElements(By.cssSelector("#kcaws-view .kcaws-loading")).isEmpty());
        page.awaitLoaded();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void everyViewOfTheAdminPageHasNoSeriousViolation(Viewport viewport) {
        viewport.apply(browser);
        browser.open(AdminPage.url(server.baseUrl(), "master", REALM, "accounts"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();
        readmeImage("admin-accounts", viewport);
        for (String view : ADMIN_VIEWS) {
            openView(page, view);
            check(viewport, view);
        }
        openView(page, "accounts");
        page.click("add-account");
        page.fill("account-form", "id", "12345").submit("account-form", "save");
        assertThat(page.formError()).isNotBlank();
        check(viewport, "accounts with a refused form");
        openView(page, "permission-sets");
        page.click("add-permission-set");
        page.form("permission-set-form");
        check(viewport, "permission-sets with the form open");
        report(viewport, "the admin page");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void thePortalTheKeysPageAndTheRefusalPageHaveNoSeriousViolation(Viewport viewport) {
        viewport.apply(browser);
        // erin holds nothing: her AWS link ends on the bundle's refusal page.
        browser.open(server.baseUrl() + "/realms/" + REALM + "/aws/console?account_id=111111111111&role_name=ReadOnlyAccess");
        KeycloakLoginPage login = new KeycloakLoginPage(browser);
        login.signIn("erin");
        assertThat(login.awaitMessage()).contains("111111111111");
        check(viewport, "refusal page");
        browser.deleteCookies();

        browser.open(PortalPage.url(server.baseUrl(), REALM));
        new KeycloakLoginPage(browser).signIn("bob");
        PortalPage portal = new PortalPage(browser).awaitShown();
        check(viewport, "portal");
        readmeImage("portal", viewport);
        try (AwsLikeSts sts = AwsLikeSts.forSharedServer(server.baseUrl() + "/realms/" + REALM)) {
            portal.account("222222222222").role("PowerUserAccess").keysButton().click();
            browser.await().withMessage("the access keys in the portal").until(d -> !d.findElements(By.id("kcaws-panel-bash")).isEmpty());
            check(viewport, "portal with access keys");

            // The keys page itself, as the portal's form shows it without its script (in this tab).
            browser.open(PortalPage.url(server.baseUrl(), REALM));
            new PortalPage(browser).awaitShown();
            js().executeScript("""
                    const button = document.querySelector('li.kcaws-account[data-account-id="222222222222"] li.kcaws-role[data-role="PowerUserAccess"] button.kcaws-keys-button');
                    const form = document.getElementById(button.getAttribute('form'));
                    const access = document.createElement('input');
                    access.type = 'hidden'; access.name = 'access'; access.value = button.value;
                    form.append(access);
                    form.target = '_self';
                    form.submit();
                    """);
            browser.await().withMessage("the access-keys page").until(d -> !d.findElements(By.id("kcaws-credentials")).isEmpty());
            check(viewport, "access-keys page");
        }
        report(viewport, "the portal, keys and refusal pages");
    }
}
