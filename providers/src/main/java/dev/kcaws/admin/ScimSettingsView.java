package dev.kcaws.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kcaws.identitycenter.IdentityCenterSettings;
import dev.kcaws.identitycenter.UserNameWarning;

import java.util.List;

/**
 * The settings as {@code GET /aws/identity-center/scim} answers them and as admin events record
 * them: {@code tokenSet} instead of the token, which is never returned; a vault reference (not a
 * secret) is shown as typed. {@code userNameWarning} ({@link UserNameWarning}) is there only when
 * the realm's user name is USERNAME and users in scope have one that is not an email address.
 */
public record ScimSettingsView(boolean configured, boolean enabled, String endpoint, boolean tokenSet,
                               String tokenVaultReference, List<String> groupIds, List<Group> groups,
                               String userNameSource, String leavePolicy, long reconcileIntervalMinutes,
                               @JsonInclude(JsonInclude.Include.NON_NULL) UserNameWarning userNameWarning) {

    /** A chosen group; {@code path} null when it was deleted or the admin may not view it. */
    public record Group(String id, String path) {
    }

    /** {@code groups}: one per chosen group, in the order answered (groupIds follow it). */
    static ScimSettingsView of(IdentityCenterSettings settings, List<Group> groups) {
        return new ScimSettingsView(true, settings.enabled(), settings.endpoint().toString(), true,
                settings.tokenVaultReference().orElse(null), groups.stream().map(Group::id).toList(), groups,
                settings.userNameSource().name(), settings.leavePolicy().name(), settings.reconcileInterval().toMinutes(), null);
    }

    /** The same with the warning about usernames that are not email addresses (none: null, and so absent from the answer). */
    ScimSettingsView withUserNameWarning(UserNameWarning warning) {
        return new ScimSettingsView(configured, enabled, endpoint, tokenSet, tokenVaultReference, groupIds, groups,
                userNameSource, leavePolicy, reconcileIntervalMinutes, warning);
    }

    /** Nothing stored yet: the form's defaults. */
    static ScimSettingsView none(String userNameSource) {
        return new ScimSettingsView(false, false, null, false, null, List.of(), List.of(), userNameSource,
                "DEACTIVATE", IdentityCenterSettings.DEFAULT_RECONCILE_INTERVAL.toMinutes(), null);
    }
}
