package dev.kcaws.it;

import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher page over HTTP: sign-in, what each user sees, languages, escaping, and what a crafted request can reach. */
class PortalIT {

    static final String REALM = "portal-check";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    static Page signIn(BrowserSession browser, String user) {
        Page first = browser.get(realm.portal());
        assertThat(first.isLoginForm()).as("an anonymous visitor is sent to the realm's sign-in").isTrue();
        Page page = browser.submitLogin(first, user, user);
        assertThat(page.url()).isEqualTo(realm.portal());
        return page;
    }

    static List<String> accounts(Page page) {
        return page.document().select(".kcaws-account").eachAttr("data-account-id");
    }

    static List<String> roles(Page page, String accountId) {
        return page.document().select(".kcaws-account[data-account-id=" + accountId + "] .kcaws-role").eachAttr("data-role");
    }

    @Test
    void bobSeesHisAccountsSortedByNameWithTheirRoles() {
        Page page = signIn(new BrowserSession(), "bob");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(accounts(page)).containsExactly("111111111111", "333333333333", "222222222222"); // acme-prod, -sandbox, -staging
        assertThat(roles(page, "333333333333")).containsExactly("PowerUserAccess", "ReadOnlyAccess");
        assertThat(page.document().selectFirst("#kcaws-user").text()).isEqualTo("Bob Builder");
        Element link = page.document().selectFirst(".kcaws-account[data-account-id=222222222222] .kcaws-console");
        assertThat(link.absUrl("href")).isEqualTo(realm.aws().shortcutUrl("222222222222", "PowerUserAccess", null));
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(page.document().select("#kcaws-search")).hasSize(1);
        assertThat(page.document().select("#kcaws-empty")).isEmpty();
    }

    @Test
    void theConsoleLinkOnThePageOpensExactlyThatRole() {
        BrowserSession browser = new BrowserSession();
        Page page = signIn(browser, "bob");
        Element link = page.document().selectFirst(".kcaws-account[data-account-id=222222222222] .kcaws-role[data-role=PowerUserAccess] .kcaws-console");
        var signIn = realm.aws().judge(browser.get(link.absUrl("href"))).accepted();
        assertThat(signIn.rolePairs()).singleElement()
                .satisfies(p -> assertThat(p.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess"));
    }

    @Test
    void erinSeesTheEmptyState() {
        Page page = signIn(new BrowserSession(), "erin");
        assertThat(page.document().select("#kcaws-empty")).hasSize(1);
        assertThat(page.document().select(".kcaws-account")).isEmpty();
    }

    @Test
    void koreanForAUserWhoChoseKorean() {
        String carolId = realm.admin().findUserId(REALM, "carol").orElseThrow();
        var carol = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/users/" + carolId, null).json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) carol.with("attributes")).putArray("locale").add("ko");
        realm.admin().expect(204, "PUT", "/admin/realms/" + REALM + "/users/" + carolId, carol);
        Page korean = signIn(new BrowserSession(), "carol");
        assertThat(korean.text()).contains("AWS 계정").contains("로그아웃").contains("계정 2개, 역할 2개");
    }

    @Test
    void theLanguageMenuSwitchesAndRemembersTheLanguage() {
        BrowserSession browser = new BrowserSession();
        Page english = signIn(browser, "alice");
        // The language menu is the login theme's own (template.ftl), as on Keycloak's sign-in pages.
        Page page = browser.get(languageOption(english, "ko"));
        assertThat(page.url()).as("shown in place, as Keycloak's pages do").startsWith(realm.portal() + "?").contains("kc_locale=ko");
        assertThat(page.text()).contains("AWS 계정").contains("로그아웃");
        assertThat(browser.get(realm.portal()).text()).as("remembered on the next visit").contains("로그아웃");
        Page back = browser.get(languageOption(page, "en"));
        assertThat(back.text()).contains("AWS accounts").contains("Sign out");
        assertThat(browser.get(realm.portal() + "?kc_locale=xx").text()).as("an unsupported language changes nothing").contains("Sign out");
    }

    /**
     * Keycloak's rule for a signed-in user's GET with {@code kc_locale} (its sign-out confirmation,
     * its login endpoint): the page is shown in that language and the locale cookie is set, but the
     * language stored in the profile changes only when a sign-in is completed in that language (the
     * "Update User Locale" required action) or saved in the account console. The portal's language
     * links follow it, so a link on another site cannot change what a user has chosen.
     */
    @Test
    void aLanguageLinkChangesTheStoredLanguageOnlyWhereKeycloakWould() {
        // New realms have this action; with it Keycloak stores a language picked while signing in.
        realm.admin().send("POST", "/admin/realms/" + REALM + "/authentication/register-required-action",
                Map.of("providerId", "update_user_locale", "name", "Update User Locale"));
        realm.admin().createUser(REALM, "frank", "frank");
        setStoredLocale("frank", "en");
        BrowserSession browser = new BrowserSession();
        Page english = signIn(browser, "frank");

        Page confirmSignOut = browser.get(english.document().selectFirst("#kcaws-signout").absUrl("href"));
        Page keycloaksKorean = browser.get(languageOption(confirmSignOut, "ko"));
        assertThat(keycloaksKorean.status()).isEqualTo(200);
        assertThat(keycloaksKorean.document().selectFirst("html").attr("lang")).as("Keycloak's own page switched").isEqualTo("ko");
        assertThat(storedLocale("frank")).as("Keycloak's sign-out confirmation in Korean").isEqualTo("en");
        browser.get(realm.url() + "/protocol/openid-connect/auth?client_id=aws-portal&response_type=code&scope=openid"
                + "&redirect_uri=" + java.net.URLEncoder.encode(realm.portal(), java.nio.charset.StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&kc_locale=ko");
        assertThat(storedLocale("frank")).as("Keycloak's login endpoint with kc_locale, signed in").isEqualTo("en");

        Page korean = browser.get(languageOption(english, "ko"));
        assertThat(korean.text()).as("the portal switched").contains("로그아웃");
        assertThat(browser.cookie("KEYCLOAK_LOCALE")).hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo("ko"));
        assertThat(storedLocale("frank")).as("the portal's language link, signed in").isEqualTo("en");
        assertThat(browser.get(realm.portal()).text()).as("the stored language wins on the next visit, as on Keycloak's pages")
                .contains("Sign out");

        // Picked on the sign-in page and signed in with it: Keycloak stores it, and the portal shows it.
        BrowserSession other = new BrowserSession();
        Page login = other.get(realm.portal());
        Page koreanLogin = other.get(languageOption(login, "ko"));
        assertThat(other.submitLogin(koreanLogin, "frank", "frank").text()).contains("로그아웃");
        assertThat(storedLocale("frank")).isEqualTo("ko");
    }

    /** The URL behind an entry of the language menu of Keycloak's own pages. */
    static String languageOption(Page page, String locale) {
        Element option = page.document().selectFirst("#login-select-toggle option[value*=kc_locale=" + locale + "]");
        assertThat(option).as("language menu on " + page).isNotNull();
        return option.absUrl("value");
    }

    static void setStoredLocale(String username, String locale) {
        String id = realm.admin().findUserId(REALM, username).orElseThrow();
        var user = (com.fasterxml.jackson.databind.node.ObjectNode) realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/users/" + id, null)
                .json().deepCopy();
        var attributes = user.with("attributes");
        if (locale == null) {
            attributes.remove("locale");
        } else {
            attributes.putArray("locale").add(locale);
        }
        realm.admin().expect(204, "PUT", "/admin/realms/" + REALM + "/users/" + id, user);
    }

    static String storedLocale(String username) {
        String id = realm.admin().findUserId(REALM, username).orElseThrow();
        return realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/users/" + id, null).json()
                .path("attributes").path("locale").path(0).asText(null);
    }

    @Test
    void whatAdminsTypedIsEscaped() {
        String evil = "<script>alert('x')</script>";
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/accounts", Map.of("id", "444444444444", "name", evil + "-acct"));
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/permission-sets",
                Map.of("name", "Escaped", "description", "\"><img src=x onerror=alert(1)>"));
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/assignments",
                Map.of("user", "dave", "accountId", "444444444444", "permissionSet", "Escaped"));
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/clients", Map.of("clientId", "wiki", "name", "<b>Wiki</b>",
                "baseUrl", "https://wiki.example.com/", "enabled", true, "publicClient", true));
        Page page = signIn(new BrowserSession(), "dave");
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Wiki</b>");
        assertThat(page.document().selectFirst(".kcaws-account[data-account-id=444444444444] .kcaws-account-name").text())
                .isEqualTo(evil + "-acct");
        // Scripts only from the server's theme resources: the login theme's own and the portal's.
        assertThat(page.document().select("script[src]").eachAttr("src")).contains(page.document().selectFirst("script[src$=kcaws-portal.js]").attr("src"))
                .allSatisfy(src -> assertThat(src).contains("/resources/"));
        assertThat(page.document().select("#kcaws-apps .kcaws-app a").eachText()).containsExactly("<b>Wiki</b>");
    }

    @Test
    void aUserCannotLaunchAnotherUsersRoleByCraftingTheUrl() {
        BrowserSession browser = new BrowserSession();
        signIn(browser, "dave");
        for (String[] other : List.of(new String[] {"111111111111", "AdministratorAccess"}, new String[] {"222222222222", "PowerUserAccess"},
                new String[] {"111111111111", "Billing"})) {
            Page page = realm.aws().judge(browser.get(realm.aws().shortcutUrl(other[0], other[1], null))).refused();
            assertThat(page.status()).isEqualTo(403);
        }
    }

    @Test
    void signOutEndsTheSession() {
        BrowserSession browser = new BrowserSession();
        Page page = signIn(browser, "dave");
        Page logout = browser.get(page.document().selectFirst("#kcaws-signout").absUrl("href"));
        if (logout.document().selectFirst("form") != null && logout.status() == 200) {
            logout = browser.submitForm(logout, "form", Map.of());
        }
        assertThat(browser.get(realm.portal()).isLoginForm()).isTrue();
    }
}
