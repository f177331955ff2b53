package dev.kcaws.admin;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.iac.AccountPermissionSets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which accounts' IAM code an assignment changes: the code of an account holds a role per permission
 * set assigned there ({@link AssignedPermissionSets}), so granting a set the code had no role for
 * changes it. Read once, before the grant (under the store's write lock); a grant always puts its
 * role in the code, so no second read is needed after it.
 */
final class IamCodeChanges {

    private final String realmName;
    private final List<AccountPermissionSets> before;

    private IamCodeChanges(String realmName, List<AccountPermissionSets> before) {
        this.realmName = realmName;
        this.before = before;
    }

    static IamCodeChanges before(KeycloakSession session, RealmModel realm, List<AwsAccount> accounts) {
        return new IamCodeChanges(realm.getName(), AssignedPermissionSets.in(session, realm, accounts.stream().distinct().toList()));
    }

    /** The accounts whose code holds a role now that it did not before granting {@code sets} in each of them; in account order. */
    List<IamCodeChangeRepresentation> afterGranting(List<PermissionSet> sets) {
        Set<String> granted = sets.stream().map(s -> s.name().value()).collect(Collectors.toCollection(TreeSet::new));
        List<IamCodeChangeRepresentation> changes = new ArrayList<>();
        for (AccountPermissionSets code : before) {
            Set<String> had = code.permissionSets().stream().map(s -> s.name().value()).collect(Collectors.toSet());
            List<String> added = granted.stream().filter(name -> !had.contains(name)).toList();
            if (!added.isEmpty()) {
                Set<String> now = new TreeSet<>(had);
                now.addAll(added);
                AwsAccount account = code.account();
                changes.add(new IamCodeChangeRepresentation(account.id().value(), account.name(), added,
                        AccountDeploymentRepresentation.of(realmName, account, List.copyOf(now))));
            }
        }
        return changes;
    }
}
