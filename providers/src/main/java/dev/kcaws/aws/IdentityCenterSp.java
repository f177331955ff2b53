package dev.kcaws.aws;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM Identity Center as a SAML service provider, as its console shows it under Settings → Identity
 * source → Manage authentication (or in the service-provider metadata it offers for download): the
 * issuer URL, which is its entity ID and so the audience the IdP must send, and its assertion
 * consumer service (ACS) URLs, where the browser posts the response.
 *
 * <p>AWS's forms (IAM Identity Center user guide, "Assertion Consumer Service (ACS) endpoints"):
 * <ul>
 *   <li>issuer {@code https://<region>.signin.aws.amazon.com/platform/saml/<id>} (the ID is the
 *       identity store's, {@code d-xxxxxxxxxx});</li>
 *   <li>ACS, IPv4 only: {@code https://<region>.signin.aws/platform/saml/acs/<tenant id>};</li>
 *   <li>ACS, dual-stack: {@code https://<region>.sso.signin.aws/platform/saml/acs/<tenant id>};</li>
 *   <li>ACS, the older form instances created before February 2026 still have:
 *       {@code https://<region>.signin.aws.amazon.com/platform/saml/acs/<tenant id>}.</li>
 * </ul>
 * The issuer is also accepted on the {@code signin.aws} host, the domain AWS moved its ACS URLs to.
 * Only regions of the {@code aws} partition: AWS documents no Identity Center sign-in host for
 * GovCloud or China. A multi-Region instance lists one ACS URL per Region and stack; the first is
 * the one the metadata marks as default (else the lowest index), where IdP-initiated sign-in posts.
 */
public record IdentityCenterSp(String issuer, List<String> acsUrls) {

    /** Longer than any URL of these forms (the IDs are at most 128 characters). */
    public static final int MAX_URL_CHARS = 300;
    /** Two stacks and the older form for each of AWS's Regions fit many times over. */
    public static final int MAX_ACS_URLS = 64;

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9-]{0,127}";
    private static final Pattern ACS = Pattern.compile(
            "https://([a-z0-9-]{1,32})\\.(?:sso\\.signin\\.aws|signin\\.aws|signin\\.aws\\.amazon\\.com)/platform/saml/acs/(" + ID + ")");
    private static final Pattern ISSUER = Pattern.compile(
            "https://([a-z0-9-]{1,32})\\.(?:signin\\.aws\\.amazon\\.com|signin\\.aws)/platform/saml/(" + ID + ")");
    private static final Pattern START_URL = Pattern.compile(
            "https://[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.awsapps\\.com/start/?(?:#/?)?"
                    + "|https://ssoins-[a-z0-9]{1,32}\\.([a-z0-9-]{1,32})\\.portal\\.amazonaws\\.com/?"
                    + "|https://ssoins-[a-z0-9]{1,32}\\.portal\\.([a-z0-9-]{1,32})\\.app\\.aws/?");

    public IdentityCenterSp {
        issuer(ISSUER_FIELD, issuer);
        if (acsUrls == null || acsUrls.isEmpty()) {
            throw new AwsRuleViolation(ACS_FIELD, AwsRule.MISSING);
        }
        if (acsUrls.size() > MAX_ACS_URLS) {
            throw new AwsRuleViolation(ACS_FIELD, AwsRule.IC_ACS_URLS_MAX, MAX_ACS_URLS, acsUrls.size());
        }
        acsUrls.forEach(url -> acsUrl(ACS_FIELD, url));
        acsUrls = List.copyOf(acsUrls);
    }

    static final String ISSUER_FIELD = "issuer";
    static final String ACS_FIELD = "acsUrl";

    /** Where IdP-initiated sign-in posts: the metadata's default ACS URL, or the one given. */
    public String primaryAcsUrl() {
        return acsUrls.get(0);
    }

    /** An issuer URL of Identity Center, else a violation of {@code field} that says what was wrong. */
    public static String issuer(String field, String value) {
        String url = present(field, value);
        Matcher m = ISSUER.matcher(url);
        if (!m.matches() || "acs".equals(m.group(2))) {
            AwsRule rule = ACS.matcher(url).matches() ? AwsRule.IC_ISSUER_IS_ACS : AwsRule.IC_ISSUER;
            throw new AwsRuleViolation(field, rule, Shown.value(url));
        }
        region(field, m.group(1));
        return url;
    }

    /** An ACS URL of Identity Center, else a violation of {@code field} that says what was wrong. */
    public static String acsUrl(String field, String value) {
        String url = present(field, value);
        Matcher m = ACS.matcher(url);
        if (!m.matches()) {
            Matcher issuer = ISSUER.matcher(url);
            AwsRule rule = issuer.matches() ? AwsRule.IC_ACS_IS_ISSUER : AwsRule.IC_ACS;
            throw new AwsRuleViolation(field, rule, Shown.value(url));
        }
        region(field, m.group(1));
        return url;
    }

    /**
     * The AWS access portal URL users start at (Identity Center's settings, "AWS access portal
     * URL"): {@code https://<d-id or alias>.awsapps.com/start}, or a Region's
     * {@code https://ssoins-<id>.<region>.portal.amazonaws.com} or {@code https://ssoins-<id>.portal.<region>.app.aws}.
     */
    public static String accessPortalUrl(String field, String value) {
        String url = present(field, value);
        Matcher m = START_URL.matcher(url);
        if (!m.matches()) {
            throw new AwsRuleViolation(field, AwsRule.IC_ACCESS_PORTAL, Shown.value(url));
        }
        String region = m.group(1) != null ? m.group(1) : m.group(2);
        if (region != null) {
            region(field, region);
        }
        return url;
    }

    private static String present(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new AwsRuleViolation(field, AwsRule.MISSING);
        }
        if (value.length() > MAX_URL_CHARS) {
            throw new AwsRuleViolation(field, AwsRule.MAX_CHARS_WAS, MAX_URL_CHARS, value.length());
        }
        return value;
    }

    private static void region(String field, String name) {
        AwsRegion region;
        try {
            region = AwsRegion.parse(field, name);
        } catch (AwsRuleViolation e) {
            throw new AwsRuleViolation(field, AwsRule.IC_NO_REGION, name);
        }
        if (region.partition() != Partition.AWS) {
            throw new AwsRuleViolation(field, AwsRule.IC_REGION_PARTITION, name);
        }
    }
}
