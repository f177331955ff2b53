package dev.kcaws.testsupport.awssp;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An AWS sign-in SAML endpoint and the partition whose roles it can sign in to. */
record AwsSigninEndpoint(String url, String partition) {

    private static final Map<Pattern, String> PARTITION_BY_URL = Map.of(
            Pattern.compile("https://signin\\.aws\\.amazon\\.com/saml"), "aws",
            Pattern.compile("https://[a-z]{2}(?:-[a-z]+)+-\\d{1,2}\\.signin\\.aws\\.amazon\\.com/saml"), "aws",
            Pattern.compile("https://signin\\.amazonaws\\.cn/saml"), "aws-cn",
            Pattern.compile("https://signin\\.amazonaws-us-gov\\.com/saml"), "aws-us-gov");

    static final List<String> EXAMPLES = List.of(
            "https://signin.aws.amazon.com/saml",
            "https://<region>.signin.aws.amazon.com/saml",
            "https://signin.amazonaws.cn/saml",
            "https://signin.amazonaws-us-gov.com/saml");

    static AwsSigninEndpoint of(String postedTo) throws AwsSamlRejection {
        if (postedTo != null) {
            for (Map.Entry<Pattern, String> e : PARTITION_BY_URL.entrySet()) {
                if (e.getKey().matcher(postedTo).matches()) {
                    return new AwsSigninEndpoint(postedTo, e.getValue());
                }
            }
        }
        throw AwsSamlRule.SIGNIN_ENDPOINT_UNKNOWN.rejection("posted to " + postedTo + ", expected one of " + EXAMPLES);
    }
}
