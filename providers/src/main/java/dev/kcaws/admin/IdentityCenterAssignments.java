package dev.kcaws.admin;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.iac.IdentityCenterModel;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.iac.IdentityCenterModel.Group;
import dev.kcaws.keycloak.RoleMappingQueries;
import dev.kcaws.keycloak.RoleMappingQueries.GroupRow;
import dev.kcaws.keycloak.RoleMappingQueries.Mapping;
import dev.kcaws.scim.ScimGroupDocument;
import dev.kcaws.scim.ScimInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The group assignments of the given accounts for Identity Center: every group holding an access
 * role, directly or through a composite role mapped to it, whose permission set is defined. A
 * group is named by what the SCIM push sends as its {@code displayName} ({@link ScimGroupDocument}:
 * the Keycloak group's name). Users holding an access role directly are only counted, and groups
 * the realm's SCIM push does not push only named (see {@link IdentityCenterModel}). A handful of queries whatever the number of roles
 * ({@link RoleMappingQueries}); the answer does not depend on which groups or users the
 * downloading admin may view.
 */
final class IdentityCenterAssignments {

    private IdentityCenterAssignments() {
    }

    /**
     * @param pushedGroupIds the groups the realm's SCIM push pushes, or null when the realm has no
     *                       push enabled (its groups may reach Identity Center another way): a group
     *                       not pushed is not in Identity Center, so its assignments are left out and it is named
     * @param instanceRegion the instance's region if known, else null
     * @throws AwsRuleViolation when Identity Center cannot take what the realm holds (naming the set or group)
     */
    static IdentityCenterModel in(KeycloakSession session, RealmModel realm, Partition partition, List<AwsAccount> accounts,
                                  Set<String> pushedGroupIds, AwsRegion instanceRegion) {
        ClientModel modelClient = realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID);
        if (modelClient == null || accounts.isEmpty()) {
            return new IdentityCenterModel(realm.getName(), partition, accounts, List.of(), 0, List.of(), instanceRegion);
        }
        Map<AccountId, AwsAccount> byId = new HashMap<>();
        accounts.forEach(a -> byId.put(a.id(), a));
        AccessStore store = AccessStore.of(realm);
        Map<PermissionSetName, Optional<PermissionSet>> sets = new HashMap<>();
        Map<String, AccessName> accessByRoleId = new HashMap<>();
        store.accessRoles().forEach(entry -> {
            AccessName access = entry.getKey();
            if (byId.containsKey(access.account()) && sets.computeIfAbsent(access.permissionSet(), store::permissionSet).isPresent()) {
                accessByRoleId.put(entry.getValue().getId(), access);
            }
        });
        if (accessByRoleId.isEmpty()) {
            return new IdentityCenterModel(realm.getName(), partition, accounts, List.of(), 0, List.of(), instanceRegion);
        }

        RoleMappingQueries queries = RoleMappingQueries.of(session, realm, modelClient);
        List<Mapping<GroupRow>> mappings = new ArrayList<>(queries.groupsOf(accessByRoleId.keySet(), null));
        queries.groupsThroughComposites().stream().filter(m -> accessByRoleId.containsKey(m.roleId())).forEach(mappings::add);
        GroupPaths paths = new GroupPaths(session, realm, queries.withAncestors(mappings.stream().map(Mapping::principal).toList()));
        List<Assignment> assignments = new ArrayList<>();
        List<String> notPushed = new ArrayList<>();
        for (Mapping<GroupRow> mapping : mappings) {
            AccessName access = accessByRoleId.get(mapping.roleId());
            String path = paths.of(mapping.principal());
            if (pushedGroupIds != null && !pushedGroupIds.contains(mapping.principal().id())) {
                notPushed.add(path);
                continue;
            }
            Group group = new Group(displayName(mapping.principal(), path), path);
            assignments.add(new Assignment(group, byId.get(access.account()), sets.get(access.permissionSet()).orElseThrow()));
        }
        return new IdentityCenterModel(realm.getName(), partition, accounts, assignments, queries.userMappingCount(accessByRoleId.keySet()),
                notPushed, instanceRegion);
    }

    /** The group's displayName exactly as the SCIM push sends it. */
    private static String displayName(GroupRow group, String path) {
        try {
            return ScimGroupDocument.of(group.name(), group.id()).displayName();
        } catch (ScimInputException e) {
            throw new AwsRuleViolation("group", "displayName".equals(e.field()) ? AwsRule.IC_GROUP_NO_NAME : AwsRule.IC_GROUP_NO_ID, path);
        }
    }
}
