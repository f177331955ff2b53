package dev.kcaws.testsupport.browser;

import dev.kcaws.testsupport.keycloak.KeycloakServer;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with AWS's sign-in host played
 * by a local {@link FakeAwsSignin}: Chromium resolves {@code signin.aws.amazon.com} (and its
 * regional subdomains) to the fake's port on 127.0.0.1, so when Keycloak's auto-submitting page
 * POSTs the SAML response to {@code https://signin.aws.amazon.com/saml}, the real browser really
 * delivers it there. Every other host name except localhost resolves to nothing, so no test can
 * reach the network by accident.
 *
 * <p>Each browser has a fresh profile in a temporary directory. {@link #close()} quits Chromium,
 * stops chromedriver and removes the profile; a shutdown hook does the same if a test forgets, and
 * a small watchdog kills both if the test JVM is killed outright.
 *
 * <p>Selenium Manager never runs (so never downloads): the driver is given to the service builder,
 * which {@code DriverFinder} checks before anything else.
 */
public final class ChromiumBrowser implements AutoCloseable {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** How long page objects wait for a page or an element by default; generous for a busy 2-core machine. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(Long.getLong("kcaws.browser.waitSeconds", 30));
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final FakeAwsSignin aws;
    private final boolean ownsAws;
    private final Path profileDir;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Process watchdog;
    private final Thread shutdownHook;
    private boolean closed;

    private ChromiumBrowser(FakeAwsSignin aws, boolean ownsAws) {
        requireInstalled();
        this.aws = aws;
        this.ownsAws = ownsAws;
        int number = COUNT.incrementAndGet();
        Path logDir = logDir();
        try {
            this.profileDir = Files.createTempDirectory("kcaws-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
        // Belt and braces: DriverFinder looks at the service's executable first, this property second,
        // and only then would it run Selenium Manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withLogFile(logDir.resolve("chromedriver-" + number + ".log").toFile())
                .build();
        Set<Long> childrenBefore = childPids();
        try {
            this.driver = new ChromeDriver(service, options(aws.port(), profileDir));
        } catch (RuntimeException e) {
            service.stop();
            killLeftovers(childrenBefore);
            deleteTree(profileDir);
            throw new IllegalStateException("Chromium did not start (chromedriver log in " + logDir + ")", e);
        }
        // Headless Chromium drops downloads unless told where they go.
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of(
                "behavior", "allow", "downloadPath", profileDir.resolve("downloads").toString()));
        this.watchdog = startWatchdog(newChromedriverPid(childrenBefore), profileDir);
        this.shutdownHook = new Thread(this::quit, "quit chromium " + number);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A browser whose AWS sign-in is {@code aws}, which the caller keeps and closes. */
    public static ChromiumBrowser withFakeAws(FakeAwsSignin aws) {
        return new ChromiumBrowser(aws, false);
    }

    /** A browser with its own fake AWS sign-in that trusts the realm's IdP metadata; closing the browser stops it. */
    public static ChromiumBrowser forRealm(KeycloakServer keycloak, String realm) {
        FakeAwsSignin aws = FakeAwsSignin.trustingRealm(keycloak, realm);
        try {
            return new ChromiumBrowser(aws, true);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public FakeAwsSignin aws() {
        return aws;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    public WebDriverWait await() {
        return waitUpTo(DEFAULT_WAIT);
    }

    /** Saves what the current tab shows (the 1280x900 viewport) as a PNG, creating parent directories. */
    public Path screenshot(Path png) {
        byte[] bytes = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Path target = png.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /**
     * Waits for a tab that was not in {@code handlesBefore} (e.g. one a {@code target="_blank"} link
     * opened), switches to it and returns its handle.
     */
    public String switchToNewTab(Set<String> handlesBefore) {
        String handle = await().withMessage("a new tab to open").until(d -> {
            Set<String> now = new HashSet<>(d.getWindowHandles());
            now.removeAll(handlesBefore);
            return now.isEmpty() ? null : now.iterator().next();
        });
        driver.switchTo().window(handle);
        return handle;
    }

    /** Closes every tab but {@code keep} and switches back to it. */
    public void closeOtherTabs(String keep) {
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(keep)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(keep);
    }

    /**
     * Lets pages of {@code origin} read and write the clipboard without asking, as a user who clicked
     * "allow" would (through chromedriver's own CDP endpoint, which needs no version-specific classes).
     */
    public void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** What the clipboard holds now, read by the current page (see {@link #allowClipboard}). */
    public String clipboardText() {
        Object text = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('clipboard error: ' + e));");
        return String.valueOf(text);
    }

    /**
     * Waits until the browser has finished downloading a file of that name and returns its path
     * (Chromium writes {@code name.crdownload} first and renames it when done).
     */
    public Path awaitDownload(String name) {
        Path file = profileDir.resolve("downloads").resolve(name);
        await().withMessage(() -> "a download of " + name + " into " + file.getParent())
                .until(d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(name + ".crdownload")));
        return file;
    }

    /** Forgets cookies of the current site (Keycloak's session when on a Keycloak page). */
    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    /** Where drivers' logs and failure screenshots go: target/browser-tests of the module. */
    public static Path logDir() {
        Path dir = Path.of("target", "browser-tests").toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    @Override
    public void close() {
        quit();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs quit() itself
        }
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("Chromium did not quit cleanly: " + e);
        } finally {
            service.stop();
            if (ownsAws) {
                aws.close();
            }
            if (watchdog != null) {
                watchdog.destroyForcibly();
            }
            // Anything still naming our profile directory (a helper that outlived quit()) goes too.
            processesUsing(profileDir).forEach(ProcessHandle::destroyForcibly);
            deleteTree(profileDir);
        }
    }

    private static ChromeOptions options(int awsPort, Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        String aws = "127.0.0.1:" + awsPort;
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--no-first-run",
                "--no-default-browser-check",
                "--password-store=basic",
                "--lang=en-US",
                "--user-data-dir=" + profileDir,
                "--window-size=" + WIDTH + "," + HEIGHT,
                // AWS's sign-in hosts are the local fake; nothing else but localhost resolves at all.
                "--host-resolver-rules=MAP " + FakeAwsSignin.SIGNIN_HOST + " " + aws
                        + ", MAP *." + FakeAwsSignin.SIGNIN_HOST + " " + aws
                        + ", MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--ignore-certificate-errors");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", profileDir.resolve("downloads").toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "en-US,en",
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false));
        return options;
    }

    private static void requireInstalled() {
        for (File file : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!file.canExecute()) {
                throw new IllegalStateException(file + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver packages (./test.sh installs them; or apt-get install chromium chromium-driver)");
            }
        }
    }

    private static Set<Long> childPids() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.current().children().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static Optional<Long> newChromedriverPid(Set<Long> childrenBefore) {
        return ProcessHandle.current().children()
                .filter(p -> !childrenBefore.contains(p.pid()))
                .filter(p -> p.info().command().map(c -> c.endsWith("chromedriver")).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    private static void killLeftovers(Set<Long> childrenBefore) {
        ProcessHandle.current().children()
                .filter(p -> !childrenBefore.contains(p.pid()))
                .filter(p -> p.info().command().map(c -> c.endsWith("chromedriver")).orElse(false))
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
    }

    private static Stream<ProcessHandle> processesUsing(Path profileDir) {
        String dir = profileDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Stream.of(args).anyMatch(a -> a.contains(dir))).orElse(false));
    }

    /**
     * Shutdown hooks do not run when the test JVM is killed (kill -9, a timed-out CI job). This shell
     * polls the JVM every 2 s and, once it is gone, kills our chromedriver and every process whose
     * command line names our unique profile directory. {@link #quit()} destroys it on a normal close.
     */
    private static Process startWatchdog(Optional<Long> chromedriverPid, Path profileDir) {
        String script = """
                jvm=$1; driver=$2; dir=$3
                while kill -0 "$jvm" 2>/dev/null; do sleep 2; done
                [ "$driver" -gt 0 ] && kill -KILL "$driver" 2>/dev/null
                for p in $(pgrep -f -- "$dir"); do [ "$p" != "$$" ] && kill -KILL "$p" 2>/dev/null; done
                rm -rf -- "$dir"
                """;
        try {
            return new ProcessBuilder("/bin/sh", "-c", script, "kcaws-chromium-watchdog",
                    String.valueOf(ProcessHandle.current().pid()), String.valueOf(chromedriverPid.orElse(0L)),
                    profileDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null; // only a safety net; close() and the shutdown hook still stop the browser
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Chromium may still be writing; a leftover temp directory is harmless
        }
    }
}
