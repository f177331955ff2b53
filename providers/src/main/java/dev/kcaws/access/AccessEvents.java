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
}
