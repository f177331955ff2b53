package dev.kcaws.aws;

import java.util.regex.Pattern;

/** An IAM managed policy ARN: AWS managed ({@code iam::aws:policy/...}) or customer managed (12-digit account). */
public record ManagedPolicyArn(String value) {

    private static final Pattern RULE = Pattern.compile(
            "arn:(aws|aws-us-gov|aws-cn):iam::(aws|\\d{12}):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");

    public static ManagedPolicyArn parse(String field, String value) {
        if (value == null || value.length() > 2048 || !RULE.matcher(value).matches()) {
            throw new AwsRuleViolation(field, AwsRule.MANAGED_POLICY_ARN, Shown.value(value));
        }
        return new ManagedPolicyArn(value);
    }
}
