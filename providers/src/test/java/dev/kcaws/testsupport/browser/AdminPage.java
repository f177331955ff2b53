package dev.kcaws.testsupport.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/**
 * The AWS admin page at {@code /realms/{loginRealm}/aws/admin/} as the browser shows it. Its HTML
 * contract: {@code #kcaws-admin-user} (the signed-in admin), {@code #kcaws-realm} (realm select),
 * {@code #kcaws-nav a[data-view]}, {@code #kcaws-title}; the view in {@code #kcaws-view} shows
 * {@code .kcaws-loading} while it loads; elements carry {@code data-testid}s (forms, buttons, rows,
 * {@code form-error}, {@code alert-success}); form controls carry {@code name} and, for API errors,
 * {@code data-field} with {@code aria-invalid} on the field the API named.
 */
public final class AdminPage {

    private static final By USER = By.id("kcaws-admin-user");
    private static final By LOADING = By.cssSelector("#kcaws-view .kcaws-loading");

    private final ChromiumBrowser browser;

    public AdminPage(ChromiumBrowser browser) {
        this.browser = browser;
    }

    /** e.g. {@code http://localhost:8080/realms/master/aws/admin/#/acme/accounts} */
    public static String url(String keycloakBaseUrl, String loginRealm, String realm, String view) {
        return keycloakBaseUrl + "/realms/" + loginRealm + "/aws/admin/#/" + realm + "/" + view;
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Waits until an admin is signed in and the view has loaded. */
    public AdminPage awaitShown() {
        browser.await().withMessage(() -> "the AWS admin page, but the browser is on \"" + driver().getTitle() + "\" at "
                + driver().getCurrentUrl()).until(d -> !d.findElements(USER).isEmpty() && !d.findElement(USER).getText().isBlank());
        return awaitLoaded();
    }

    public AdminPage awaitLoaded() {
        browser.await().withMessage("the admin page's view to load").until(d -> d.findElements(LOADING).isEmpty());
        return this;
    }

    public String signedInUser() {
        return driver().findElement(USER).getText();
    }

    public String title() {
        return driver().findElement(By.id("kcaws-title")).getText();
    }

    public String selectedRealm() {
        return new Select(driver().findElement(By.id("kcaws-realm"))).getFirstSelectedOption().getAttribute("value");
    }

    /** The realms the realm select offers: those the signed-in admin may view. */
    public List<String> realms() {
        return new Select(driver().findElement(By.id("kcaws-realm"))).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    /**
     * Clicks an entry of the side navigation (accounts, permission-sets, principals, setup) and waits for its view;
     * on a narrow screen, where the navigation is off-canvas, opens it with the masthead's button first.
     */
    public AdminPage navigate(String view) {
        String before = title();
        WebElement toggle = driver().findElements(By.id("kcaws-nav-toggle")).stream().findFirst().orElse(null);
        if (toggle != null && toggle.isDisplayed() && !"true".equals(toggle.getDomAttribute("aria-expanded"))) {
            toggle.click();
            // Clicked once it has slid fully in, not while it moves under the pointer.
            browser.await().withMessage("the navigation to open").until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.getElementById('kcaws-sidebar').getBoundingClientRect().left >= 0")));
        }
        driver().findElement(By.cssSelector("#kcaws-nav a[data-view='" + view + "']")).click();
        browser.await().until(d -> !title().equals(before) || d.getCurrentUrl().endsWith("/" + view));
        return awaitLoaded();
    }

    public void click(String testId) {
        browser.await().until(ExpectedConditions.elementToBeClickable(testId(testId))).click();
    }

    public WebElement form(String testId) {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    /** Types into the named control of the form, replacing what it held. */
    public AdminPage fill(String formTestId, String name, String value) {
        WebElement control = form(formTestId).findElement(By.name(name));
        control.clear();
        control.sendKeys(value);
        return this;
    }

    public AdminPage choose(String formTestId, String name, String value) {
        new Select(form(formTestId).findElement(By.name(name))).selectByValue(value);
        return this;
    }

    /** Selects these values in a multiple-choice list of the form (by its data-field). */
    public AdminPage pick(String formTestId, String field, String... values) {
        Select select = new Select(form(formTestId).findElement(By.cssSelector("select[data-field='" + field + "']")));
        for (String value : values) {
            select.selectByValue(value);
        }
        return this;
    }

    /** Types into a list's search box and returns the data-id (or data-name) of the rows still shown. */
    public List<String> search(String searchTestId, String text, String rowTestId) {
        WebElement box = driver().findElement(testId(searchTestId));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(text);
        return rows(rowTestId).stream().filter(WebElement::isDisplayed)
                .map(r -> r.getAttribute("data-id") != null ? r.getAttribute("data-id") : r.getAttribute("data-name")).toList();
    }

    /** Types into the filter box of a multiple-choice list and returns the options still shown. */
    public List<String> filterPick(String formTestId, String field, String text) {
        WebElement form = form(formTestId);
        WebElement list = form.findElement(By.cssSelector("select[data-field='" + field + "']"));
        WebElement filter = list.findElement(By.xpath("./ancestor::div[contains(@class,'pf-v5-c-form__group-control')]//input[@type='search']"));
        // Typed, not clear(): the page filters on input events, which clear() does not send.
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        filter.sendKeys(text);
        // Selenium calls every option of a visible list displayed; the page hides filtered ones with the hidden property.
        return list.findElements(By.tagName("option")).stream().filter(o -> !"true".equals(o.getDomProperty("hidden")))
                .map(WebElement::getText).toList();
    }

    /** Submits the form with its primary button and waits for what follows (a new view or an error). */
    public AdminPage submit(String formTestId, String buttonTestId) {
        form(formTestId).findElement(testId(buttonTestId)).click();
        browser.await().withMessage("the form to be answered").until(d ->
                d.findElements(testId(formTestId)).isEmpty() || !d.findElements(testId("form-error")).isEmpty()
                        || !d.findElements(testId("alert-success")).isEmpty());
        return awaitLoaded();
    }

    /** The error the form shows, waiting for it. */
    public String formError() {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(testId("form-error"))).getText();
    }

    /** The data-field of the control marked invalid, or null. */
    public String invalidField(String formTestId) {
        List<WebElement> invalid = form(formTestId).findElements(By.cssSelector("[aria-invalid='true']"));
        return invalid.isEmpty() ? null : invalid.get(0).getAttribute("data-field");
    }

    public String successAlert() {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(testId("alert-success"))).getText();
    }

    public String viewError() {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(testId("view-error"))).getText();
    }

    public List<WebElement> rows(String testId) {
        return driver().findElements(testId(testId));
    }

    public WebElement row(String testId, String attribute, String value) {
        return driver().findElement(By.cssSelector("[data-testid='" + testId + "'][" + attribute + "='" + value + "']"));
    }

    /** Clicks a row's Edit button and waits for the form it opens. */
    public AdminPage clickAndEdit(WebElement row) {
        row.findElement(testId("edit")).click();
        return this;
    }

    /** Clicks a button of a row and accepts the browser's confirmation. */
    public AdminPage clickAndConfirm(WebElement row, String buttonTestId) {
        row.findElement(testId(buttonTestId)).click();
        browser.await().until(ExpectedConditions.alertIsPresent()).accept();
        browser.await().withMessage("the view to reload after the change").until(d ->
                !d.findElements(testId("alert-success")).isEmpty() || !d.findElements(By.cssSelector("[data-testid^='alert-danger']")).isEmpty());
        return awaitLoaded();
    }
}
