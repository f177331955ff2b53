package dev.kcaws.iac;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.IdentityCenterRules;
import dev.kcaws.aws.Partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the realm's model means for one IAM Identity Center instance: the permission sets assigned
 * to groups in the chosen accounts, and those group assignments. Built only if Identity Center
 * can take all of it: every set's session duration, description and relay state, every group's
 * display name, and no two groups of the same display name (the Identity Store keeps display
 * names unique, so both would be pushed as one group); otherwise {@link AwsRuleViolation} naming
 * the set or group, so nothing is generated that Identity Center would refuse or get wrong.
 *
 * <p>An instance lives in one partition (its organization's), so every account must be in it.
 *
 * @param userAssignmentsLeftOut access roles mapped straight to users in these accounts: not
 *                               generated (see {@code docs/identity-center-iac.md}), but counted
 *                               so the output can say so
 * @param groupsNotPushed        groups holding access whose assignments are left out because the
 *                               realm's SCIM push does not push them (so Identity Center has no
 *                               such group to assign), by path; named in the output
 * @param instanceRegion         the Identity Center instance's region when known (from the SCIM
 *                               push's endpoint), else null
 */
public record IdentityCenterModel(String realmName, Partition partition, List<AwsAccount> accounts,
                                  List<Assignment> assignments, long userAssignmentsLeftOut,
                                  List<String> groupsNotPushed, AwsRegion instanceRegion) {

    public IdentityCenterModel(String realmName, Partition partition, List<AwsAccount> accounts, List<Assignment> assignments,
                               long userAssignmentsLeftOut) {
        this(realmName, partition, accounts, assignments, userAssignmentsLeftOut, List.of(), null);
    }

    /** A Keycloak group as Identity Center knows it once pushed: its display name is the group's name. */
    public record Group(String displayName, String keycloakPath) {
        public Group {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(keycloakPath, "keycloakPath");
        }
    }

    /** One (group, account, permission set): one {@code CreateAccountAssignment}. */
    public record Assignment(Group group, AwsAccount account, PermissionSet permissionSet) {
    }

    public IdentityCenterModel {
        if (realmName == null || realmName.isBlank()) {
            throw new IllegalArgumentException("realmName is required");
        }
        Objects.requireNonNull(partition, "partition");
        accounts = accounts.stream().sorted(Comparator.comparing(a -> a.id().value())).toList();
        for (AwsAccount account : accounts) {
            if (account.partition() != partition) {
                throw new AwsRuleViolation("accountId", AwsRule.IC_MODEL_ACCOUNT_PARTITION, account.id(), account.partition(), partition);
            }
        }
        Map<String, Group> byName = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            if (!accounts.contains(a.account())) {
                throw new IllegalArgumentException("assignment in account " + a.account().id() + " that is not in the model");
            }
            IdentityCenterRules.groupDisplayName(a.group().displayName(), a.group().keycloakPath());
            Group other = byName.putIfAbsent(a.group().displayName(), a.group());
            if (other != null && !other.keycloakPath().equals(a.group().keycloakPath())) {
                throw new AwsRuleViolation("group", AwsRule.IC_GROUP_NAME_TWICE, other.keycloakPath(), a.group().keycloakPath());
            }
        }
        assignments = assignments.stream().distinct().sorted(Comparator
                .comparing((Assignment a) -> a.permissionSet().name().value())
                .thenComparing(a -> a.account().id().value())
                .thenComparing(a -> a.group().displayName())).toList();
        for (PermissionSet set : setsOf(assignments)) {
            check(set, partition);
        }
        groupsNotPushed = groupsNotPushed == null ? List.of() : groupsNotPushed.stream().distinct().sorted().toList();
        if (instanceRegion != null && instanceRegion.partition() != partition) {
            instanceRegion = null; // a SCIM endpoint of another partition says nothing about this instance
        }
    }

    /** Every set Identity Center would refuse or take differently is refused here, naming it. */
    static void check(PermissionSet set, Partition partition) {
        String name = IdentityCenterRules.permissionSetName(set.name().value());
        IdentityCenterRules.sessionDuration(name, set.sessionDuration());
        IdentityCenterRules.description(name, set.description());
        if (set.relayState() != null) {
            if (!set.relayState().isIn(partition)) {
                throw new AwsRuleViolation("permissionSet.relayState", AwsRule.IC_RELAY_STATE_PARTITION, name, partition);
            }
            IdentityCenterRules.relayState(name, set.relayState().url());
        }
    }

    /** The assigned permission sets, once each, by name. */
    public List<PermissionSet> permissionSets() {
        return setsOf(assignments);
    }

    /** The assigned groups, once each, by display name. */
    public List<Group> groups() {
        Map<String, Group> byName = new TreeMap<>();
        assignments.forEach(a -> byName.putIfAbsent(a.group().displayName(), a.group()));
        return List.copyOf(byName.values());
    }

    private static List<PermissionSet> setsOf(List<Assignment> assignments) {
        Map<String, PermissionSet> byName = new TreeMap<>();
        assignments.forEach(a -> byName.putIfAbsent(a.permissionSet().name().value(), a.permissionSet()));
        return new ArrayList<>(byName.values());
    }
}
