package dev.kcaws.testsupport.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;

/**
 * The page {@link FakeAwsSignin} answers a SAML POST with, as the browser shows it: AWS's verdict
 * ({@code #aws-result}: "signed in" or "rejected"), the role ARNs offered ({@code #aws-roles li})
 * and the relay state ({@code #aws-relay-state}).
 */
public final class FakeAwsPage {

    private static final By RESULT = By.id("aws-result");

    private final ChromiumBrowser browser;

    public FakeAwsPage(ChromiumBrowser browser) {
        this.browser = browser;
    }

    private WebDriver driver() {
        return browser.driver();
    }

    /** Whether the current tab is on AWS's sign-in host and shows the fake's verdict. */
    public boolean isShown() {
        String host = URI.create(driver().getCurrentUrl()).getHost();
        return host != null && (host.equals(FakeAwsSignin.SIGNIN_HOST) || host.endsWith("." + FakeAwsSignin.SIGNIN_HOST))
                && !driver().findElements(RESULT).isEmpty();
    }

    /** Waits until the browser has landed on AWS's (fake) sign-in page. */
    public FakeAwsPage awaitShown() {
        browser.await().withMessage(() -> "the AWS sign-in page, but the browser is on \"" + driver().getTitle()
                        + "\" at " + driver().getCurrentUrl() + ": " + bodyText())
                .until(d -> isShown());
        return this;
    }

    /** "signed in" or "rejected". */
    public String result() {
        return driver().findElement(RESULT).getText().trim();
    }

    public boolean signedIn() {
        return "signed in".equals(result());
    }

    /** The role ARNs AWS offers, in the assertion's order; exactly one means AWS signs straight in. */
    public List<String> roleArns() {
        return driver().findElements(By.cssSelector("#aws-roles li")).stream().map(WebElement::getText).map(String::trim).toList();
    }

    public String relayState() {
        return driver().findElement(By.id("aws-relay-state")).getText().trim();
    }

    /** AWS's message when it rejected the response; empty otherwise. */
    public String rejection() {
        return driver().findElements(By.id("aws-rejection")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public String url() {
        return driver().getCurrentUrl();
    }

    private String bodyText() {
        List<WebElement> body = driver().findElements(By.tagName("body"));
        String text = body.isEmpty() ? "" : body.get(0).getText();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
