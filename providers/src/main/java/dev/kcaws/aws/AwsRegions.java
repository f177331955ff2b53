package dev.kcaws.aws;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS regions of each partition the bundle signs in to, as AWS lists them (2026-11). A region
 * missing here is refused where an admin names one, so a typo or a region of another partition
 * never becomes a sign-in endpoint; a region AWS opens later is one line here.
 */
public final class AwsRegions {

    private static final Map<Partition, Set<String>> REGIONS = Map.of(
            Partition.AWS, Set.of(
                    "us-east-1", "us-east-2", "us-west-1", "us-west-2",
                    "af-south-1",
                    "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
                    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
                    "ap-southeast-7",
                    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                    "ca-central-1", "ca-west-1",
                    "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
                    "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1"),
            Partition.AWS_US_GOV, Set.of("us-gov-west-1", "us-gov-east-1"),
            Partition.AWS_CN, Set.of("cn-north-1", "cn-northwest-1"));

    private AwsRegions() {
    }

    /** The partition a known region belongs to. */
    public static Optional<Partition> partitionOf(String region) {
        return REGIONS.entrySet().stream().filter(e -> e.getValue().contains(region)).map(Map.Entry::getKey).findFirst();
    }

    public static Set<String> of(Partition partition) {
        return REGIONS.get(partition);
    }
}
