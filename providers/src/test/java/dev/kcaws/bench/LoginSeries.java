package dev.kcaws.bench;

import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * One measured series: one already signed-in browser (SSO cookie, so no password hashing in the
 * loop) opening a login URL again and again. Every iteration must end on Keycloak's SAML POST form;
 * anything else stops the benchmark, since a refused or broken login is not a login. A series can
 * bring its own {@link Check} instead (the portal page, or a login that must carry exactly one pair).
 *
 * <p>Iterations are bounded by a count and by a time budget, whichever comes first.
 */
final class LoginSeries {

    private static final String RESPONSE_FIELD = "name=\"SAMLResponse\" value=\"";

    final String name;
    private final BrowserSession browser;
    /** The URL of the n-th login (n counts all logins of the series, warm-up included). */
    private final IntFunction<String> url;
    private final Check check;
    private final String expected;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Double> roundRates = new ArrayList<>();
    /** Keycloak's process CPU time so far in ns, or -1 if unknown. */
    private final LongSupplier serverCpu;
    private long serverCpuNanos;
    private boolean serverCpuKnown = true;
    private int opened;
    private int lastSize = -1;
    private Page lastPage;

    /**
     * What an iteration must end on, judged outside the timed part: the size to report (e.g.
     * response chars, page bytes), or -1 if the page is not what the series expects.
     */
    @FunctionalInterface
    interface Check {
        int size(int n, Page page);
    }

    LoginSeries(String name, BrowserSession browser, IntFunction<String> url, LongSupplier serverCpu) {
        this(name, browser, url, serverCpu, (n, page) -> samlResponseChars(page), "a SAML response");
    }

    /** {@code expected} says what {@code check} wants, for the message when an iteration fails it. */
    LoginSeries(String name, BrowserSession browser, IntFunction<String> url, LongSupplier serverCpu, Check check, String expected) {
        this.name = name;
        this.browser = browser;
        this.url = url;
        this.serverCpu = serverCpu;
        this.check = check;
        this.expected = expected;
    }

    /** Logins that are not counted: JIT, caches and connection set-up. */
    void warmUp(int iterations, Duration budget) {
        run(iterations, budget, false);
    }

    /** One measured round; rounds of all series are interleaved so drift hits them alike. */
    void measureRound(int iterations, Duration budget) {
        long started = System.nanoTime();
        long cpuBefore = serverCpu.getAsLong();
        int done = run(iterations, budget, true);
        long cpuAfter = serverCpu.getAsLong();
        roundRates.add(done / ((System.nanoTime() - started) / 1e9));
        if (cpuBefore < 0 || cpuAfter < 0) {
            serverCpuKnown = false;
        } else {
            serverCpuNanos += cpuAfter - cpuBefore;
        }
    }

    private int run(int iterations, Duration budget, boolean record) {
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (done < iterations && System.nanoTime() < deadline) {
            int n = opened++;
            String target = url.apply(n);
            long t0 = System.nanoTime();
            Page page = browser.get(target);
            long elapsed = System.nanoTime() - t0;
            lastSize = check.size(n, page);
            lastPage = page;
            if (lastSize < 0) {
                throw new IllegalStateException(name + ": iteration " + opened + " (" + target + ") did not end on " + expected + ": " + page);
            }
            if (record) {
                nanos.add(elapsed);
            }
            done++;
        }
        return done;
    }

    /** Length of the posted SAMLResponse (base64), or -1 if the page is not Keycloak's POST form. */
    static int samlResponseChars(Page page) {
        String response = samlResponse(page);
        return response == null ? -1 : response.length();
    }

    /** The posted SAMLResponse (base64) of Keycloak's POST form, or null if the page is not that form. */
    static String samlResponse(Page page) {
        if (page.status() != 200) {
            return null;
        }
        String body = page.body();
        int start = body.indexOf(RESPONSE_FIELD);
        if (start < 0) {
            return null;
        }
        start += RESPONSE_FIELD.length();
        int end = body.indexOf('"', start);
        return end < 0 ? null : body.substring(start, end);
    }

    int count() {
        return nanos.size();
    }

    /** What the check measured on the last page (for a login series: SAMLResponse chars). */
    int lastSize() {
        return lastSize;
    }

    Page lastPage() {
        return lastPage;
    }

    List<Double> roundRates() {
        return List.copyOf(roundRates);
    }

    /** Logins per second of one sequential client: measured logins / time spent in them. */
    double loginsPerSecond() {
        long total = nanos.stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 0 : nanos.size() / (total / 1e9);
    }

    /**
     * Keycloak's CPU time (all its threads: requests, GC, JIT) per measured login, in ms; -1 if
     * unknown. Other work on the machine barely changes it, unlike wall-clock figures.
     */
    double serverCpuMillisPerLogin() {
        return !serverCpuKnown || nanos.isEmpty() ? -1 : serverCpuNanos / 1e6 / nanos.size();
    }

    double meanMillis() {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    double percentileMillis(double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
