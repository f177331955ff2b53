package dev.kcaws.it.browser;

import dev.kcaws.testsupport.browser.ChromiumBrowser;
import dev.kcaws.testsupport.browser.FakeAwsSignin;
import dev.kcaws.testsupport.browser.ScreenshotOnFailure;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test shares: the shared server's demo realm, one fake AWS sign-in trusting
 * it, and a fresh Chromium (fresh profile, no Keycloak session) per test, screenshotted on failure.
 */
abstract class ChromiumAgainstFakeAws {

    static final String REALM = "aws-demo";

    static KeycloakServer server;
    static FakeAwsSignin aws;
    ChromiumBrowser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void server() {
        server = SharedKeycloak.get();
        aws = FakeAwsSignin.trustingRealm(server, REALM);
    }

    @AfterAll
    static void stopAws() {
        if (aws != null) {
            aws.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        aws.forget();
        browser = ChromiumBrowser.withFakeAws(aws);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
