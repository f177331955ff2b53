package dev.kcaws.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.aws.SessionDuration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The storage format of docs/model.md, as plain Java so that every rule of it is unit-tested:
 * accounts and permission sets are JSON attributes of the {@value #MODEL_CLIENT_ID} client, and
 * each (account, permission set) that is assigned is a client role named
 * {@code access:<account id>:<permission set>}, mapped to the groups and users that hold it.
 *
 * <p>Why attributes and not one role each: Keycloak imports a role attribute with one database
 * flush each, which makes a realm of thousands of accounts take minutes to import; a client
 * attribute costs no query. Role mappings stay roles, so Keycloak's own group, sub-group, LDAP and
 * broker rules decide who holds what.
 */
public final class ModelFormat {

    public static final String MODEL_CLIENT_ID = "aws-access";
    public static final String ACCOUNT_PREFIX = "kcaws.account.";
    public static final String PERMISSION_SET_PREFIX = "kcaws.permission-set.";
    public static final String ACCESS_PREFIX = "access:";
    /** {@code kcaws.default-client.<partition>} = the client ID of the AWS client serving that partition's one-role logins. */
    public static final String DEFAULT_CLIENT_PREFIX = "kcaws.default-client.";
    /**
     * {@code kcaws.window.<account id>:<permission set>} = the windows of that access role's
     * time-bound assignments, by group and user ID (see {@link AccessWindows}).
     */
    public static final String WINDOW_PREFIX = "kcaws.window.";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private ModelFormat() {
    }

    /** Stored form of an account, the ID being in the attribute name. */
    record StoredAccount(String name, String partition, String samlProvider, String region) {
    }

    /** Stored form of a permission set, the name being in the attribute name. */
    record StoredPermissionSet(String description, Integer sessionDuration, String relayState, List<String> managedPolicies,
                               String inlinePolicy, String permissionsBoundary) {
    }

    public static String accountAttribute(String accountId) {
        return ACCOUNT_PREFIX + accountId;
    }

    public static String permissionSetAttribute(String name) {
        return PERMISSION_SET_PREFIX + name;
    }

    /** Stored form of one role's windows: group and user IDs to their windows. */
    record StoredWindows(Map<String, StoredWindow> groups, Map<String, StoredWindow> users) {
    }

    record StoredWindow(String notBefore, String notAfter) {
    }

    public static String windowAttribute(String accessKey) {
        return WINDOW_PREFIX + accessKey;
    }

    /** The access role's name that a window attribute belongs to. */
    public static String windowedRoleName(String windowAttributeName) {
        return ACCESS_PREFIX + windowAttributeName.substring(WINDOW_PREFIX.length());
    }

    /**
     * Reads a window attribute: its name must name an access ({@code <12 digits>:<set name>}), its
     * value list groups and users by ID, each with a start, an end or both, the start before the end.
     */
    public static AccessWindows readWindows(String attributeName, String value) {
        parseAccessRole(windowedRoleName(attributeName));
        StoredWindows stored = parse(value, StoredWindows.class, "window");
        return new AccessWindows(windows("window.groups", stored.groups()), windows("window.users", stored.users()));
    }

    private static Map<String, AccessWindow> windows(String field, Map<String, StoredWindow> stored) {
        Map<String, AccessWindow> windows = new TreeMap<>();
        if (stored == null) {
            return windows;
        }
        stored.forEach((id, window) -> {
            if (id.isBlank() || id.length() > 255 || id.chars().anyMatch(Character::isISOControl)) {
                throw new AwsRuleViolation(field, AwsRule.STORED_WINDOW_IDS);
            }
            if (window == null) {
                throw new AwsRuleViolation(field + "." + id, AwsRule.STORED_WINDOW);
            }
            AccessWindow parsed = AccessWindow.parse(field + "." + id + ".", window.notBefore(), window.notAfter())
                    .orElseThrow(() -> new AwsRuleViolation(field + "." + id, AwsRule.STORED_WINDOW_BOUND));
            windows.put(id, parsed);
        });
        return windows;
    }

    public static String write(AccessWindows windows) {
        return json(new StoredWindows(stored(windows.groups()), stored(windows.users())));
    }

    private static Map<String, StoredWindow> stored(Map<String, AccessWindow> windows) {
        Map<String, StoredWindow> stored = new TreeMap<>();
        windows.forEach((id, w) -> stored.put(id, new StoredWindow(w.notBeforeText(), w.notAfterText())));
        return stored;
    }

    public static String defaultClientAttribute(Partition partition) {
        return DEFAULT_CLIENT_PREFIX + partition.id();
    }

    /** Reads a partition's default AWS client attribute: a known partition and a plausible client ID (whether it exists is the resolver's to say). */
    public static Partition readDefaultClient(String attributeName, String value) {
        Partition partition = Partition.parse("defaultClient.partition", attributeName.substring(DEFAULT_CLIENT_PREFIX.length()));
        if (value == null || value.isBlank() || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
            throw new AwsRuleViolation("defaultClient.clientId", AwsRule.STORED_DEFAULT_CLIENT);
        }
        return partition;
    }

    public static String accessRoleName(String accountId, String permissionSetName) {
        return ACCESS_PREFIX + AccessKey.of(accountId, permissionSetName);
    }

    public static String write(AwsAccount a) {
        return json(new StoredAccount(a.name(), a.partition().id(), a.samlProvider().value(),
                a.region() == null ? null : a.region().name()));
    }

    public static String write(PermissionSet s) {
        return json(new StoredPermissionSet(s.description(), s.sessionDuration().seconds(),
                s.relayState() == null ? null : s.relayState().url(),
                s.managedPolicies().stream().map(ManagedPolicyArn::value).toList(),
                s.inlinePolicy() == null ? null : s.inlinePolicy().json(),
                s.permissionsBoundary() == null ? null : s.permissionsBoundary().value()));
    }

    /** Reads an account attribute, checking every field by AWS's rules; the field name says which is wrong. */
    public static AwsAccount readAccount(String attributeName, String value) {
        AccountId id = new AccountId(attributeName.substring(ACCOUNT_PREFIX.length()));
        StoredAccount stored = parse(value, StoredAccount.class, "account");
        if (stored.partition() == null) {
            throw new AwsRuleViolation("account.partition", AwsRule.STORED_PARTITION_MISSING);
        }
        if (stored.samlProvider() == null) {
            throw new AwsRuleViolation("account.samlProvider", AwsRule.MISSING);
        }
        return new AwsAccount(id, stored.name(), Partition.parse("account.partition", stored.partition()),
                new SamlProviderName(stored.samlProvider()), AwsRegion.parseOptional("account.region", stored.region()));
    }

    public static PermissionSet readPermissionSet(String attributeName, String value) {
        PermissionSetName name = new PermissionSetName(attributeName.substring(PERMISSION_SET_PREFIX.length()));
        StoredPermissionSet s = parse(value, StoredPermissionSet.class, "permissionSet");
        List<ManagedPolicyArn> policies = s.managedPolicies() == null ? List.of()
                : s.managedPolicies().stream().map(p -> ManagedPolicyArn.parse("permissionSet.managedPolicies", p)).toList();
        return new PermissionSet(name, s.description(),
                s.sessionDuration() == null ? null : new SessionDuration(s.sessionDuration()),
                s.relayState() == null ? null : ConsoleDestination.parseAnyPartition("permissionSet.relayState", s.relayState()),
                policies,
                s.inlinePolicy() == null ? null : InlinePolicy.parse("permissionSet.inlinePolicy", s.inlinePolicy()),
                s.permissionsBoundary() == null ? null : ManagedPolicyArn.parse("permissionSet.permissionsBoundary", s.permissionsBoundary()));
    }

    /** The (account, permission set) an access role stands for, if its name is one. */
    public static Optional<AccessName> parseAccessRole(String roleName) {
        if (roleName == null || !roleName.startsWith(ACCESS_PREFIX)) {
            return Optional.empty();
        }
        String key = roleName.substring(ACCESS_PREFIX.length());
        int colon = key.indexOf(':');
        if (colon < 0 || !AccountId.isValid(key.substring(0, colon)) || !PermissionSetName.isValid(key.substring(colon + 1))) {
            throw new AwsRuleViolation("access", AwsRule.ACCESS_ROLE_NAME, roleName);
        }
        return Optional.of(new AccessName(new AccountId(key.substring(0, colon)), new PermissionSetName(key.substring(colon + 1))));
    }

    /** The two halves of an access role's name. */
    public record AccessName(AccountId account, PermissionSetName permissionSet) {
    }

    private static <T> T parse(String value, Class<T> type, String what) {
        try {
            T parsed = JSON.readValue(value, type);
            if (parsed == null) {
                throw new AwsRuleViolation(what, AwsRule.STORED_EMPTY);
            }
            return parsed;
        } catch (UnrecognizedPropertyException e) {
            throw new AwsRuleViolation(what + "." + e.getPropertyName(), AwsRule.STORED_UNKNOWN_FIELD);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (e instanceof AwsRuleViolation violation) {
                throw violation;
            }
            throw new AwsRuleViolation(what, AwsRule.STORED_JSON);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
