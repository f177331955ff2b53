package dev.kcaws.access;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.aws.SessionDuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage format of docs/model.md: how accounts, permission sets and access roles are written
 * as client roles of the {@value #MODEL_CLIENT_ID} client. Plain Java, so every rule of the
 * format is unit-tested without a server; {@link AccessStore} does the Keycloak side.
 */
public final class ModelRoles {

    public static final String MODEL_CLIENT_ID = "aws-access";
    public static final String ACCOUNT_PREFIX = "account:";
    public static final String PERMISSION_SET_PREFIX = "permission-set:";
    public static final String ACCESS_PREFIX = "access:";

    public static final String KIND = "kcaws.kind";
    static final String ACCOUNT_ID = "kcaws.account.id";
    static final String ACCOUNT_NAME = "kcaws.account.name";
    static final String ACCOUNT_PARTITION = "kcaws.account.partition";
    static final String ACCOUNT_SAML_PROVIDER = "kcaws.account.samlProvider";
    static final String ACCOUNT_REGION = "kcaws.account.region";
    static final String SET_NAME = "kcaws.permissionSet.name";
    static final String SET_DURATION = "kcaws.permissionSet.sessionDuration";
    static final String SET_RELAY_STATE = "kcaws.permissionSet.relayState";
    static final String SET_MANAGED_POLICY = "kcaws.permissionSet.managedPolicy";
    static final String SET_INLINE_POLICY = "kcaws.permissionSet.inlinePolicy";
    static final String SET_BOUNDARY = "kcaws.permissionSet.permissionsBoundary";
    static final String ACCESS_ACCOUNT = "kcaws.access.account";
    static final String ACCESS_SET = "kcaws.access.permissionSet";

    public static final String KIND_ACCOUNT = "account";
    public static final String KIND_PERMISSION_SET = "permission-set";
    public static final String KIND_ACCESS = "access";

    private ModelRoles() {
    }

    /** A client role as stored: name, description and attributes. */
    public record StoredRole(String name, String description, Map<String, List<String>> attributes) {
        String first(String key) {
            List<String> values = attributes.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String key) {
            return attributes.getOrDefault(key, List.of());
        }
    }

    public static String accountRoleName(String accountId) {
        return ACCOUNT_PREFIX + accountId;
    }

    public static String permissionSetRoleName(String name) {
        return PERMISSION_SET_PREFIX + name;
    }

    public static String accessRoleName(String accountId, String permissionSetName) {
        return ACCESS_PREFIX + AccessKey.of(accountId, permissionSetName);
    }

    public static StoredRole write(AwsAccount account) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put(KIND, List.of(KIND_ACCOUNT));
        a.put(ACCOUNT_ID, List.of(account.id().value()));
        a.put(ACCOUNT_NAME, List.of(account.name()));
        a.put(ACCOUNT_PARTITION, List.of(account.partition().id()));
        a.put(ACCOUNT_SAML_PROVIDER, List.of(account.samlProvider().value()));
        if (account.region() != null) {
            a.put(ACCOUNT_REGION, List.of(account.region()));
        }
        return new StoredRole(accountRoleName(account.id().value()), account.name(), a);
    }

    public static StoredRole write(PermissionSet set) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put(KIND, List.of(KIND_PERMISSION_SET));
        a.put(SET_NAME, List.of(set.name().value()));
        a.put(SET_DURATION, List.of(Integer.toString(set.sessionDuration().seconds())));
        if (set.relayState() != null) {
            a.put(SET_RELAY_STATE, List.of(set.relayState().url()));
        }
        if (!set.managedPolicies().isEmpty()) {
            a.put(SET_MANAGED_POLICY, set.managedPolicies().stream().map(ManagedPolicyArn::value).toList());
        }
        if (set.inlinePolicy() != null) {
            a.put(SET_INLINE_POLICY, List.of(set.inlinePolicy().json()));
        }
        if (set.permissionsBoundary() != null) {
            a.put(SET_BOUNDARY, List.of(set.permissionsBoundary().value()));
        }
        return new StoredRole(permissionSetRoleName(set.name().value()), set.description(), a);
    }

    public static StoredRole writeAccess(AwsAccount account, PermissionSet set) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put(KIND, List.of(KIND_ACCESS));
        a.put(ACCESS_ACCOUNT, List.of(account.id().value()));
        a.put(ACCESS_SET, List.of(set.name().value()));
        String description = "AWS account " + account.id().value() + " (" + account.name() + ") as " + set.name().value();
        return new StoredRole(accessRoleName(account.id().value(), set.name().value()), description, a);
    }

    /** Reads an account role, checking every field by AWS's rules; the field names say which one is wrong. */
    public static AwsAccount readAccount(StoredRole role) {
        AccountId id = new AccountId(required(role, ACCOUNT_ID, "account.id"));
        if (!role.name().equals(accountRoleName(id.value()))) {
            throw new AwsRuleViolation("account.id", "role " + role.name() + " must be named " + accountRoleName(id.value()));
        }
        return new AwsAccount(id,
                required(role, ACCOUNT_NAME, "account.name"),
                Partition.parse("account.partition", required(role, ACCOUNT_PARTITION, "account.partition")),
                new SamlProviderName(required(role, ACCOUNT_SAML_PROVIDER, "account.samlProvider")),
                role.first(ACCOUNT_REGION));
    }

    public static PermissionSet readPermissionSet(StoredRole role) {
        PermissionSetName name = new PermissionSetName(required(role, SET_NAME, "permissionSet.name"));
        if (!role.name().equals(permissionSetRoleName(name.value()))) {
            throw new AwsRuleViolation("permissionSet.name", "role " + role.name() + " must be named " + permissionSetRoleName(name.value()));
        }
        String duration = role.first(SET_DURATION);
        String relayState = role.first(SET_RELAY_STATE);
        String inline = role.first(SET_INLINE_POLICY);
        String boundary = role.first(SET_BOUNDARY);
        List<ManagedPolicyArn> policies = new ArrayList<>();
        for (String arn : role.all(SET_MANAGED_POLICY)) {
            policies.add(ManagedPolicyArn.parse("permissionSet.managedPolicies", arn));
        }
        return new PermissionSet(name, role.description(),
                duration == null ? null : SessionDuration.parse(duration),
                relayState == null ? null : ConsoleDestination.parseAnyPartition("permissionSet.relayState", relayState),
                policies,
                inline == null ? null : InlinePolicy.parse("permissionSet.inlinePolicy", inline),
                boundary == null ? null : ManagedPolicyArn.parse("permissionSet.permissionsBoundary", boundary));
    }

    /** The (account id, permission set name) an access role stands for, checked against its name. */
    public static String[] readAccessKey(StoredRole role) {
        String account = required(role, ACCESS_ACCOUNT, "access.account");
        String set = required(role, ACCESS_SET, "access.permissionSet");
        if (!role.name().equals(accessRoleName(account, set))) {
            throw new AwsRuleViolation("access", "role " + role.name() + " must be named " + accessRoleName(account, set));
        }
        return new String[] {account, set};
    }

    private static String required(StoredRole role, String key, String field) {
        String value = role.first(key);
        if (value == null) {
            throw new AwsRuleViolation(field, "is missing (attribute " + key + " of role " + role.name() + ")");
        }
        return value;
    }
}
