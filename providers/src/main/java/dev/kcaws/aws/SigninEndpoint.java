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
                throw new AwsRuleViolation("endpoint.region", AwsRule.ENDPOINT_REGION_AWS_ONLY);
            }
            if (!REGION.matcher(region).matches()) {
                throw new AwsRuleViolation("endpoint.region", AwsRule.ENDPOINT_REGION, region);
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

    /**
     * An endpoint as an admin names it: {@code global} (or {@code aws}), {@code aws-us-gov},
     * {@code aws-cn}, or a known region of the aws partition. A GovCloud or China region is refused
     * rather than read as a commercial one: those partitions have one sign-in endpoint each.
     */
    public static SigninEndpoint choose(String field, String text) {
        if (text == null || text.isBlank() || text.equals("global")) {
            return GLOBAL;
        }
        Optional<Partition> partition = Partition.find(text);
        if (partition.isPresent()) {
            return of(partition.get());
        }
        Optional<Partition> regionPartition = AwsRegions.partitionOf(text);
        if (regionPartition.isEmpty()) {
            throw new AwsRuleViolation(field, AwsRule.SIGNIN_ENDPOINT, SamlAudience.shown(text));
        }
        if (regionPartition.get() != Partition.AWS) {
            throw new AwsRuleViolation(field, AwsRule.SIGNIN_ENDPOINT_ONE_PER_PARTITION, text, regionPartition.get().id());
        }
        return new SigninEndpoint(Partition.AWS, text);
    }

    /** True for the global endpoint of a partition or a known region of its own partition. */
    public boolean isKnown() {
        return region == null || AwsRegions.partitionOf(region).filter(p -> p == partition).isPresent();
    }

    /** The audience a role's trust policy checks with {@code SAML:aud}. */
    public String samlAudience() {
        return url();
    }
}
