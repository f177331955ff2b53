package dev.kcaws.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An accessibility scan of what the tab shows now with axe-core (Deque's engine, the one browser
 * extensions and Lighthouse use): its {@code axe.min.js} comes from the test dependency
 * {@code com.deque.html.axe-core:selenium}, which bundles it; the scan injects it into the page and
 * runs every rule axe has. WebDriver runs the script outside the page's Content-Security-Policy,
 * so the pages' own policies need no exception for it.
 */
public final class AxeScan {

    /** The impacts that fail a page: what axe calls serious or critical. */
    public static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static final String AXE_SOURCE = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private AxeScan() {
    }

    /** One broken rule on one page: its id, impact, what it asks, and the elements breaking it. */
    public record Violation(String page, String rule, String impact, String help, List<String> elements) {

        public boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return page + ": " + impact + " " + rule + " (" + help + ") on " + elements;
        }
    }

    /** Runs axe on the current document; {@code page} names it in the violations. */
    public static List<Violation> run(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        js.executeScript(AXE_SOURCE);
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode violations;
        try {
            violations = JSON.readTree(String.valueOf(answer));
        } catch (IOException e) {
            throw new IllegalStateException("axe answered something that is not JSON: " + answer, e);
        }
        if (!violations.isArray()) {
            throw new IllegalStateException("axe did not run on " + page + ": " + violations);
        }
        List<Violation> found = new ArrayList<>();
        for (JsonNode v : violations) {
            List<String> elements = new ArrayList<>();
            for (JsonNode node : v.path("nodes")) {
                elements.add(node.path("target").toString() + summary(node));
            }
            found.add(new Violation(page, v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), elements));
        }
        return found;
    }

    /** What axe says about one element, shortened: the contrast figures or the failing check. */
    private static String summary(JsonNode node) {
        String text = node.path("failureSummary").asText("").replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "" : " — " + (text.length() > 240 ? text.substring(0, 240) + "…" : text);
    }

    private static String load() {
        try (InputStream in = AxeScan.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (the com.deque.html.axe-core:selenium test dependency)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
