package dev.kcaws.admin;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.iac.AccountPermissionSets;
import dev.kcaws.keycloak.RoleMappingQueries;
import dev.kcaws.keycloak.RoleMappingQueries.RoleNames;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The permission sets assigned in each account, for the IAM side as code: access roles mapped to
 * at least one group or user (what {@code GET assignments} lists), or held through a mapped
 * composite role (logins count those, so the IAM side must have their roles too), whose set is
 * defined. Three queries whatever the number of roles (see {@link RoleMappingQueries}); the
 * answer does not depend on which users the downloading admin may view.
 */
final class AssignedPermissionSets {


    private AssignedPermissionSets() {
    }

    static List<AccountPermissionSets> in(KeycloakSession session, RealmModel realm, List<AwsAccount> accounts) {
        Map<AccountId, List<PermissionSet>> sets = new LinkedHashMap<>();
        accounts.forEach(a -> sets.put(a.id(), new ArrayList<>()));
        ClientModel modelClient = realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID);
        if (modelClient != null && !accounts.isEmpty()) {
            RoleMappingQueries queries = RoleMappingQueries.of(session, realm, modelClient);
            RoleNames names = RoleNames.startingWith(ModelFormat.ACCESS_PREFIX
                    + (accounts.size() == 1 ? accounts.get(0).id().value() + ":" : ""));
            Set<String> assigned = new HashSet<>(queries.mappedRoleNames(names));
            assigned.addAll(queries.roleNamesThroughMappedComposites());
            AccessStore store = AccessStore.of(realm);
            Map<PermissionSetName, Optional<PermissionSet>> known = new LinkedHashMap<>();
            for (String roleName : assigned) {
                AccessName access = AccessStore.accessNameOrNull(roleName);
                List<PermissionSet> inAccount = access == null ? null : sets.get(access.account());
                if (inAccount != null) {
                    known.computeIfAbsent(access.permissionSet(), store::permissionSet).ifPresent(inAccount::add);
                }
            }
        }
        return accounts.stream().map(a -> new AccountPermissionSets(a, sets.get(a.id()))).toList();
    }

}
