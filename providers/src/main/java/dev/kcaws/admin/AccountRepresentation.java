package dev.kcaws.admin;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AccountName;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SamlProviderName;

/** An AWS account as the admin API reads and writes it. */
public record AccountRepresentation(String id, String name, String partition, String samlProvider, String region) {

    static AccountRepresentation of(AwsAccount a) {
        return new AccountRepresentation(a.id().value(), a.name(), a.partition().id(), a.samlProvider().value(),
                a.region() == null ? null : a.region().name());
    }

    /**
     * Validates every field by AWS's rules, each on its own so that all invalid fields are reported
     * ({@link InvalidFields}); defaults: partition aws, SAML provider "keycloak".
     */
    AwsAccount toModel() {
        InvalidFields.Collector invalid = new InvalidFields.Collector();
        AccountId accountId = invalid.check(() -> new AccountId(id));
        Partition accountPartition = invalid.check(() -> partition == null ? Partition.AWS : Partition.parse("account.partition", partition));
        SamlProviderName provider = invalid.check(() -> new SamlProviderName(samlProvider == null ? "keycloak" : samlProvider));
        AwsRegion accountRegion = invalid.check(() -> AwsRegion.parseOptional("account.region", region));
        invalid.check(() -> new AccountName(name));
        invalid.throwIfAny();
        return new AwsAccount(accountId, name, accountPartition, provider, accountRegion);
    }
}
