package dev.kcaws.admin;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SamlProviderName;

/** An AWS account as the admin API reads and writes it. */
public record AccountRepresentation(String id, String name, String partition, String samlProvider, String region) {

    static AccountRepresentation of(AwsAccount a) {
        return new AccountRepresentation(a.id().value(), a.name(), a.partition().id(), a.samlProvider().value(),
                a.region() == null ? null : a.region().name());
    }

    /** Validates every field by AWS's rules; defaults: partition aws, SAML provider "keycloak". */
    AwsAccount toModel() {
        return new AwsAccount(new AccountId(id), name,
                partition == null ? Partition.AWS : Partition.parse("account.partition", partition),
                new SamlProviderName(samlProvider == null ? "keycloak" : samlProvider), AwsRegion.parseOptional("account.region", region));
    }
}
