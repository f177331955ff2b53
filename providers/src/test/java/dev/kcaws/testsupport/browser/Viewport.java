package dev.kcaws.testsupport.browser;

import org.openqa.selenium.JavascriptExecutor;

import java.util.Map;

/**
 * The size the page is laid out for: a desktop window ({@link ChromiumBrowser#WIDTH}) or a phone,
 * 390 CSS pixels wide as an iPhone 12 to 15 is, emulated by Chromium itself (a mobile viewport that
 * honours the page's viewport meta, overlay scrollbars, touch), through chromedriver's CDP endpoint.
 */
public enum Viewport {

    DESKTOP(ChromiumBrowser.WIDTH, ChromiumBrowser.HEIGHT, false),
    PHONE(390, 844, true);

    public final int width;
    public final int height;
    private final boolean mobile;

    Viewport(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    /** Lays the tab out at this size from now on (pixel ratio {@code scale}: 2 for sharper screenshots). */
    public void apply(ChromiumBrowser browser, int scale) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
    }

    public void apply(ChromiumBrowser browser) {
        apply(browser, 1);
    }

    /**
     * How many CSS pixels the page is wider than this viewport (0 when nothing scrolls sideways). Compared
     * with the emulated width, not innerWidth, which a phone widens when it zooms out to fit wide content.
     */
    public long overflow(ChromiumBrowser browser) {
        Number scrollWidth = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Math.max(document.scrollingElement.scrollWidth, document.body.scrollWidth);");
        return Math.max(0, scrollWidth.longValue() - width);
    }

    /** The elements that reach past the viewport's right edge, for a failure's message. */
    public String widestElements(ChromiumBrowser browser) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("""
                const w = arguments[0];
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length > 0)
                    .slice(0, 12)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + String(e.className).replace(/\\s+/g, '.')
                        + ' right=' + Math.round(e.getBoundingClientRect().right))
                    .join('\\n');
                """, width));
    }
}
