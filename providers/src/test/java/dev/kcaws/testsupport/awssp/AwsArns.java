package dev.kcaws.testsupport.awssp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IAM's ARN grammar for roles and SAML providers (aws-saml-rules.md, "ARNs and names"). */
final class AwsArns {
    static final String PARTITION = "partition";
    static final String ACCOUNT = "account";
    static final String ROLE_PATH = "path";
    static final String ROLE_NAME = "name";
    static final String PROVIDER_NAME = "name";

    private static final String PARTITIONS = "(?<partition>aws|aws-cn|aws-us-gov)";
    private static final String ACCOUNT_ID = "(?<account>\\d{12})";
    // IAM paths are printable ASCII between slashes; the ARN drops the leading slash.
    private static final Pattern ROLE = Pattern.compile(
            "arn:" + PARTITIONS + ":iam::" + ACCOUNT_ID + ":role/(?<path>(?:[\\x21-\\x7E]{1,510}/)?)(?<name>[\\w+=,.@-]{1,64})");
    private static final Pattern PROVIDER = Pattern.compile(
            "arn:" + PARTITIONS + ":iam::" + ACCOUNT_ID + ":saml-provider/(?<name>[\\w.-]{1,128})");

    private AwsArns() {
    }

    static Optional<Matcher> matchRole(String arn) {
        return matchFully(ROLE, arn);
    }

    static Optional<Matcher> matchProvider(String arn) {
        return matchFully(PROVIDER, arn);
    }

    private static Optional<Matcher> matchFully(Pattern pattern, String s) {
        Matcher m = pattern.matcher(s);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}
