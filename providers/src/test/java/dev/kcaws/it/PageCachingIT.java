package dev.kcaws.it;

import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    /** All Cache-Control headers of the response as one list, as a cache reads them. */
    static String cacheControl(Page page) {
        return String.join(", ", page.headers().allValues("Cache-Control"));
    }

    static String keycloaksOwnIdpInitiatedLogin() {
        return realm.url() + "/protocol/saml/clients/amazon-aws";
    }

    @Test
    void theOneRoleAutoPostPageIsSentAsKeycloakSendsItsOwnIdpInitiatedLogin() {
        BrowserSession browser = new BrowserSession();
        realm.aws().plain(browser, "bob").accepted();

        Page keycloaks = browser.get(keycloaksOwnIdpInitiatedLogin());
        Page ours = browser.get(realm.aws().shortcutUrl("222222222222", "PowerUserAccess", null));

        assertThat(keycloaks.samlPost()).isNotNull();
        assertThat(ours.samlPost()).isNotNull();
        assertThat(cacheControl(keycloaks)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
        assertThat(cacheControl(ours)).as("the one-role page with its signed SAML response").isEqualTo(cacheControl(keycloaks));
    }

    @Test
    void theShortcutsSignInAndRefusalPagesAreNotStoredEither() {
        BrowserSession anonymous = new BrowserSession();
        Page keycloaksLogin = anonymous.get(keycloaksOwnIdpInitiatedLogin());
        Page ourLogin = new BrowserSession().get(realm.aws().shortcutUrl("222222222222", "PowerUserAccess", null));
        assertThat(ourLogin.isLoginForm()).isTrue();
        assertThat(cacheControl(ourLogin)).isEqualTo(cacheControl(keycloaksLogin)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        BrowserSession bob = new BrowserSession();
        realm.aws().plain(bob, "bob").accepted();
        Page refused = realm.aws().judge(bob.get(realm.aws().shortcutUrl("111111111111", "AdministratorAccess", null))).refused();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(cacheControl(refused)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        Page malformed = bob.get(realm.aws().shortcutUrl("11111111111x", "Billing", null));
        Page unknown = bob.get(realm.aws().shortcutUrl("999999999999", "Billing", null));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(cacheControl(malformed)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
        assertThat(cacheControl(unknown)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
    }

    @Test
    void thePortalAndItsErrorPagesAreNotStored() {
        BrowserSession browser = new BrowserSession();
        Page page = browser.login(realm.portal(), "bob", "bob");
        assertThat(page.url()).isEqualTo(realm.portal());
        assertThat(page.document().select(".kcaws-account")).isNotEmpty();
        assertThat(cacheControl(page)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        Page signInFailed = new BrowserSession().get(realm.portal() + "?code=stale");
        assertThat(signInFailed.status()).isEqualTo(400);
        assertThat(cacheControl(signInFailed)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
    }

    @Test
    void theAccessKeysPageAndItsRefusalsAreNotStored() {
        BrowserSession browser = new BrowserSession();
        Page page = browser.login(realm.portal(), "bob", "bob");
        String csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");

        Page notHeld = browser.post(realm.portal() + "credentials", Map.of("csrf", csrf, "access", "111111111111:AdministratorAccess"));
        Page forged = browser.post(realm.portal() + "credentials", Map.of("csrf", "forged", "access", "222222222222:PowerUserAccess"));
        Page anonymous = new BrowserSession().post(realm.portal() + "credentials", Map.of("csrf", "x", "access", "222222222222:PowerUserAccess"));
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
        Page shell = new BrowserSession().get(realm.server().baseUrl() + "/realms/master/aws/admin/");
        assertThat(shell.status()).isEqualTo(200);
        assertThat(cacheControl(shell)).isEqualTo(KEYCLOAK_LOGIN_PAGES);

        Page notSetUp = new BrowserSession().get(realm.url() + "/aws/admin/");
        assertThat(notSetUp.status()).isEqualTo(404);
        assertThat(cacheControl(notSetUp)).isEqualTo(KEYCLOAK_LOGIN_PAGES);
    }
}
