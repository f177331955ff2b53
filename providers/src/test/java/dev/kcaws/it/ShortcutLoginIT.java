package dev.kcaws.it;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** One-role logins by shortcut link: exactly the chosen pair, and only while the user holds it. */
class ShortcutLoginIT {

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.imported("aws-demo");

    static String pair(AwsSignIn signIn) {
        assertThat(signIn.rolePairs()).hasSize(1);
        return signIn.rolePairs().get(0).accountId() + "/" + signIn.rolePairs().get(0).roleName();
    }

    @Test
    void bobOpensStagingAsPowerUserAndGetsExactlyThatPair() {
        AwsLogin.Outcome outcome = realm.aws().shortcut(new BrowserSession(), "bob", "222222222222", "PowerUserAccess", null);
        AwsSignIn signIn = outcome.accepted();
        assertThat(pair(signIn)).isEqualTo("222222222222/PowerUserAccess");
        assertThat(signIn.sessionDurationSeconds()).isEqualTo(28800);
        assertThat(signIn.signsInDirectly()).isTrue();
        assertThat(outcome.post().relayState()).isNull();
        assertThat(signIn.responseLength()).isLessThan(10_000);
    }

    @Test
    void bobCannotOpenProdAsAdministrator() {
        Page page = realm.aws().shortcut(new BrowserSession(), "bob", "111111111111", "AdministratorAccess", null).refused();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorMessage()).contains("You do not have access to AWS account 111111111111 as AdministratorAccess");
    }

    @Test
    void aSignedInUserIsRefusedToo() {
        BrowserSession browser = new BrowserSession();
        realm.aws().plain(browser, "bob").accepted();
        Page page = realm.aws().judge(browser.get(realm.aws().shortcutUrl("111111111111", "AdministratorAccess", null))).refused();
        assertThat(page.errorMessage()).contains("You do not have access");
    }

    @Test
    void theDestinationOrThePermissionSetsRelayStateLands() {
        AwsLogin.Outcome billing = realm.aws().shortcut(new BrowserSession(), "carol", "111111111111", "Billing", null);
        assertThat(pair(billing.accepted())).isEqualTo("111111111111/Billing");
        assertThat(billing.post().relayState()).isEqualTo("https://console.aws.amazon.com/billing/home");

        String ec2 = "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:";
        AwsLogin.Outcome withDestination = realm.aws().shortcut(new BrowserSession(), "bob", "111111111111", "ReadOnlyAccess", ec2);
        assertThat(pair(withDestination.accepted())).isEqualTo("111111111111/ReadOnlyAccess");
        assertThat(withDestination.post().relayState()).isEqualTo(ec2);
    }

    @Test
    void badLinksGetAClearPageBeforeAnyLogin() {
        BrowserSession browser = new BrowserSession();
        Page malformed = browser.get(realm.aws().shortcutUrl("11111111111x", "Billing", null));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorMessage()).contains("account_id must be a 12-digit AWS account ID");
        Page badName = browser.get(realm.aws().shortcutUrl("111111111111", "Not A Set", null));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.errorMessage()).contains("role_name");
        Page unknownRole = browser.get(realm.aws().shortcutUrl("111111111111", "Nope", null));
        assertThat(unknownRole.status()).isEqualTo(404);
        assertThat(unknownRole.errorMessage()).contains("Permission set Nope is not defined");
        Page unknownAccount = browser.get(realm.aws().shortcutUrl("999999999999", "Billing", null));
        assertThat(unknownAccount.status()).isEqualTo(404);
        for (String off : List.of("https://evil.example/", "http://console.aws.amazon.com/", "https://console.aws.amazon.com.evil.example/",
                "https://console.amazonaws.cn/")) {
            Page page = browser.get(realm.aws().shortcutUrl("111111111111", "Billing", off));
            assertThat(page.status()).as(off).isEqualTo(400);
            assertThat(page.errorMessage()).as(off).contains("destination");
        }
        // The rule the destination broke is said in the page's language too, not in English inside a Korean sentence.
        Page korean = new BrowserSession().language("ko").get(realm.aws().shortcutUrl("111111111111", "Billing", "https://evil.example/"));
        assertThat(korean.status()).isEqualTo(400);
        assertThat(korean.errorMessage()).isEqualTo("링크의 값이 올바르지 않습니다: destination: console.aws.amazon.com(파티션 aws의 AWS 콘솔)의 https URL이어야 합니다.");
        assertThat(malformed.isLoginForm() || badName.isLoginForm() || unknownRole.isLoginForm()).isFalse();
    }

    @Test
    void twoTabsLaunchingTwoRolesAtOnceEachGetTheirOwn() throws Exception {
        BrowserSession browser = new BrowserSession();
        realm.aws().plain(browser, "alice").accepted();
        for (int round = 0; round < 20; round++) {
            CompletableFuture<AwsLogin.Outcome> prod = CompletableFuture.supplyAsync(
                    () -> realm.aws().judge(browser.get(realm.aws().shortcutUrl("111111111111", "AdministratorAccess", null))));
            CompletableFuture<AwsLogin.Outcome> sandbox = CompletableFuture.supplyAsync(
                    () -> realm.aws().judge(browser.get(realm.aws().shortcutUrl("333333333333", "ReadOnlyAccess", null))));
            assertThat(pair(prod.get().accepted())).isEqualTo("111111111111/AdministratorAccess");
            assertThat(pair(sandbox.get().accepted())).isEqualTo("333333333333/ReadOnlyAccess");
        }
    }

    @Test
    void aPlainLoginAfterAOneRoleLoginOffersEveryPairAgain() {
        BrowserSession browser = new BrowserSession();
        assertThat(pair(realm.aws().shortcut(browser, "alice", "222222222222", "AdministratorAccess", null).accepted()))
                .isEqualTo("222222222222/AdministratorAccess");
        AwsSignIn plain = realm.aws().judge(browser.get(realm.url() + "/protocol/saml/clients/amazon-aws")).accepted();
        assertThat(plain.rolePairs()).hasSize(4);
    }

    @Test
    void aRemovedAssignmentStopsWorkingOnTheNextClickWithoutSigningInAgain() {
        AdminApi admin = realm.server().adminApi();
        String userId = admin.expect(201, "POST", "/admin/realms/aws-demo/users", Map.of("username", "frank", "email", "frank@example.com",
                "firstName", "Frank", "lastName", "Temp", "enabled", true,
                "credentials", List.of(Map.of("type", "password", "value", "frank", "temporary", false)))).createdId();
        try {
            String developers = admin.findGroupId("aws-demo", "/Developers").orElseThrow();
            admin.addUserToGroup("aws-demo", userId, developers);
            BrowserSession browser = new BrowserSession();
            assertThat(pair(realm.aws().shortcut(browser, "frank", "222222222222", "PowerUserAccess", null).accepted()))
                    .isEqualTo("222222222222/PowerUserAccess");
            admin.expect(204, "DELETE", "/admin/realms/aws-demo/users/" + userId + "/groups/" + developers, null);
            Page page = realm.aws().judge(browser.get(realm.aws().shortcutUrl("222222222222", "PowerUserAccess", null))).refused();
            assertThat(page.isLoginForm()).isFalse();
            assertThat(page.errorMessage()).contains("You do not have access");
        } finally {
            admin.delete("/admin/realms/aws-demo/users/" + userId);
        }
    }
}
