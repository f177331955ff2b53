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
 * anything else stops the benchmark, since a refused or broken login is not a login.
 *
 * <p>Iterations are bounded by a count and by a time budget, whichever comes first.
 */
final class LoginSeries {

    private static final String RESPONSE_FIELD = "name=\"SAMLResponse\" value=\"";

    final String name;
    private final BrowserSession browser;
    /** The URL of the n-th login (n counts all logins of the series, warm-up included). */
    private final IntFunction<String> url;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Double> roundRates = new ArrayList<>();
    /** Keycloak's process CPU time so far in ns, or -1 if unknown. */
    private final LongSupplier serverCpu;
    private long serverCpuNanos;
    private boolean serverCpuKnown = true;
    private int opened;
    private int lastResponseChars = -1;

    LoginSeries(String name, BrowserSession browser, IntFunction<String> url, LongSupplier serverCpu) {
        this.name = name;
        this.browser = browser;
        this.url = url;
        this.serverCpu = serverCpu;
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
            String target = url.apply(opened++);
            long t0 = System.nanoTime();
            Page page = browser.get(target);
            long elapsed = System.nanoTime() - t0;
            lastResponseChars = samlResponseChars(page);
            if (lastResponseChars < 0) {
                throw new IllegalStateException(name + ": login " + opened + " (" + target + ") did not end on a SAML response: " + page);
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
        if (page.status() != 200) {
            return -1;
        }
        String body = page.body();
        int start = body.indexOf(RESPONSE_FIELD);
        if (start < 0) {
            return -1;
        }
        start += RESPONSE_FIELD.length();
        int end = body.indexOf('"', start);
        return end < 0 ? -1 : end - start;
    }

    int count() {
        return nanos.size();
    }

    int lastResponseChars() {
        return lastResponseChars;
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
