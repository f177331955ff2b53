package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import dev.kcaws.testsupport.browser.PortalPage;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's pages in a realm on a custom login theme: the example corporate theme {@code acme}
 * of the themes module (keycloak.v2 with its own colours, logo and a {@code --acme-theme} CSS marker).
 * The portal, the access-keys page and a refusal page each show that theme, and access keys still
 * work in it; a Korean user reaching a refusal reads it in Korean, and Keycloak stores the refusal
 * as its standard {@code access_denied} event with the reason as a detail.
 */
class RealmThemeBrowserIT extends ChromiumAgainstFakeAws {

    static final String THEMED = "acme-theme";
    static AdminApi admin;
    static AwsLikeSts sts;

    @BeforeAll
    static void themedRealm() {
        admin = SharedKeycloak.get().adminApi();
        ObjectNode realm = DemoRealm.copyNamed(THEMED);
        realm.put("loginTheme", "acme");
        realm.put("eventsEnabled", true);
        admin.createRealm(realm);
        sts = AwsLikeSts.forSharedServer(server.baseUrl() + "/realms/" + THEMED);
    }

    @AfterAll
    static void dropRealm() {
        if (sts != null) {
            sts.close();
        }
        if (admin != null) {
            admin.deleteRealm(THEMED);
        }
    }

    /** The acme theme's marker, read from the page's computed styles; empty when another theme is shown. */
    String themeMarker() {
        Object value = ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--acme-theme').trim();");
        return value == null ? "" : value.toString();
    }

    List<String> stylesheets() {
        return browser.driver().findElements(By.cssSelector("link[rel=stylesheet]")).stream()
                .map(l -> l.getDomAttribute("href")).toList();
    }

    @Test
    void portalAccessKeysAndARefusalShowTheRealmsThemeAndKeysStillWork() {
        browser.open(PortalPage.url(server.baseUrl(), THEMED));
        new KeycloakLoginPage(browser).signIn("bob");
        PortalPage portal = new PortalPage(browser).awaitShown();
        assertThat(themeMarker()).as("the portal in the acme theme").isEqualTo("acme");
        assertThat(stylesheets()).anySatisfy(href -> assertThat(href).contains("/login/acme/css/acme.css"))
                .anySatisfy(href -> assertThat(href).contains("/login/acme/kcaws/css/kcaws-portal.css"));
        assertThat(browser.driver().findElement(By.id("kc-header-wrapper")).getText()).as("the theme's own title text").isEqualToIgnoringCase("Acme Corp");
        assertThat(portal.visibleAccountNames()).containsExactly("acme-prod", "acme-sandbox", "acme-staging");

        int before = sts.acceptedCalls().size();
        Set<String> tabs = browser.driver().getWindowHandles();
        portal.account("222222222222").role("PowerUserAccess").keysButton().click();
        // The keys appear in the portal itself, under the role, still in the realm's theme; no new tab.
        browser.await().withMessage("the access keys in the portal").until(d -> !d.findElements(By.id("kcaws-panel-bash")).isEmpty());
        assertThat(browser.driver().getWindowHandles()).isEqualTo(tabs);
        assertThat(themeMarker()).as("the portal with the keys in the acme theme").isEqualTo("acme");
        assertThat(sts.acceptedCalls()).hasSize(before + 1);
        assertThat(sts.acceptedCalls().get(before).roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess");
        assertThat(browser.driver().findElement(By.id("kcaws-panel-bash")).getDomProperty("textContent"))
                .containsPattern("export AWS_ACCESS_KEY_ID='ASIA[A-Z0-9]+'");
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("the portal with the keys fits the window's width (long tokens wrap)").isLessThanOrEqualTo(0);

        browser.open(shortcut("111111111111", "AdministratorAccess"));
        assertThat(new KeycloakLoginPage(browser).awaitMessage())
                .isEqualTo("You do not have access to AWS account 111111111111 as AdministratorAccess.");
        assertThat(themeMarker()).as("the refusal page in the acme theme").isEqualTo("acme");
        assertThat(aws.received()).isEmpty();
    }

    @Test
    void aKoreanUserReadsTheRefusalInKoreanAndKeycloakStoresAccessDeniedWithTheReason() {
        setLocale("bob", "ko");
        try {
            browser.open(shortcut("111111111111", "AdministratorAccess"));
            new KeycloakLoginPage(browser).signIn("bob");
            assertThat(new KeycloakLoginPage(browser).awaitMessage())
                    .isEqualTo("AWS 계정 111111111111에 AdministratorAccess 권한으로 액세스할 수 없습니다.");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ko");
            assertThat(themeMarker()).isEqualTo("acme");
            assertThat(aws.received()).isEmpty();

            String bob = admin.findUserId(THEMED, "bob").orElseThrow();
            List<JsonNode> denied = new ArrayList<>();
            admin.expect(200, "GET", "/admin/realms/" + THEMED + "/events?user=" + bob, null).json()
                    .forEach(e -> {
                        if ("access_denied".equals(e.path("error").asText())) {
                            denied.add(e);
                        }
                    });
            assertThat(denied).as("access_denied events of bob").hasSize(1);
            JsonNode details = denied.get(0).path("details");
            assertThat(details.path("reason").asText()).isEqualTo("not_assigned");
            assertThat(details.path("aws_account").asText()).isEqualTo("111111111111");
            assertThat(details.path("permission_set").asText()).isEqualTo("AdministratorAccess");
        } finally {
            setLocale("bob", null);
        }
    }

    static String shortcut(String accountId, String roleName) {
        return server.baseUrl() + "/realms/" + THEMED + "/aws/console?account_id=" + accountId + "&role_name=" + roleName;
    }

    static void setLocale(String username, String locale) {
        String id = admin.findUserId(THEMED, username).orElseThrow();
        ObjectNode user = (ObjectNode) admin.expect(200, "GET", "/admin/realms/" + THEMED + "/users/" + id, null).json().deepCopy();
        ObjectNode attributes = user.with("attributes");
        if (locale == null) {
            attributes.remove("locale");
        } else {
            attributes.putArray("locale").add(locale);
        }
        admin.expect(204, "PUT", "/admin/realms/" + THEMED + "/users/" + id, user);
    }
}
