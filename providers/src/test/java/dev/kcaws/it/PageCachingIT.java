package dev.kcaws.it;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What browsers and proxies may keep of the bundle's pages: nothing. The one-role page carries a
 * signed SAML response (a bearer credential for the AWS console until it expires), so it is sent
 * exactly as Keycloak sends its own IdP-initiated SAML login; every other page gets the same.
 */
class PageCachingIT {

    static final String REALM = "page-caching";
    /** What Keycloak's own login endpoints send ({@code CacheControlUtil.noBackButtonCacheControlHeader}). */
    static final String KEYCLOAK_LOGIN_PAGES = "no-store, must-revalidate, max-age=0";

    static AdminApi admin;
    static AwsLogin aws;
    static String portal;

    @BeforeAll
    static void realm() {
        admin = SharedKeycloak.get().adminApi();
        admin.createRealm(DemoRealm.copyNamed(REALM));
        aws = AwsLogin.to(SharedKeycloak.get(), REALM);
        portal = aws.realmUrl() + "/aws/";
    }

    @AfterAll
    static void cleanUp() {
        admin.deleteRealm(REALM);
    }

    /** All Cache-Control headers of the response as one list, as a cache reads them. */
    static String cacheControl(Page page) {
        return String.join(", ", page.headers().allValues("Cache-Control"));
    }

    static String keycloaksOwnIdpInitiatedLogin() {
        return aws.realmUrl() + "/protocol/saml/clients/amazon-aws";
    }

    @Test
    void theOneRoleAutoPostPageIsSentAsKeycloakSendsItsOwnIdpInitiatedLogin() {
        BrowserSession browser = new BrowserSession();
        aws.plain(browser, "bob").accepted();

        Page keycloaks = browser.get(keycloaksOwnIdpInitiatedLogin());
        Page ours = browser.get(aws.shortcutUrl("222222222222", "PowerUserAccess", null));

        assertThat(keycloaks.samlPost()).isNotNull();
        assertThat(ours.samlPost()).isNotNull();
        assertThat(cacheControl(keycloaks)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
        assertThat(cacheControl(ours)).as("the one-role page with its signed SAML response").isEqualTo(cacheControl(keycloaks));
    }

    @Test
    void theShortcutsSignInAndRefusalPagesAreNotStoredEither() {
        BrowserSession anonymous = new BrowserSession();
        Page keycloaksLogin = anonymous.get(keycloaksOwnIdpInitiatedLogin());
        Page ourLogin = new BrowserSession().get(aws.shortcutUrl("222222222222", "PowerUserAccess", null));
        assertThat(ourLogin.isLoginForm()).isTrue();
        assertThat(cacheControl(ourLogin)).isEqualTo(cacheControl(keycloaksLogin)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        BrowserSession bob = new BrowserSession();
        aws.plain(bob, "bob").accepted();
        Page refused = aws.judge(bob.get(aws.shortcutUrl("111111111111", "AdministratorAccess", null))).refused();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(cacheControl(refused)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        Page malformed = bob.get(aws.shortcutUrl("11111111111x", "Billing", null));
        Page unknown = bob.get(aws.shortcutUrl("999999999999", "Billing", null));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(cacheControl(malformed)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
        assertThat(cacheControl(unknown)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
    }

    @Test
    void thePortalAndItsErrorPagesAreNotStored() {
        BrowserSession browser = new BrowserSession();
        Page page = browser.login(portal, "bob", "bob");
        assertThat(page.url()).isEqualTo(portal);
        assertThat(page.document().select(".kcaws-account")).isNotEmpty();
        assertThat(cacheControl(page)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        Page signInFailed = new BrowserSession().get(portal + "?code=stale");
        assertThat(signInFailed.status()).isEqualTo(400);
        assertThat(cacheControl(signInFailed)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
    }

    @Test
    void theAccessKeysPageAndItsRefusalsAreNotStored() {
        BrowserSession browser = new BrowserSession();
        Page page = browser.login(portal, "bob", "bob");
        String csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");

        Page notHeld = browser.post(portal + "credentials", Map.of("csrf", csrf, "access", "111111111111:AdministratorAccess"));
        Page forged = browser.post(portal + "credentials", Map.of("csrf", "forged", "access", "222222222222:PowerUserAccess"));
        Page anonymous = new BrowserSession().post(portal + "credentials", Map.of("csrf", "x", "access", "222222222222:PowerUserAccess"));
        assertThat(notHeld.status()).isEqualTo(403);
        assertThat(notHeld.errorMessage()).contains("You do not have access to AWS account 111111111111");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        for (Page refusal : new Page[] {notHeld, forged, anonymous}) {
            assertThat(cacheControl(refusal)).as(refusal.toString()).isEqualTo(KEYCLOAK_LOGIN_PAGES);
        }
        // The page with credentials itself (200, after STS) is checked in AccessKeysIT, which runs an STS.
    }

    @Test
    void theAdminPageShellIsNotStored() {
        Page shell = new BrowserSession().get(SharedKeycloak.get().baseUrl() + "/realms/master/aws/admin/");
        assertThat(shell.status()).isEqualTo(200);
        assertThat(cacheControl(shell)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        Page notSetUp = new BrowserSession().get(aws.realmUrl() + "/aws/admin/");
        assertThat(notSetUp.status()).isEqualTo(404);
        assertThat(cacheControl(notSetUp)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
    }
}
