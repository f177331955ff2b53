package dev.kcaws.testsupport.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;

import java.util.List;
import java.util.Optional;

/**
 * The employee portal at {@code /realms/{realm}/aws/} as the browser shows it. Its HTML contract:
 * {@code #kcaws-user}, {@code #kcaws-signout}, {@code #kcaws-search} (type=search);
 * {@code ul#kcaws-accounts > li.kcaws-account[data-account-id]} with {@code .kcaws-account-name},
 * {@code .kcaws-account-id} and {@code li.kcaws-role[data-role]} items, each with
 * {@code a.kcaws-console[target=_blank]}, {@code button.kcaws-copy-link[data-link]} and
 * {@code form.kcaws-keys[method=post]} holding {@code button.kcaws-keys-button} (the portal as
 * built shares one POST form that each button names with {@code form=}, and its copy buttons carry
 * no {@code data-link}; {@link Role} reads both shapes); items the search
 * filters out get the {@code hidden} attribute; {@code #kcaws-no-match} when nothing matches;
 * {@code #kcaws-empty} for a user without assignments; {@code ul#kcaws-apps} of other applications.
 */
public final class PortalPage {

    private static final By USER = By.id("kcaws-user");
    private static final By SEARCH = By.id("kcaws-search");
    private static final By ACCOUNTS = By.cssSelector("#kcaws-accounts li.kcaws-account");
    private static final By NO_MATCH = By.id("kcaws-no-match");
    private static final By EMPTY = By.id("kcaws-empty");
    private static final By SIGN_OUT = By.id("kcaws-signout");

    private final ChromiumBrowser browser;

    public PortalPage(ChromiumBrowser browser) {
        this.browser = browser;
    }

    /** The portal's address, e.g. {@code http://localhost:8080/realms/aws-demo/aws/}. */
    public static String url(String keycloakBaseUrl, String realm) {
        return keycloakBaseUrl + "/realms/" + realm + "/aws/";
    }

    private WebDriver driver() {
        return browser.driver();
    }

    public boolean isShown() {
        return !driver().findElements(USER).isEmpty() && !driver().findElements(SIGN_OUT).isEmpty();
    }

    /** Waits until the portal is shown (after a sign-in, say); fails naming where the browser is instead. */
    public PortalPage awaitShown() {
        browser.await().withMessage(() -> "the AWS portal, but the browser is on \"" + driver().getTitle() + "\" at "
                + driver().getCurrentUrl()).until(d -> isShown());
        return this;
    }

    /** Who the portal says is signed in. */
    public String user() {
        return driver().findElement(USER).getText().trim();
    }

    /** Every account item, shown or filtered out, in page order. */
    public List<Account> accounts() {
        return driver().findElements(ACCOUNTS).stream().map(Account::new).toList();
    }

    /** The account items the user can see now. */
    public List<Account> visibleAccounts() {
        return accounts().stream().filter(Account::isVisible).toList();
    }

    public List<String> visibleAccountNames() {
        return visibleAccounts().stream().map(Account::name).toList();
    }

    public Account account(String accountId) {
        return accounts().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no account " + accountId + " on the portal"));
    }

    public WebElement searchField() {
        return driver().findElement(SEARCH);
    }

    /** Replaces the search text by typing it, as a user would (each keystroke fires an input event). */
    public PortalPage search(String text) {
        WebElement field = searchField();
        clear(field);
        field.sendKeys(text);
        return this;
    }

    /** Empties the search field with the keyboard, so the page hears it. */
    public PortalPage clearSearch() {
        clear(searchField());
        return this;
    }

    private static void clear(WebElement field) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    public boolean noMatchShown() {
        return isDisplayed(NO_MATCH);
    }

    public boolean emptyShown() {
        return isDisplayed(EMPTY);
    }

    /** The names of the other applications listed in {@code #kcaws-apps}; empty if there is no such list. */
    public List<String> otherApplications() {
        return driver().findElements(By.cssSelector("#kcaws-apps li")).stream().map(WebElement::getText).map(String::trim).toList();
    }

    public WebElement signOutLink() {
        return driver().findElement(SIGN_OUT);
    }

    private boolean isDisplayed(By by) {
        return driver().findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    static boolean visible(WebElement element) {
        return element.getDomAttribute("hidden") == null && element.isDisplayed();
    }

    /** One {@code li.kcaws-account}. */
    public record Account(WebElement element) {

        public String id() {
            return element.getDomAttribute("data-account-id");
        }

        public String name() {
            return element.findElement(By.cssSelector(".kcaws-account-name")).getText().trim();
        }

        /** The ID as the page prints it (in {@code .kcaws-account-id}). */
        public String shownId() {
            return element.findElement(By.cssSelector(".kcaws-account-id")).getText().trim();
        }

        /** Shown: not filtered out by the search (no {@code hidden} attribute) and displayed. */
        public boolean isVisible() {
            return visible(element);
        }

        public List<Role> roles() {
            return element.findElements(By.cssSelector("li.kcaws-role")).stream().map(Role::new).toList();
        }

        public List<String> roleNames() {
            return roles().stream().map(Role::name).toList();
        }

        public Role role(String permissionSet) {
            return findRole(permissionSet)
                    .orElseThrow(() -> new NoSuchElementException("no role " + permissionSet + " in account " + id()));
        }

        public Optional<Role> findRole(String permissionSet) {
            return roles().stream().filter(r -> r.name().equals(permissionSet)).findFirst();
        }
    }

    /** One {@code li.kcaws-role}: a permission set the user holds in the account. */
    public record Role(WebElement element) {

        /** The permission set, from {@code data-role}. */
        public String name() {
            return element.getDomAttribute("data-role");
        }

        public WebElement consoleLink() {
            return element.findElement(By.cssSelector("a.kcaws-console"));
        }

        /** The console link as the browser resolved it (absolute). */
        public String consoleUrl() {
            return consoleLink().getDomProperty("href");
        }

        public WebElement copyLinkButton() {
            return element.findElement(By.cssSelector("button.kcaws-copy-link"));
        }

        /** The copy button's {@code data-link}, the absolute shortcut URL it copies; null if the button has none. */
        public String copyLinkData() {
            return copyLinkButton().getDomAttribute("data-link");
        }

        /** The {@code form.kcaws-keys} inside this role's item, if the page puts one there. */
        public Optional<WebElement> keysForm() {
            return element.findElements(By.cssSelector("form.kcaws-keys")).stream().findFirst();
        }

        /** The form the access-keys button submits: its own ancestor or one it names with {@code form="…"}. */
        public WebElement keysButtonForm() {
            WebElement button = keysButton();
            Object form = ((JavascriptExecutor) ((WrapsDriver) button).getWrappedDriver())
                    .executeScript("return arguments[0].form;", button);
            if (!(form instanceof WebElement element)) {
                throw new NoSuchElementException("the access-keys button of " + name() + " belongs to no form");
            }
            return element;
        }

        public WebElement keysButton() {
            return element.findElement(By.cssSelector("button.kcaws-keys-button"));
        }
    }
}
