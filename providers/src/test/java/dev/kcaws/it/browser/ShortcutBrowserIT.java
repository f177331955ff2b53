package dev.kcaws.it.browser;

import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.browser.FakeAwsPage;
import dev.kcaws.testsupport.browser.FakeAwsSignin;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-role shortcut links in a real browser: Chromium opens the link, signs in on Keycloak's form,
 * runs Keycloak's auto-submitting SAML page, and really POSTs to https://signin.aws.amazon.com/saml,
 * which the browser resolves to a local fake that judges the response as AWS would.
 */
class ShortcutBrowserIT extends ChromiumAgainstFakeAws {

    static String shortcut(String accountId, String roleName, String destination) {
        return server.baseUrl() + "/realms/" + REALM + "/aws/console?account_id=" + accountId + "&role_name=" + roleName
                + (destination == null ? "" : "&destination=" + URLEncoder.encode(destination, StandardCharsets.UTF_8));
    }

    @Test
    void bobsStagingLinkEndsSignedInToAwsAsExactlyPowerUser() {
        browser.open(shortcut("222222222222", "PowerUserAccess", null));
        new KeycloakLoginPage(browser).signIn("bob");

        FakeAwsPage page = new FakeAwsPage(browser).awaitShown();
        assertThat(page.url()).isEqualTo(FakeAwsSignin.SAML_URL);
        assertThat(page.result()).isEqualTo("signed in");
        assertThat(page.roleArns()).containsExactly("arn:aws:iam::222222222222:role/PowerUserAccess");
        assertThat(page.relayState()).isEmpty();

        FakeAwsSignin.Received received = aws.awaitNextSignIn(Duration.ofSeconds(5));
        assertThat(received.postedTo()).isEqualTo(FakeAwsSignin.SAML_URL);
        AwsSignIn signIn = received.accepted();
        assertThat(signIn.rolePairs()).hasSize(1);
        assertThat(signIn.rolePairs().get(0).roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess");
        assertThat(signIn.signsInDirectly()).isTrue();
        assertThat(signIn.sessionDurationSeconds()).isEqualTo(28800);
        assertThat(aws.received()).hasSize(1);
    }

    @Test
    void bobsProdAdministratorLinkEndsOnKeycloaksRefusalAndAwsGetsNothing() {
        browser.open(shortcut("111111111111", "AdministratorAccess", null));
        KeycloakLoginPage keycloak = new KeycloakLoginPage(browser);
        keycloak.signIn("bob");

        assertThat(keycloak.awaitMessage()).contains("You do not have access to AWS account 111111111111 as AdministratorAccess");
        assertThat(browser.driver().getCurrentUrl()).startsWith(server.baseUrl());
        assertThat(new FakeAwsPage(browser).isShown()).isFalse();
        assertThat(aws.received()).isEmpty();
    }

    @Test
    void theDestinationTravelsAsRelayStateThroughTheBrowser() {
        String billing = "https://console.aws.amazon.com/billing/home";
        browser.open(shortcut("111111111111", "Billing", billing));
        new KeycloakLoginPage(browser).signIn("carol");

        FakeAwsPage page = new FakeAwsPage(browser).awaitShown();
        assertThat(page.roleArns()).containsExactly("arn:aws:iam::111111111111:role/Billing");
        assertThat(page.relayState()).isEqualTo(billing);
        assertThat(aws.awaitNextSignIn(Duration.ofSeconds(5)).relayState()).isEqualTo(billing);
    }
}
