package dev.kcaws.bench;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.awssp.RolePair;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;

import static dev.kcaws.bench.BenchRealm.ACCOUNTS;
import static dev.kcaws.bench.BenchRealm.PORTAL_PAIRS;
import static dev.kcaws.bench.BenchRealm.PORTAL_USER;
import static dev.kcaws.bench.BenchRealm.portalAccount;
import static dev.kcaws.bench.BenchRealm.portalSet;

/**
 * {@value BenchRealm#PORTAL_USER}, who holds {@value BenchRealm#ACCOUNTS} accounts x 3 permission
 * sets: one browser signed in through the launcher portal (portal, Keycloak's sign-in, back), then
 * used for both the portal page and one-role shortcut logins with its SSO cookie.
 */
final class PortalUser {

    /** How many of the pairs {@link BenchRealm#portalAccount}/{@link BenchRealm#portalSet} name are opened at sign-in and validated. */
    static final int VALIDATED_PAIRS = 3;

    private static final String ACCOUNT_TILE = "class=\"kcaws-account\"";
    private static final String ROLE_ITEM = "class=\"kcaws-role\"";

    final BrowserSession browser;
    final String portalUrl;
    /** The first page as the browser got it: its size, and the elements a jsoup parse found. */
    final int pageBytes;
    final int pageGzipBytes;
    final int accountElements;
    final int roleElements;
    final int oneRoleChars;
    private final AwsLogin bundle;

    private PortalUser(AwsLogin bundle, BrowserSession browser, String portalUrl, Page page, int oneRoleChars) {
        this.bundle = bundle;
        this.browser = browser;
        this.portalUrl = portalUrl;
        this.oneRoleChars = oneRoleChars;
        byte[] html = page.body().getBytes(StandardCharsets.UTF_8);
        this.pageBytes = html.length;
        this.pageGzipBytes = gzipSize(html);
        Document document = page.document();
        this.accountElements = document.select(".kcaws-account").size();
        this.roleElements = document.select(".kcaws-role").size();
    }

    /**
     * Opens the portal as an anonymous visitor, signs in on Keycloak's form, checks the page it
     * comes back to (1,000 account tiles, 3,000 distinct roles), then follows the page's own console
     * links of the first {@value #VALIDATED_PAIRS} pairs (one per set) and has the AWS-like service
     * provider validate each response: exactly that one pair.
     */
    static PortalUser signIn(AwsLogin bundle, List<String> validated) {
        BrowserSession browser = new BrowserSession();
        String portalUrl = bundle.realmUrl() + "/aws/";
        Page first = browser.get(portalUrl);
        if (!first.isLoginForm()) {
            throw new AssertionError("the portal should send an anonymous visitor to Keycloak's sign-in, got " + first);
        }
        Page page = browser.submitLogin(first, PORTAL_USER, PORTAL_USER);
        if (portalBytes(page, portalUrl) < 0) {
            throw new AssertionError("after sign-in, expected the portal at " + portalUrl + " with " + ACCOUNTS + " accounts and "
                    + PORTAL_PAIRS + " roles, got " + page + " with " + count(page.body(), ACCOUNT_TILE) + " / " + count(page.body(), ROLE_ITEM));
        }
        Document document = page.document();
        Set<String> pairs = new HashSet<>();
        for (Element tile : document.select(".kcaws-account")) {
            for (Element role : tile.select(".kcaws-role")) {
                pairs.add(tile.attr("data-account-id") + ":" + role.attr("data-role"));
            }
        }
        if (pairs.size() != PORTAL_PAIRS) {
            throw new AssertionError("the portal shows " + pairs.size() + " distinct (account, role) pairs, expected " + PORTAL_PAIRS);
        }

        int chars = -1;
        for (int k = 0; k < VALIDATED_PAIRS; k++) {
            String account = portalAccount(k);
            String set = portalSet(k).name();
            Element link = document.selectFirst(".kcaws-account[data-account-id=" + account + "] .kcaws-role[data-role=" + set + "] .kcaws-console");
            if (link == null) {
                throw new AssertionError("the portal has no console link for " + account + " as " + set);
            }
            AwsSignIn signIn = bundle.judge(browser.get(link.absUrl("href"))).accepted();
            if (signIn.rolePairs().size() != 1) {
                throw new AssertionError("one-role@3000: expected 1 role pair, AWS would see " + signIn.rolePairs().size());
            }
            RolePair pair = signIn.rolePairs().get(0);
            if (!pair.accountId().equals(account) || !pair.roleName().equals(set)) {
                throw new AssertionError("the portal's link for " + account + "/" + set + " signed in as " + pair);
            }
            validated.add(LoginBenchmark.describe("p3000 " + set, signIn));
            chars = k == 0 ? signIn.responseLength() : chars;
        }
        return new PortalUser(bundle, browser, portalUrl, page, chars);
    }

    /** Repeated GETs of the portal page with the SSO cookie; each must be the full page. */
    LoginSeries portalSeries(LongSupplier serverCpu) {
        return new LoginSeries("portal@3000", browser, n -> portalUrl, serverCpu, (n, page) -> portalBytes(page, portalUrl),
                "the portal page with " + ACCOUNTS + " accounts and " + PORTAL_PAIRS + " roles");
    }

    /**
     * The pairs below {@code limit} that no one has opened yet: the ReadOnlyAccess ones were opened
     * by u1000's first pass (the access role's lookup by name is cached realm-wide), the first
     * {@value #VALIDATED_PAIRS} at sign-in.
     */
    static List<Integer> unopenedPairs(int limit) {
        List<Integer> pairs = new ArrayList<>();
        for (int k = VALIDATED_PAIRS; k < Math.min(limit, PORTAL_PAIRS); k++) {
            if (!portalSet(k).name().equals(BenchRealm.PERMISSION_SET)) {
                pairs.add(k);
            }
        }
        return pairs;
    }

    /** One-role logins of the given pairs in turn ({@code pairOf} maps the n-th login to a pair). */
    LoginSeries oneRoleSeries(String name, IntUnaryOperator pairOf, LongSupplier serverCpu) {
        return new LoginSeries(name, browser, n -> shortcutUrl(pairOf.applyAsInt(n)), serverCpu,
                (n, page) -> onePairChars(page, pairOf.applyAsInt(n)), "a SAML response with exactly that one role pair");
    }

    String shortcutUrl(int k) {
        return bundle.shortcutUrl(portalAccount(k), portalSet(k).name(), null);
    }

    /** The SAMLResponse's length if it carries exactly one Role value, the k-th pair; else -1. */
    static int onePairChars(Page page, int k) {
        String response = LoginSeries.samlResponse(page);
        if (response == null) {
            return -1;
        }
        String xml = new String(Base64.getMimeDecoder().decode(response), StandardCharsets.UTF_8);
        boolean thatPair = xml.contains("arn:aws:iam::" + portalAccount(k) + ":role/" + portalSet(k).name() + ",")
                || xml.contains("arn:aws:iam::" + portalAccount(k) + ":role/" + portalSet(k).name() + "<");
        return count(xml, ":saml-provider/") == 1 && thatPair ? response.length() : -1;
    }

    /** The page's size in UTF-8 bytes if it is the full portal page (every account tile and role); else -1. */
    static int portalBytes(Page page, String portalUrl) {
        if (page.status() != 200 || !page.url().equals(portalUrl)) {
            return -1;
        }
        String body = page.body();
        if (count(body, ACCOUNT_TILE) != ACCOUNTS || count(body, ROLE_ITEM) != PORTAL_PAIRS) {
            return -1;
        }
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    private static int gzipSize(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
