package dev.kcaws.admin;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.iac.AccountPermissionSets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which accounts' IAM code an assignment changes: the code of an account holds a role per permission
 * set assigned there ({@link AssignedPermissionSets}), so granting a set the code had no role for
 * changes it. Read under the store's write lock, before the grant; a grant always puts its role in
 * the code, so no second read is needed. Cheap when the roles are new: a set whose access role
 * does not exist yet is in no code, and the code is read only for accounts where a granted set's
 * role exists already (held by someone, or left without holders by removals).
 */
final class IamCodeChanges {

    private final Map<AccountId, Set<String>> inCode;

    private IamCodeChanges(Map<AccountId, Set<String>> inCode) {
        this.inCode = inCode;
    }

    /** The code of {@code accounts} as far as granting {@code sets} in them can change it. */
    static IamCodeChanges before(KeycloakSession session, RealmModel realm, AccessStore store, List<AwsAccount> accounts, List<PermissionSet> sets) {
        List<AwsAccount> withRoles = accounts.stream().distinct()
                .filter(a -> sets.stream().anyMatch(s -> store.accessRole(a.id(), s.name()).isPresent())).toList();
        Map<AccountId, Set<String>> inCode = new HashMap<>();
        for (AccountPermissionSets code : AssignedPermissionSets.in(session, realm, withRoles)) {
            inCode.put(code.account().id(), code.permissionSets().stream().map(s -> s.name().value()).collect(Collectors.toSet()));
        }
        return new IamCodeChanges(inCode);
    }

    /** The accounts whose code holds a role now that it did not before granting {@code sets} in each of {@code accounts}; in account order. */
    List<IamCodeChangeRepresentation> afterGranting(List<AwsAccount> accounts, List<PermissionSet> sets) {
        Set<String> granted = sets.stream().map(s -> s.name().value()).collect(Collectors.toCollection(TreeSet::new));
        List<IamCodeChangeRepresentation> changes = new ArrayList<>();
        for (AwsAccount account : accounts.stream().distinct().toList()) {
            Set<String> had = inCode.getOrDefault(account.id(), Set.of());
            List<String> added = granted.stream().filter(name -> !had.contains(name)).toList();
            if (!added.isEmpty()) {
                changes.add(new IamCodeChangeRepresentation(account.id().value(), account.name(), added));
            }
        }
        return changes;
    }
}
