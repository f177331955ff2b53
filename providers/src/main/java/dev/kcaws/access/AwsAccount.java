package dev.kcaws.access;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SamlProviderName;

/** An AWS account that users can be given access to. */
public record AwsAccount(AccountId id, String name, Partition partition, SamlProviderName samlProvider, String region) {

    public AwsAccount {
        if (id == null) {
            throw new AwsRuleViolation("account.id", "is required");
        }
        if (name == null || name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            throw new AwsRuleViolation("account.name", "must be 1 to 128 printable characters");
        }
        if (partition == null) {
            throw new AwsRuleViolation("account.partition", "is required (aws, aws-us-gov or aws-cn)");
        }
        if (samlProvider == null) {
            throw new AwsRuleViolation("account.samlProvider", "is required");
        }
        if (region != null && region.isBlank()) {
            region = null;
        }
    }
}
