package dev.kcaws.access;

import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.keycloak.BatchWrites;
import dev.kcaws.keycloak.ModelLock;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that reads and writes accounts, permission sets and assignments in Keycloak's own
 * structures (see {@link ModelFormat}), and the one place that resolves what a user holds. Keeps
 * nothing between requests: Keycloak's caches, invalidated cluster-wide, are the only cache.
 */
public final class AccessStore {

    private static final Logger LOG = Logger.getLogger(AccessStore.class);

    private static final Comparator<Access> BY_ACCOUNT_THEN_SET = Comparator
            .comparing((Access a) -> a.account().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(a -> a.account().id().value())
            .thenComparing(a -> a.permissionSet().name().value());

    /** Grants written between two flush-and-clears of the batch session. */
    private static final int BATCH = 100;

    private final RealmModel realm;
    private final ClientModel modelClient;
    /** Set in a store for writing: the realm's model is locked and read from the database. */
    private final ModelLock lock;
    /** The last user's role set, for this request only (see {@link #deepRoles}). */
    private UserModel deepRolesOf;
    private Set<RoleModel> deepRoles;
    private UserModel windowedOf;
    private Map<String, AccessWindows> windowed;

    private AccessStore(RealmModel realm, ClientModel modelClient, ModelLock lock) {
        this.realm = realm;
        this.modelClient = modelClient;
        this.lock = lock;
    }

    /**
     * The realm's store for reading, through Keycloak's caches; empty (nothing assigned to anyone)
     * when the realm has no model client yet. It cannot write: see {@link #forWriting}.
     */
    public static AccessStore of(RealmModel realm) {
        return new AccessStore(realm, realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID), null);
    }

    /**
     * The realm's store for a change: every other writer of this realm's model, on any node, waits
     * until this transaction ends, and everything this store reads is what the database holds now.
     * So a check ("exists?", "granted already?") and the write that follows it are one step: no
     * lost update, no grant to an account deleted meanwhile, no duplicate access role. Take it
     * first in the request, before reading the model through any other store (see {@link ModelLock}).
     */
    public static AccessStore forWriting(KeycloakSession session, RealmModel realm) {
        ModelLock lock = ModelLock.acquire(session, realm, ModelFormat.MODEL_CLIENT_ID, ModelClient::create);
        return new AccessStore(realm, lock.modelClient(), lock);
    }

    // ---- reading ----

    public List<AwsAccount> accounts() {
        return readAll(ModelFormat.ACCOUNT_PREFIX, ModelFormat::readAccount)
                .sorted(Comparator.comparing(AwsAccount::name, String.CASE_INSENSITIVE_ORDER).thenComparing(a -> a.id().value()))
                .toList();
    }

    public Optional<AwsAccount> account(AccountId id) {
        return read(ModelFormat.accountAttribute(id.value()), ModelFormat::readAccount);
    }

    public List<PermissionSet> permissionSets() {
        return readAll(ModelFormat.PERMISSION_SET_PREFIX, ModelFormat::readPermissionSet)
                .sorted(Comparator.comparing(s -> s.name().value())).toList();
    }

    public Optional<PermissionSet> permissionSet(PermissionSetName name) {
        return read(ModelFormat.permissionSetAttribute(name.value()), ModelFormat::readPermissionSet);
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
        return heldRoles(user).stream()
                .filter(r -> r.isClientRole() && modelClient.getId().equals(r.getContainerId()))
                .map(resolver::resolve)
                .flatMap(Optional::stream)
                .sorted(BY_ACCOUNT_THEN_SET)
                .toList();
    }

    /** The effective access of one partition only: what one AWS client can sign in to. */
    public List<Access> effectiveAccess(UserModel user, Partition partition) {
        return effectiveAccess(user).stream().filter(a -> a.account().partition() == partition).toList();
    }

    /** The access if the user holds it at this moment, by any path Keycloak grants roles, inside its window. */
    public Optional<Access> heldAccess(UserModel user, AccountId account, PermissionSetName set) {
        Optional<RoleModel> role = accessRole(account, set);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        // The usual case answers alone: a permanent mapping of the role itself is held (Keycloak's
        // hasRole would say so too), without hasRole's walk through the composites of every role the
        // user holds. Otherwise Keycloak decides, and then the windows of every path.
        if (!heldPermanently(user, role.get()) && (!user.hasRole(role.get()) || !heldRoles(user).contains(role.get()))) {
            return Optional.empty();
        }
        return new Resolver().resolve(role.get());
    }

    /**
     * The one-role paths' fast answer: the role has no time-bound assignment and the user, or one of
     * the user's groups or their parents, maps it itself, so it is held whatever other windows say.
     * Otherwise (a window, or held only through a composite) every path is weighed.
     */
    private boolean heldPermanently(UserModel user, RoleModel role) {
        if (modelClient.getAttribute(ModelFormat.windowAttribute(role.getName().substring(ModelFormat.ACCESS_PREFIX.length()))) != null) {
            return false;
        }
        return user.hasDirectRole(role) || user.getGroupsStream().anyMatch(group -> mapsItselfOrParent(group, role, 0));
    }

    private static boolean mapsItselfOrParent(GroupModel group, RoleModel role, int depth) {
        if (group == null || depth > 100) {
            return false;
        }
        return group.hasDirectRole(role) || (group.getParentId() != null && mapsItselfOrParent(group.getParent(), role, depth + 1));
    }

    /**
     * The roles the user holds now: Keycloak's own answer, unless an access role among them has
     * time-bound assignments, when every path is weighed with its window ({@link HeldRoles}). The
     * check costs one attribute lookup in the cached model client per access role the user holds;
     * a realm without windows does nothing more.
     */
    private Set<RoleModel> heldRoles(UserModel user) {
        Set<RoleModel> roles = deepRoles(user);
        Map<String, AccessWindows> windowed = windowedRoles(user);
        if (windowed == null) {
            return roles;
        }
        return HeldRoles.of(user, role -> windowed.get(role.getId()), Time.currentTimeMillis());
    }

    /**
     * When the user's accesses end, by access key ({@code <account id>:<set>}), for those that every
     * path granting them ends (the latest end counts); empty in a realm without windows. For the portal.
     */
    public Map<String, Instant> accessEnds(UserModel user) {
        if (modelClient == null) {
            return Map.of();
        }
        Map<String, AccessWindows> windowed = windowedRoles(user);
        if (windowed == null) {
            return Map.of();
        }
        Map<String, Instant> ends = new HashMap<>();
        HeldRoles.ends(user, role -> windowed.get(role.getId()), Time.currentTimeMillis()).forEach((role, end) -> {
            if (role.isClientRole() && modelClient.getId().equals(role.getContainerId()) && role.getName().startsWith(ModelFormat.ACCESS_PREFIX)) {
                ends.put(role.getName().substring(ModelFormat.ACCESS_PREFIX.length()), end);
            }
        });
        return ends;
    }

    /**
     * When the user's access to the pair ends, if every path granting it ends ({@link #accessEnds});
     * empty at once, without weighing paths, when the pair has no time-bound assignment.
     */
    public Optional<Instant> accessEnd(UserModel user, AccountId account, PermissionSetName set) {
        String key = AccessKey.of(account.value(), set.value());
        if (modelClient == null || modelClient.getAttribute(ModelFormat.windowAttribute(key)) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(accessEnds(user).get(key));
    }

    /**
     * Keycloak's role set of the user, computed once per store (a store lives for one request): the
     * portal asks for the access and for when it ends.
     */
    private Set<RoleModel> deepRoles(UserModel user) {
        if (deepRolesOf != user) {
            deepRoles = RoleUtils.getDeepUserRoleMappings(user);
            deepRolesOf = user;
        }
        return deepRoles;
    }

    /**
     * The windows of the user's access roles that have any (null when none), read once per store like
     * {@link #deepRoles}: a console login asks for the held roles and then for when they end.
     */
    private Map<String, AccessWindows> windowedRoles(UserModel user) {
        if (windowedOf != user) {
            windowed = windowedRoles(deepRoles(user));
            windowedOf = user;
        }
        return windowed;
    }

    private Map<String, AccessWindows> windowedRoles(Set<RoleModel> roles) {
        Map<String, AccessWindows> windowed = null;
        for (RoleModel role : roles) {
            if (role.isClientRole() && modelClient.getId().equals(role.getContainerId()) && role.getName().startsWith(ModelFormat.ACCESS_PREFIX)) {
                String attribute = ModelFormat.windowAttribute(role.getName().substring(ModelFormat.ACCESS_PREFIX.length()));
                String value = modelClient.getAttribute(attribute);
                if (value != null) {
                    if (windowed == null) {
                        windowed = new HashMap<>();
                    }
                    // A window that cannot be read (edited in the database) lets no assignment of the role grant.
                    windowed.put(role.getId(), readOrWarn(attribute, value, ModelFormat::readWindows).orElse(AccessWindows.UNREADABLE));
                }
            }
        }
        return windowed;
    }

    /** The windows of the access's time-bound assignments (as the database holds them, when writing). */
    public AccessWindows windows(AccountId account, PermissionSetName set) {
        return windows(AccessKey.of(account.value(), set.value()));
    }

    private AccessWindows windows(String accessKey) {
        return read(ModelFormat.windowAttribute(accessKey), ModelFormat::readWindows).orElse(AccessWindows.NONE);
    }

    /** Whether the realm has any time-bound assignment (read from the cached model client). */
    public boolean hasWindows() {
        return modelClient != null && modelClient.getAttributes().keySet().stream().anyMatch(n -> n.startsWith(ModelFormat.WINDOW_PREFIX));
    }

    /** Every access role's windows, by access key ({@code <account id>:<set>}); unreadable ones left out with a warning. */
    public Map<String, AccessWindows> allWindows() {
        Map<String, AccessWindows> all = new TreeMap<>();
        if (modelClient != null) {
            modelClient.getAttributes().forEach((name, value) -> {
                if (name.startsWith(ModelFormat.WINDOW_PREFIX)) {
                    readOrWarn(name, value, ModelFormat::readWindows)
                            .ifPresent(w -> all.put(name.substring(ModelFormat.WINDOW_PREFIX.length()), w));
                }
            });
        }
        return all;
    }

    /** The role that stands for one access; groups and users mapped to it hold the assignment. */
    public Optional<RoleModel> accessRole(AccountId account, PermissionSetName set) {
        return modelClient == null ? Optional.empty() : Optional.ofNullable(role(ModelFormat.accessRoleName(account.value(), set.value())));
    }

    /** Whether the group or user holds the access role directly (as the database says now, when writing). */
    public boolean holdsDirectly(RoleMapperModel principal, RoleModel accessRole) {
        return lock != null ? lock.holdsDirectly(principal, accessRole) : principal.hasDirectRole(accessRole);
    }

    private RoleModel role(String name) {
        return lock != null ? lock.role(name) : modelClient.getRole(name);
    }

    private Stream<RoleModel> roles() {
        return lock != null ? lock.allRoles() : modelClient.getRolesStream();
    }

    /** Every access role with the account and set it names; roles of other names are not the model's. */
    public Stream<Map.Entry<AccessName, RoleModel>> accessRoles() {
        if (modelClient == null) {
            return Stream.empty();
        }
        List<Map.Entry<AccessName, RoleModel>> roles = new ArrayList<>();
        roles().forEach(role -> {
            try {
                ModelFormat.parseAccessRole(role.getName()).ifPresent(name -> roles.add(Map.entry(name, role)));
            } catch (AwsRuleViolation e) {
                LOG.warnf("AWS access role %s is ignored: %s", role.getName(), e.getMessage());
            }
        });
        return roles.stream();
    }

    /** The (account, set) an access role's name stands for; null, with a warning, for a malformed one or another role. */
    public static AccessName accessNameOrNull(String roleName) {
        try {
            return ModelFormat.parseAccessRole(roleName).orElse(null);
        } catch (AwsRuleViolation e) {
            LOG.warnf("AWS access role %s is ignored: %s", roleName, e.getMessage());
            return null;
        }
    }

    /** Checks the realm's whole model; used to refuse a realm import that AWS would reject. */
    public List<AwsRuleViolation> problems() {
        List<AwsRuleViolation> problems = new ArrayList<>(entryProblems());
        if (modelClient == null) {
            return problems;
        }
        accessRoleProblems(problems);
        return problems;
    }

    /** Checks the accounts and permission sets only: what an update of the model client can break. */
    public List<AwsRuleViolation> entryProblems() {
        List<AwsRuleViolation> problems = new ArrayList<>();
        if (modelClient == null) {
            return problems;
        }
        modelClient.getAttributes().forEach((name, value) -> {
            try {
                if (name.startsWith(ModelFormat.ACCOUNT_PREFIX)) {
                    ModelFormat.readAccount(name, value);
                } else if (name.startsWith(ModelFormat.PERMISSION_SET_PREFIX)) {
                    ModelFormat.readPermissionSet(name, value);
                } else if (name.startsWith(ModelFormat.DEFAULT_CLIENT_PREFIX)) {
                    ModelFormat.readDefaultClient(name, value);
                } else if (name.startsWith(ModelFormat.WINDOW_PREFIX)) {
                    ModelFormat.readWindows(name, value);
                }
            } catch (AwsRuleViolation e) {
                problems.add(new AwsRuleViolation(e.field(), AwsRule.IN_ATTRIBUTE, e, name));
            }
        });
        return problems;
    }

    private void accessRoleProblems(List<AwsRuleViolation> problems) {
        // Read once: during an import the client is a JPA adapter, which builds the whole map on every getAttribute.
        Map<String, String> attributes = modelClient.getAttributes();
        modelClient.getRolesStream().forEach(role -> {
            try {
                ModelFormat.parseAccessRole(role.getName()).ifPresent(name -> {
                    if (!attributes.containsKey(ModelFormat.accountAttribute(name.account().value()))) {
                        throw new AwsRuleViolation("access.account", AwsRule.ACCESS_ROLE_ACCOUNT, name.account());
                    }
                    if (!attributes.containsKey(ModelFormat.permissionSetAttribute(name.permissionSet().value()))) {
                        throw new AwsRuleViolation("access.permissionSet", AwsRule.ACCESS_ROLE_PERMISSION_SET, name.permissionSet());
                    }
                });
            } catch (AwsRuleViolation e) {
                problems.add(new AwsRuleViolation(e.field(), AwsRule.IN_ROLE, e, role.getName()));
            }
        });
    }

    // ---- writing ----

    /** The model client, which a store for writing always has (it creates it on first use). */
    public ClientModel modelClient() {
        return writable();
    }

    public void putAccount(AwsAccount account) {
        writable().setAttribute(ModelFormat.accountAttribute(account.id().value()), ModelFormat.write(account));
    }

    public void putPermissionSet(PermissionSet set) {
        writable().setAttribute(ModelFormat.permissionSetAttribute(set.name().value()), ModelFormat.write(set));
    }

    /** The partition's default AWS client: the one its shortcut links and access keys go through. */
    public void putDefaultClient(Partition partition, String clientId) {
        writable().setAttribute(ModelFormat.defaultClientAttribute(partition), clientId);
    }

    private ClientModel writable() {
        if (lock == null) {
            throw new IllegalStateException("the AWS model is changed only through AccessStore.forWriting");
        }
        return modelClient;
    }

    /** Grants the access to a group or user; creates the access role on first use. False if it was granted already. */
    public boolean grant(RoleMapperModel principal, AwsAccount account, PermissionSet set) {
        return grant(principal, account, set, null);
    }

    /**
     * Grants the access to a group or user with this window (null: permanent), or sets the window of
     * the assignment it has already (then answers false).
     */
    public boolean grant(RoleMapperModel principal, AwsAccount account, PermissionSet set, AccessWindow window) {
        ClientModel client = writable();
        String name = ModelFormat.accessRoleName(account.id().value(), set.name().value());
        setWindows(AccessKey.of(account.id().value(), set.name().value()), w -> w.with(principal, window));
        RoleModel role = role(name);
        if (role == null) {
            role = addAccessRole(client, name, account, set);
        } else if (holdsDirectly(principal, role)) {
            return false;
        }
        principal.grantRole(role);
        return true;
    }

    /** Removes the group's or user's assignment of the access role, and its window with it. */
    public void revoke(RoleMapperModel principal, RoleModel accessRole) {
        writable();
        principal.deleteRoleMapping(accessRole);
        forgetWindow(principal, accessRole);
    }

    /** Drops the principal's window of the access role, if it has one (its mapping is gone). */
    public void forgetWindow(RoleMapperModel principal, RoleModel accessRole) {
        writable();
        if (accessRole.getName().startsWith(ModelFormat.ACCESS_PREFIX)) {
            setWindows(accessRole.getName().substring(ModelFormat.ACCESS_PREFIX.length()), w -> w.with(principal, null));
        }
    }

    /** Rewrites one access role's windows; the attribute is removed when none is left. */
    public void setWindows(String accessKey, java.util.function.UnaryOperator<AccessWindows> change) {
        ClientModel client = writable();
        AccessWindows current = windows(accessKey);
        AccessWindows changed = change.apply(current);
        if (changed.equals(current)) {
            return;
        }
        String attribute = ModelFormat.windowAttribute(accessKey);
        windowedOf = null; // read again after this write
        if (changed.isEmpty()) {
            client.removeAttribute(attribute);
        } else {
            client.setAttribute(attribute, ModelFormat.write(changed));
        }
    }

    /**
     * Grants every (account, set) to every principal, in the caller's transaction; returns how many
     * grants were new. Written through Keycloak's model API role by role, so the cache invalidations
     * (role added to the client; group or user updated) are Keycloak's own and reach every node.
     *
     * <p>What makes it fast: each {@code addRole} and {@code grantRole} of Keycloak's JPA store makes
     * Hibernate flush, and a flush walks every entity the request has loaded (the realm, the model
     * client with one attribute per account, every role created so far), so n grants cost O(n²).
     * Here the writes run in {@link BatchWrites} (Keycloak's {@code EntityManagers.runInBatch}), which Keycloak's own realm import
     * uses for groups and their role mappings: a second Hibernate session on the same connection,
     * hence the same database transaction, whose persistence context starts empty; it is flushed
     * and cleared every {@value #BATCH} grants (the batch size of Keycloak's own batch mode), so
     * each flush walks a few dozen entities. Reads (the client's roles, what each principal holds
     * already) happen once, before the batch; a role created here is held by no one yet.
     *
     * <p>Entities loaded inside the batch (the principals' JPA delegates, the new roles) are
     * detached when it ends: the caller must not write to these principals again in the same
     * request (the next request gets fresh adapters).
     */
    public int grantAll(KeycloakSession session, List<? extends RoleMapperModel> principals,
                        List<AwsAccount> accounts, List<PermissionSet> sets) {
        return grantAll(session, principals, accounts, sets, null);
    }

    /** As {@link #grantAll(KeycloakSession, List, List, List)}, every grant (new or not) given this window (null: permanent). */
    public int grantAll(KeycloakSession session, List<? extends RoleMapperModel> principals,
                        List<AwsAccount> accounts, List<PermissionSet> sets, AccessWindow window) {
        ClientModel client = writable();
        // Windows first, on the model client in this persistence context: the batch below detaches what it loads.
        for (AwsAccount account : accounts) {
            for (PermissionSet set : sets) {
                setWindows(AccessKey.of(account.id().value(), set.name().value()), w -> {
                    for (RoleMapperModel principal : principals) {
                        w = w.with(principal, window);
                    }
                    return w;
                });
            }
        }
        Map<String, RoleModel> roles = new HashMap<>();
        roles().forEach(r -> roles.put(r.getName(), r));
        // The ids of the model client's roles each principal holds directly; a principal named twice shares one set.
        Map<Object, Set<String>> byPrincipal = new HashMap<>();
        List<Set<String>> held = new ArrayList<>();
        for (RoleMapperModel principal : principals) {
            held.add(byPrincipal.computeIfAbsent(principalKey(principal), k -> lock.directClientRoles(principal)
                    .map(RoleModel::getId).collect(Collectors.toCollection(HashSet::new))));
        }
        int[] granted = {0};
        BatchWrites.run(session, () -> {
            for (AwsAccount account : accounts) {
                for (PermissionSet set : sets) {
                    String name = ModelFormat.accessRoleName(account.id().value(), set.name().value());
                    RoleModel role = roles.get(name);
                    if (role == null) {
                        role = addAccessRole(client, name, account, set);
                        roles.put(name, role);
                    }
                    for (int i = 0; i < principals.size(); i++) {
                        if (held.get(i).add(role.getId())) {
                            principals.get(i).grantRole(role);
                            if (++granted[0] % BATCH == 0) {
                                BatchWrites.flushAndClear(session);
                            }
                        }
                    }
                }
            }
        });
        return granted[0];
    }

    private static Object principalKey(RoleMapperModel principal) {
        if (principal instanceof GroupModel group) {
            return "group:" + group.getId();
        }
        if (principal instanceof UserModel user) {
            return "user:" + user.getId();
        }
        return principal;
    }

    private static RoleModel addAccessRole(ClientModel client, String name, AwsAccount account, PermissionSet set) {
        RoleModel role = client.addRole(name);
        role.setDescription("AWS account " + account.id() + " (" + account.name() + ") as " + set.name());
        return role;
    }

    /** Removes the account and its access roles, and so every assignment to it, in the caller's transaction. */
    public boolean removeAccount(AccountId id) {
        if (account(id).isEmpty()) {
            return false;
        }
        accessRoles().filter(e -> e.getKey().account().equals(id)).toList().forEach(e -> writable().removeRole(e.getValue()));
        removeWindows(key -> key.startsWith(id.value() + ":"));
        writable().removeAttribute(ModelFormat.accountAttribute(id.value()));
        return true;
    }

    /** Removes the permission set and its access roles, and so every assignment of it. */
    public boolean removePermissionSet(PermissionSetName name) {
        if (permissionSet(name).isEmpty()) {
            return false;
        }
        accessRoles().filter(e -> e.getKey().permissionSet().equals(name)).toList().forEach(e -> writable().removeRole(e.getValue()));
        removeWindows(key -> key.endsWith(":" + name.value()));
        writable().removeAttribute(ModelFormat.permissionSetAttribute(name.value()));
        return true;
    }

    /** One assignment the clean-up removed because its window had ended: the group (path) or user (username). */
    public record EndedAssignment(String group, String user, String accountId, String permissionSet, AccessWindow window) {
    }

    /**
     * Removes every assignment whose window has ended at {@code nowMillis} (its role mapping and its
     * window), and the windows whose mapping is gone already (group or user deleted, mapping removed
     * another way). Reads what the database holds under the model lock, so when two nodes run it at
     * once the second finds nothing left to remove: each assignment is removed, and reported, once.
     */
    public List<EndedAssignment> removeEnded(KeycloakSession session, long nowMillis) {
        writable();
        List<EndedAssignment> removed = new ArrayList<>();
        allWindows().forEach((key, windows) -> {
            RoleModel role = role(ModelFormat.ACCESS_PREFIX + key);
            String[] access = key.split(":", 2);
            AccessWindows left = windows;
            for (Map.Entry<String, AccessWindow> entry : windows.groups().entrySet()) {
                GroupModel group = session.groups().getGroupById(realm, entry.getKey());
                boolean mapped = group != null && role != null && holdsDirectly(group, role);
                if (mapped && entry.getValue().endedBy(nowMillis)) {
                    group.deleteRoleMapping(role);
                    removed.add(new EndedAssignment(org.keycloak.models.utils.KeycloakModelUtils.buildGroupPath(group), null,
                            access[0], access[1], entry.getValue()));
                }
                if (!mapped || entry.getValue().endedBy(nowMillis)) {
                    left = left.withGroup(entry.getKey(), null);
                }
            }
            for (Map.Entry<String, AccessWindow> entry : windows.users().entrySet()) {
                UserModel user = session.users().getUserById(realm, entry.getKey());
                boolean mapped = user != null && role != null && holdsDirectly(user, role);
                if (mapped && entry.getValue().endedBy(nowMillis)) {
                    user.deleteRoleMapping(role);
                    removed.add(new EndedAssignment(null, user.getUsername(), access[0], access[1], entry.getValue()));
                }
                if (!mapped || entry.getValue().endedBy(nowMillis)) {
                    left = left.withUser(entry.getKey(), null);
                }
            }
            AccessWindows result = left;
            setWindows(key, w -> result);
        });
        return removed;
    }

    /** Whether any time-bound assignment's window has ended at {@code nowMillis} (read from the cached model client). */
    public boolean anyEnded(long nowMillis) {
        return allWindows().values().stream().anyMatch(w -> w.groups().values().stream().anyMatch(x -> x.endedBy(nowMillis))
                || w.users().values().stream().anyMatch(x -> x.endedBy(nowMillis)));
    }

    /** Removes the window attributes of the access keys that match: their roles are gone. */
    private void removeWindows(java.util.function.Predicate<String> accessKey) {
        writable().getAttributes().keySet().stream()
                .filter(n -> n.startsWith(ModelFormat.WINDOW_PREFIX) && accessKey.test(n.substring(ModelFormat.WINDOW_PREFIX.length())))
                .toList().forEach(writable()::removeAttribute);
    }

    // ---- internals ----

    private <T> Optional<T> read(String attribute, BiFunction<String, String, T> reader) {
        String value = modelClient == null ? null : modelClient.getAttribute(attribute);
        return value == null ? Optional.empty() : readOrWarn(attribute, value, reader);
    }

    private <T> Stream<T> readAll(String prefix, BiFunction<String, String, T> reader) {
        if (modelClient == null) {
            return Stream.empty();
        }
        return modelClient.getAttributes().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> readOrWarn(e.getKey(), e.getValue(), reader))
                .flatMap(Optional::stream);
    }

    private static <T> Optional<T> readOrWarn(String attribute, String value, BiFunction<String, String, T> reader) {
        try {
            return Optional.of(reader.apply(attribute, value));
        } catch (AwsRuleViolation e) {
            LOG.warnf("AWS model entry %s is invalid and is ignored: %s", attribute, e.getMessage());
            return Optional.empty();
        }
    }

    /** Resolves access roles to accounts and sets, reading each account and set once per request. */
    private final class Resolver {
        private final Map<AccountId, Optional<AwsAccount>> accounts = new HashMap<>();
        private final Map<PermissionSetName, Optional<PermissionSet>> sets = new HashMap<>();

        Optional<Access> resolve(RoleModel accessRole) {
            Optional<AccessName> name;
            try {
                name = ModelFormat.parseAccessRole(accessRole.getName());
            } catch (AwsRuleViolation e) {
                LOG.warnf("AWS access role %s is ignored: %s", accessRole.getName(), e.getMessage());
                return Optional.empty();
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Optional<AwsAccount> account = accounts.computeIfAbsent(name.get().account(), AccessStore.this::account);
            Optional<PermissionSet> set = sets.computeIfAbsent(name.get().permissionSet(), AccessStore.this::permissionSet);
            if (account.isEmpty() || set.isEmpty()) {
                LOG.warnf("AWS access role %s names an account or permission set that is missing or invalid; ignored", accessRole.getName());
                return Optional.empty();
            }
            return Optional.of(new Access(account.get(), set.get()));
        }
    }
}
