package dev.kcaws.admin;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
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

/**
 * The group assignments of the given accounts for Identity Center: every group holding an access
 * role, directly or through a composite role mapped to it, whose permission set is defined. A
 * group is named by what the SCIM push sends as its {@code displayName} ({@link ScimGroupDocument}:
 * the Keycloak group's name). Users holding an access role directly are only counted (see
 * {@link IdentityCenterModel}). A handful of queries whatever the number of roles
 * ({@link RoleMappingQueries}); the answer does not depend on which groups or users the
 * downloading admin may view.
 */
final class IdentityCenterAssignments {

    private IdentityCenterAssignments() {
    }

    /** @throws AwsRuleViolation when Identity Center cannot take what the realm holds (naming the set or group) */
    static IdentityCenterModel in(KeycloakSession session, RealmModel realm, Partition partition, List<AwsAccount> accounts) {
        ClientModel modelClient = realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID);
        if (modelClient == null || accounts.isEmpty()) {
            return new IdentityCenterModel(realm.getName(), partition, accounts, List.of(), 0);
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
            return new IdentityCenterModel(realm.getName(), partition, accounts, List.of(), 0);
        }

        RoleMappingQueries queries = RoleMappingQueries.of(session, realm, modelClient);
        List<Mapping<GroupRow>> mappings = new ArrayList<>(queries.groupsOf(accessByRoleId.keySet(), null));
        queries.groupsThroughComposites().stream().filter(m -> accessByRoleId.containsKey(m.roleId())).forEach(mappings::add);
        GroupPaths paths = new GroupPaths(session, realm, queries.withAncestors(mappings.stream().map(Mapping::principal).toList()));
        List<Assignment> assignments = new ArrayList<>();
        for (Mapping<GroupRow> mapping : mappings) {
            AccessName access = accessByRoleId.get(mapping.roleId());
            String path = paths.of(mapping.principal());
            Group group = new Group(displayName(mapping.principal(), path), path);
            assignments.add(new Assignment(group, byId.get(access.account()), sets.get(access.permissionSet()).orElseThrow()));
        }
        return new IdentityCenterModel(realm.getName(), partition, accounts, assignments, queries.userMappingCount(accessByRoleId.keySet()));
    }

    /** The group's displayName exactly as the SCIM push sends it. */
    private static String displayName(GroupRow group, String path) {
        try {
            return ScimGroupDocument.of(group.name(), group.id()).displayName();
        } catch (ScimInputException e) {
            throw new AwsRuleViolation("group", "group " + path + ": " + e.getMessage());
        }
    }
}
