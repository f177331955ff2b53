package dev.kcaws.iac;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One account and the permission sets assigned in it: the IAM side of that account is its SAML
 * provider plus one role per set. Sets are kept once each, sorted by name, so the output is stable.
 */
public record AccountPermissionSets(AwsAccount account, List<PermissionSet> permissionSets) {

    public AccountPermissionSets {
        Objects.requireNonNull(account, "account");
        Map<String, PermissionSet> byName = new LinkedHashMap<>();
        (permissionSets == null ? List.<PermissionSet>of() : permissionSets).stream()
                .sorted(Comparator.comparing(s -> s.name().value()))
                .forEach(s -> byName.putIfAbsent(s.name().value(), s));
        permissionSets = List.copyOf(byName.values());
    }
}
