package dev.kcaws.testsupport.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

/**
 * Keycloak's own pages as a user sees them in the browser: the username/password form
 * ({@code #username}, {@code #password}, {@code #kc-login}) and the pages that explain a refusal
 * ({@code #kc-error-message}, or an alert).
 */
public final class KeycloakLoginPage {

    private static final By FORM = By.id("kc-form-login");
    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SUBMIT = By.id("kc-login");
    /** Where Keycloak puts a message: the error page, else an alert, else a field error (as in testsupport.keycloak.Page). */
    private static final List<By> MESSAGES = List.of(
            By.cssSelector("#kc-error-message .instruction"), By.cssSelector(".kc-feedback-text"),
            By.cssSelector("[id^=input-error]"));

    private final ChromiumBrowser browser;

    public KeycloakLoginPage(ChromiumBrowser browser) {
        this.browser = browser;
    }

    private WebDriver driver() {
        return browser.driver();
    }

    /** Whether the current tab shows Keycloak's login form. */
    public boolean isShown() {
        return !driver().findElements(FORM).isEmpty();
    }

    /** Waits until the login form is shown; fails with the page's title and URL otherwise. */
    public KeycloakLoginPage awaitShown() {
        browser.await().withMessage(() -> "Keycloak's login form, but the browser is on " + where())
                .until(d -> !d.findElements(FORM).isEmpty() && d.findElement(USERNAME).isDisplayed());
        return this;
    }

    /** Types the credentials into the form and submits it with the sign-in button. */
    public void signIn(String username, String password) {
        awaitShown();
        WebElement user = driver().findElement(USERNAME);
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver().findElement(PASSWORD);
        pass.clear();
        pass.sendKeys(password);
        driver().findElement(SUBMIT).click();
    }

    /** The demo realm's convention: password = username. */
    public void signIn(String username) {
        signIn(username, username);
    }

    /** Keycloak's message on the current page (error page, alert or field error); empty if there is none. */
    public String message() {
        for (By selector : MESSAGES) {
            for (WebElement element : driver().findElements(selector)) {
                String text = element.getText().trim();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** Waits until Keycloak shows a message (e.g. a refusal) and returns it. */
    public String awaitMessage() {
        return awaitMessage(ChromiumBrowser.DEFAULT_WAIT);
    }

    public String awaitMessage(Duration timeout) {
        return browser.waitUpTo(timeout).withMessage(() -> "a Keycloak message, but the browser is on " + where())
                .until(d -> {
                    String message = message();
                    return message.isEmpty() ? null : message;
                });
    }

    private String where() {
        return "\"" + driver().getTitle() + "\" at " + driver().getCurrentUrl();
    }
}
