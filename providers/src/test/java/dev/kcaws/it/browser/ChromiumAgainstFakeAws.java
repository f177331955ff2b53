package dev.kcaws.it.browser;

import dev.kcaws.testsupport.browser.ChromiumBrowser;
import dev.kcaws.testsupport.browser.FakeAwsSignin;
import dev.kcaws.testsupport.browser.ScreenshotOnFailure;
import dev.kcaws.testsupport.keycloak.BuildArtifacts;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;

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

    /**
     * Saves the tab as a README screenshot in docs/screenshots of the repository. The text caret is
     * hidden first: it blinks, and without it the same page gives the same PNG on every run.
     */
    void readmeScreenshot(String name) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "const s = document.createElement('style'); s.textContent = '* { caret-color: transparent !important; }';"
                        + "document.head.appendChild(s);");
        Path repo = BuildArtifacts.fromSystemProperties().realmDir().toAbsolutePath().normalize().getParent();
        browser.screenshot(repo.resolve("docs").resolve("screenshots").resolve(name));
    }
}
