package dev.kcaws.aws;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the browser POSTs the SAML response: the global endpoint (us-east-1), a regional one, or
 * the GovCloud / China partition's. The endpoint also fixes the partition of every role pair.
 */
public record SigninEndpoint(Partition partition, String region) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

    public static final SigninEndpoint GLOBAL = new SigninEndpoint(Partition.AWS, null);

    public SigninEndpoint {
        if (region != null && region.isBlank()) {
            region = null;
        }
        if (region != null) {
            if (partition != Partition.AWS) {
                throw new AwsRuleViolation("endpoint.region", "regional sign-in endpoints exist only in the aws partition");
            }
            if (!REGION.matcher(region).matches()) {
                throw new AwsRuleViolation("endpoint.region", "must be an AWS region such as eu-west-1 (was '" + region + "')");
            }
        }
    }

    public static SigninEndpoint of(Partition partition) {
        return new SigninEndpoint(partition, null);
    }

    public String url() {
        String host = region == null ? partition.signinHost() : region + "." + partition.signinHost();
        return "https://" + host + "/saml";
    }

    /** The endpoint a client posts to, read back from its assertion consumer URL. */
    public static Optional<SigninEndpoint> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        for (Partition p : Partition.values()) {
            String suffix = p.signinHost() + "/saml";
            if (url.equals("https://" + suffix)) {
                return Optional.of(of(p));
            }
            if (p == Partition.AWS && url.startsWith("https://") && url.endsWith("." + suffix)) {
                String region = url.substring("https://".length(), url.length() - suffix.length() - 1);
                if (REGION.matcher(region).matches()) {
                    return Optional.of(new SigninEndpoint(p, region));
                }
            }
        }
        return Optional.empty();
    }

    /** The audience a role's trust policy checks with {@code SAML:aud}. */
    public String samlAudience() {
        return url();
    }
}
