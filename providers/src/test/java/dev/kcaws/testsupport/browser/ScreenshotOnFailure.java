package dev.kcaws.testsupport.browser;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Saves what the browser shows when a test fails, to target/browser-tests/&lt;class&gt;.&lt;test&gt;.png,
 * before {@code @AfterEach} closes the browser.
 *
 * <pre>{@code @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);}</pre>
 */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    private final Supplier<ChromiumBrowser> browser;

    public ScreenshotOnFailure(Supplier<ChromiumBrowser> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ChromiumBrowser current = browser.get();
        if (context.getExecutionException().isEmpty() || current == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Path png = current.screenshot(ChromiumBrowser.logDir().resolve(name + ".png"));
            System.err.println("Browser at failure: " + current.driver().getCurrentUrl() + " (screenshot " + png + ")");
        } catch (RuntimeException e) {
            System.err.println("No screenshot of the failure: " + e);
        }
    }
}
