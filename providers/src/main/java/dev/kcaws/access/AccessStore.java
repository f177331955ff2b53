package dev.kcaws.access;

import dev.kcaws.access.ModelRoles.StoredRole;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one place that reads and writes accounts, permission sets and assignments in Keycloak's own
 * structures (client roles of {@value ModelRoles#MODEL_CLIENT_ID}, role mappings), and the one
 * place that resolves what a user holds. Keeps nothing between requests: Keycloak's caches,
 * invalidated cluster-wide, are the only cache.
 */
public final class AccessStore {

    private static final Logger LOG = Logger.getLogger(AccessStore.class);

    private final RealmModel realm;
    private final ClientModel modelClient;

    private AccessStore(RealmModel realm, ClientModel modelClient) {
        this.realm = realm;
        this.modelClient = modelClient;
    }

    /** The realm's store; empty (nothing assigned to anyone) when the realm has no model client yet. */
    public static AccessStore of(RealmModel realm) {
        return new AccessStore(realm, realm.getClientByClientId(ModelRoles.MODEL_CLIENT_ID));
    }

    public boolean exists() {
        return modelClient != null;
    }

    public Optional<ClientModel> modelClient() {
        return Optional.ofNullable(modelClient);
    }

    // ---- reading ----

    public List<AwsAccount> accounts() {
        return rolesOfKind(ModelRoles.KIND_ACCOUNT).map(r -> readOrWarn(r, ModelRoles::readAccount))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(AwsAccount::name, String.CASE_INSENSITIVE_ORDER).thenComparing(a -> a.id().value()))
                .toList();
    }

    public Optional<AwsAccount> account(AccountId id) {
        return role(ModelRoles.accountRoleName(id.value())).flatMap(r -> readOrWarn(stored(r), ModelRoles::readAccount));
    }

    public List<PermissionSet> permissionSets() {
        return rolesOfKind(ModelRoles.KIND_PERMISSION_SET).map(r -> readOrWarn(r, ModelRoles::readPermissionSet))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(s -> s.name().value()))
                .toList();
    }

    public Optional<PermissionSet> permissionSet(PermissionSetName name) {
        return role(ModelRoles.permissionSetRoleName(name.value())).flatMap(r -> readOrWarn(stored(r), ModelRoles::readPermissionSet));
    }

    /**
     * Every access the user holds now: direct role mappings, groups and their parents, composites,
     * and groups that LDAP or a broker mapped in, as Keycloak itself decides role membership.
     * Sorted by account name, then permission set name. Broken entries are logged and left out.
     */
    public List<Access> effectiveAccess(UserModel user) {
        if (modelClient == null) {
            return List.of();
        }
        Resolver resolver = new Resolver();
        return RoleUtils.getDeepUserRoleMappings(user).stream()
                .filter(r -> r.isClientRole() && modelClient.getId().equals(r.getContainerId()))
                .filter(r -> r.getName().startsWith(ModelRoles.ACCESS_PREFIX))
                .map(resolver::resolve)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing((Access a) -> a.account().name(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(a -> a.account().id().value())
                        .thenComparing(a -> a.permissionSet().name().value()))
                .toList();
    }

    /** The effective access of one partition only: what one AWS client can sign in to. */
    public List<Access> effectiveAccess(UserModel user, Partition partition) {
        return effectiveAccess(user).stream().filter(a -> a.account().partition() == partition).toList();
    }

    /** The access if the user holds it at this moment, by any path Keycloak grants roles. */
    public Optional<Access> heldAccess(UserModel user, AccountId account, PermissionSetName set) {
        Optional<RoleModel> role = role(ModelRoles.accessRoleName(account.value(), set.value()));
        if (role.isEmpty() || !user.hasRole(role.get())) {
            return Optional.empty();
        }
        return new Resolver().resolve(role.get());
    }

    /** Checks every model role of the realm; used to refuse a realm import that AWS would reject. */
    public List<AwsRuleViolation> problems() {
        List<AwsRuleViolation> problems = new ArrayList<>();
        if (modelClient == null) {
            return problems;
        }
        modelClient.getRolesStream().forEach(role -> {
            try {
                check(role);
            } catch (AwsRuleViolation e) {
                problems.add(new AwsRuleViolation(e.field(), e.rule() + " [role " + role.getName() + "]"));
            }
        });
        return problems;
    }

    private void check(RoleModel role) {
        StoredRole stored = stored(role);
        String kind = stored.first(ModelRoles.KIND);
        if (ModelRoles.KIND_ACCOUNT.equals(kind)) {
            ModelRoles.readAccount(stored);
        } else if (ModelRoles.KIND_PERMISSION_SET.equals(kind)) {
            ModelRoles.readPermissionSet(stored);
        } else if (ModelRoles.KIND_ACCESS.equals(kind)) {
            String[] key = ModelRoles.readAccessKey(stored);
            if (role(ModelRoles.accountRoleName(key[0])).isEmpty()) {
                throw new AwsRuleViolation("access.account", "account " + key[0] + " is not defined");
            }
            if (role(ModelRoles.permissionSetRoleName(key[1])).isEmpty()) {
                throw new AwsRuleViolation("access.permissionSet", "permission set " + key[1] + " is not defined");
            }
        } else if (role.getName().startsWith(ModelRoles.ACCOUNT_PREFIX) || role.getName().startsWith(ModelRoles.PERMISSION_SET_PREFIX)
                || role.getName().startsWith(ModelRoles.ACCESS_PREFIX)) {
            throw new AwsRuleViolation("kind", "attribute " + ModelRoles.KIND + " is missing or unknown");
        }
    }

    // ---- writing ----

    public ClientModel ensureModelClient() {
        ClientModel client = modelClient != null ? modelClient : realm.getClientByClientId(ModelRoles.MODEL_CLIENT_ID);
        if (client == null) {
            client = ModelClient.create(realm);
        }
        return client;
    }

    public void putAccount(AwsAccount account) {
        write(ModelRoles.write(account));
    }

    public void putPermissionSet(PermissionSet set) {
        write(ModelRoles.write(set));
    }

    /** Grants the access to a group or user; creates the access role on first use. */
    public void grant(RoleMapperModel principal, AwsAccount account, PermissionSet set) {
        RoleModel role = write(ModelRoles.writeAccess(account, set));
        if (!principal.hasDirectRole(role)) {
            principal.grantRole(role);
        }
    }

    public void revoke(RoleMapperModel principal, AccountId account, PermissionSetName set) {
        role(ModelRoles.accessRoleName(account.value(), set.value())).ifPresent(principal::deleteRoleMapping);
    }

    private RoleModel write(StoredRole stored) {
        ClientModel client = ensureModelClient();
        RoleModel role = client.getRole(stored.name());
        if (role == null) {
            role = client.addRole(stored.name());
        }
        role.setDescription(stored.description());
        for (String key : List.copyOf(role.getAttributes().keySet())) {
            if (key.startsWith("kcaws.") && !stored.attributes().containsKey(key)) {
                role.removeAttribute(key);
            }
        }
        for (Map.Entry<String, List<String>> e : stored.attributes().entrySet()) {
            role.setAttribute(e.getKey(), e.getValue());
        }
        return role;
    }

    /** Removes the account, its access roles and so every assignment to it, in the caller's transaction. */
    public boolean removeAccount(AccountId id) {
        Optional<RoleModel> account = role(ModelRoles.accountRoleName(id.value()));
        if (account.isEmpty()) {
            return false;
        }
        accessRoles().filter(r -> id.value().equals(stored(r).first(ModelRoles.ACCESS_ACCOUNT))).toList().forEach(modelClient::removeRole);
        modelClient.removeRole(account.get());
        return true;
    }

    /** Removes the permission set, its access roles and so every assignment of it. */
    public boolean removePermissionSet(PermissionSetName name) {
        Optional<RoleModel> set = role(ModelRoles.permissionSetRoleName(name.value()));
        if (set.isEmpty()) {
            return false;
        }
        accessRoles().filter(r -> name.value().equals(stored(r).first(ModelRoles.ACCESS_SET))).toList().forEach(modelClient::removeRole);
        modelClient.removeRole(set.get());
        return true;
    }

    /** The role that stands for one access; groups and users mapped to it hold the assignment. */
    public Optional<RoleModel> accessRole(AccountId account, PermissionSetName set) {
        return role(ModelRoles.accessRoleName(account.value(), set.value()));
    }

    public Stream<RoleModel> accessRoles() {
        return modelClient == null ? Stream.empty()
                : modelClient.getRolesStream().filter(r -> ModelRoles.KIND_ACCESS.equals(stored(r).first(ModelRoles.KIND)));
    }

    /** The (account id, permission set name) of an access role. */
    public static String[] accessKeyOf(RoleModel accessRole) {
        return ModelRoles.readAccessKey(stored(accessRole));
    }

    // ---- internals ----

    private Optional<RoleModel> role(String name) {
        return modelClient == null ? Optional.empty() : Optional.ofNullable(modelClient.getRole(name));
    }

    private Stream<StoredRole> rolesOfKind(String kind) {
        if (modelClient == null) {
            return Stream.empty();
        }
        return modelClient.getRolesStream().map(AccessStore::stored).filter(r -> kind.equals(r.first(ModelRoles.KIND)));
    }

    static StoredRole stored(RoleModel role) {
        return new StoredRole(role.getName(), role.getDescription(), role.getAttributes());
    }

    private static <T> Optional<T> readOrWarn(StoredRole role, Function<StoredRole, T> reader) {
        try {
            return Optional.of(reader.apply(role));
        } catch (AwsRuleViolation e) {
            LOG.warnf("AWS model role %s is invalid and is ignored: %s", role.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Resolves access roles to accounts and sets, reading each account and set once per request. */
    private final class Resolver {
        private final Map<String, Optional<AwsAccount>> accounts = new HashMap<>();
        private final Map<String, Optional<PermissionSet>> sets = new HashMap<>();

        Optional<Access> resolve(RoleModel accessRole) {
            Optional<String[]> key = readOrWarn(stored(accessRole), ModelRoles::readAccessKey);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Optional<AwsAccount> account = accounts.computeIfAbsent(key.get()[0],
                    id -> role(ModelRoles.accountRoleName(id)).flatMap(r -> readOrWarn(stored(r), ModelRoles::readAccount)));
            Optional<PermissionSet> set = sets.computeIfAbsent(key.get()[1],
                    name -> role(ModelRoles.permissionSetRoleName(name)).flatMap(r -> readOrWarn(stored(r), ModelRoles::readPermissionSet)));
            if (account.isEmpty() || set.isEmpty()) {
                LOG.warnf("AWS access role %s names an account or permission set that is missing or invalid; ignored", accessRole.getName());
                return Optional.empty();
            }
            return Optional.of(new Access(account.get(), set.get()));
        }
    }
}
