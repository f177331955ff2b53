package dev.kcaws.access;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import org.keycloak.events.EventBuilder;

/**
 * The event details that name the AWS role a sign-in, a refusal or a credential exchange is about,
 * so Keycloak's event store, listeners and SIEM forwarding read "bob opened 222222222222 as
 * PowerUserAccess" the same way on every path (login, shortcut, access keys, CLI).
 */
public final class AccessEvents {

    /** The 12-digit account ID. */
    public static final String DETAIL_AWS_ACCOUNT = "aws_account";
    /** The permission set's name. */
    public static final String DETAIL_PERMISSION_SET = "permission_set";
    /**
     * The roles a plain login offers, as {@code <account id>:<set>} separated by commas, at most
     * {@link #MAX_ROLES_LENGTH} characters: a longer list ends with {@code +<n>} (how many left out).
     */
    public static final String DETAIL_ROLES = "aws_roles";
    /** How many roles a plain login offers, whole even when {@link #DETAIL_ROLES} is cut. */
    public static final String DETAIL_ROLE_COUNT = "aws_role_count";
    /** Keeps an event's details well under what event stores and SIEM forwarders take per value. */
    public static final int MAX_ROLES_LENGTH = 1000;
    /** How the role was reached: one of the {@code CHANNEL_*} values. */
    public static final String DETAIL_CHANNEL = "aws_channel";

    public static final String CHANNEL_CONSOLE = "console";
    public static final String CHANNEL_SHORTCUT = "shortcut";
    public static final String CHANNEL_ACCESS_KEYS = "access_keys";
    public static final String CHANNEL_CLI = "cli";

    private AccessEvents() {
    }

    /** Adds the pair to the event; returns it for chaining. */
    public static EventBuilder pair(EventBuilder event, AccountId account, PermissionSetName permissionSet) {
        return event.detail(DETAIL_AWS_ACCOUNT, account.value()).detail(DETAIL_PERMISSION_SET, permissionSet.value());
    }

    /** Adds the roles a login offers (see {@link #DETAIL_ROLES}); returns the event for chaining. */
    public static EventBuilder offered(EventBuilder event, java.util.List<String> accountColonSet) {
        return event.detail(DETAIL_ROLES, rolesDetail(accountColonSet)).detail(DETAIL_ROLE_COUNT, String.valueOf(accountColonSet.size()));
    }

    /** The pairs joined by commas, cut before the pair that would pass {@link #MAX_ROLES_LENGTH} with {@code +<left out>}. */
    static String rolesDetail(java.util.List<String> accountColonSet) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < accountColonSet.size(); i++) {
            String pair = accountColonSet.get(i);
            String more = ",+" + (accountColonSet.size() - i);
            // Room left for this pair and, if more follow, for the count of those left out.
            int needed = (joined.length() > 0 ? 1 : 0) + pair.length() + (i + 1 < accountColonSet.size() ? more.length() : 0);
            if (joined.length() + needed > MAX_ROLES_LENGTH) {
                return joined.length() == 0 ? "+" + accountColonSet.size() : joined.append(more).toString();
            }
            if (joined.length() > 0) {
                joined.append(',');
            }
            joined.append(pair);
        }
        return joined.toString();
    }
}
