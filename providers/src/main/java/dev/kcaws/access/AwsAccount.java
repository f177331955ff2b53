package dev.kcaws.access;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AccountName;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SamlProviderName;

/** An AWS account that users can be given access to; {@code region} is optional and must be in the account's partition. */
public record AwsAccount(AccountId id, String name, Partition partition, SamlProviderName samlProvider, AwsRegion region) {

    public AwsAccount {
        if (id == null) {
            throw new AwsRuleViolation("account.id", "is required");
        }
        name = new AccountName(name).value();
        if (partition == null) {
            throw new AwsRuleViolation("account.partition", "is required (aws, aws-us-gov or aws-cn)");
        }
        if (samlProvider == null) {
            throw new AwsRuleViolation("account.samlProvider", "is required");
        }
        if (region != null && region.partition() != partition) {
            throw new AwsRuleViolation("account.region", "must be a region of the account's partition " + partition
                    + " (" + region + " is in " + region.partition() + ")");
        }
    }
}
