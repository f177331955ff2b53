package dev.kcaws.aws;

import java.util.regex.Pattern;

/**
 * An AWS region name in one of the partitions the bundle serves, by the region patterns of AWS's
 * own endpoint data (botocore / SDK {@code partitions.json}): {@code <geo>-<direction>-<n>} in
 * {@code aws} ({@code eu-west-1}), {@code us-gov-<direction>-<n>} in {@code aws-us-gov},
 * {@code cn-<direction>-<n>} in {@code aws-cn}. The isolated partitions ({@code us-iso-*},
 * {@code us-isob-*}, {@code eu-isoe-*}, {@code us-isof-*}) and the European Sovereign Cloud
 * ({@code eusc-*}) are partitions the bundle does not serve, so their regions are refused too.
 *
 * <p>The value ends up in generated code (the Terraform provider's {@code region}), so nothing but
 * the pattern's lower-case letters, digits and dashes can ever get there.
 */
public record AwsRegion(String name, Partition partition) {

    /** Longer than any region name AWS has (the longest today is 14 characters). */
    public static final int MAX_CHARS = 32;

    private static final String DIRECTION = "(?:central|north|south|east|west|northeast|northwest|southeast|southwest)";
    private static final Pattern COMMERCIAL = Pattern.compile("(?:us|eu|ap|sa|ca|me|af|il|mx)-" + DIRECTION + "-[1-9]\\d?");
    private static final Pattern GOV_CLOUD = Pattern.compile("us-gov-" + DIRECTION + "-[1-9]\\d?");
    private static final Pattern CHINA = Pattern.compile("cn-" + DIRECTION + "-[1-9]\\d?");

    public AwsRegion {
        if (name == null || partition == null || partitionOf(name) != partition) {
            throw new AwsRuleViolation("region", AwsRule.REGION_OF_PARTITION, partition, Shown.value(name));
        }
    }

    /** The region a value names, in the partition its name says. */
    public static AwsRegion parse(String field, String value) {
        Partition partition = value == null ? null : partitionOf(value);
        if (partition == null) {
            throw new AwsRuleViolation(field, AwsRule.REGION_NAME, Shown.value(value));
        }
        return new AwsRegion(value, partition);
    }

    /** Like {@link #parse}, with no value (null or blank) meaning no region. */
    public static AwsRegion parseOptional(String field, String value) {
        return value == null || value.isBlank() ? null : parse(field, value);
    }

    private static Partition partitionOf(String name) {
        if (name.length() > MAX_CHARS) {
            return null;
        }
        if (matches(GOV_CLOUD, name)) {
            return Partition.AWS_US_GOV;
        }
        if (matches(CHINA, name)) {
            return Partition.AWS_CN;
        }
        return matches(COMMERCIAL, name) ? Partition.AWS : null;
    }

    private static boolean matches(Pattern pattern, String name) {
        return pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return name;
    }
}
