package dev.kcaws.access;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AccountName;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SamlProviderName;

/** An AWS account that users can be given access to; {@code region} is optional and must be in the account's partition. */
public record AwsAccount(AccountId id, String name, Partition partition, SamlProviderName samlProvider, AwsRegion region) {

    public AwsAccount {
        if (id == null) {
            throw new AwsRuleViolation("account.id", AwsRule.REQUIRED);
        }
        name = new AccountName(name).value();
        if (partition == null) {
            throw new AwsRuleViolation("account.partition", AwsRule.PARTITION_REQUIRED);
        }
        if (samlProvider == null) {
            throw new AwsRuleViolation("account.samlProvider", AwsRule.REQUIRED);
        }
        if (region != null && region.partition() != partition) {
            throw new AwsRuleViolation("account.region", AwsRule.ACCOUNT_REGION_PARTITION, partition, region, region.partition());
        }
    }
}
