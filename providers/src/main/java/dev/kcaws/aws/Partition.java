package dev.kcaws.aws;

import java.util.Arrays;
import java.util.Optional;

/** An AWS partition: where its ARNs, sign-in endpoint and console live. */
public enum Partition {
    AWS("aws", "signin.aws.amazon.com", "console.aws.amazon.com", "https://sts.amazonaws.com"),
    AWS_US_GOV("aws-us-gov", "signin.amazonaws-us-gov.com", "console.amazonaws-us-gov.com", "https://sts.us-gov-west-1.amazonaws.com"),
    AWS_CN("aws-cn", "signin.amazonaws.cn", "console.amazonaws.cn", "https://sts.cn-north-1.amazonaws.com.cn");

    private final String id;
    private final String signinHost;
    private final String consoleHost;
    private final String stsEndpoint;

    Partition(String id, String signinHost, String consoleHost, String stsEndpoint) {
        this.id = id;
        this.signinHost = signinHost;
        this.consoleHost = consoleHost;
        this.stsEndpoint = stsEndpoint;
    }

    /** The partition as written in ARNs: {@code aws}, {@code aws-us-gov}, {@code aws-cn}. */
    public String id() {
        return id;
    }

    public String signinHost() {
        return signinHost;
    }

    public String consoleHost() {
        return consoleHost;
    }

    public String stsEndpoint() {
        return stsEndpoint;
    }

    /** The region of the partition's global services (IAM, STS): the one to use when nothing names a region. */
    public String homeRegion() {
        return switch (this) {
            case AWS -> "us-east-1";
            case AWS_US_GOV -> "us-gov-west-1";
            case AWS_CN -> "cn-north-1";
        };
    }

    public static Optional<Partition> find(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static Partition parse(String field, String id) {
        return find(id).orElseThrow(() -> new AwsRuleViolation(field, AwsRule.PARTITION, Shown.value(id)));
    }

    @Override
    public String toString() {
        return id;
    }
}
