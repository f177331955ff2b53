package dev.kcaws.admin;

import dev.kcaws.identitycenter.IdentityCenterSettings;

import java.util.List;

/**
 * The settings as {@code GET /aws/identity-center/scim} answers them and as admin events record
 * them: {@code tokenSet} instead of the token, which is never returned; a vault reference (not a
 * secret) is shown as typed.
 */
public record ScimSettingsView(boolean configured, boolean enabled, String endpoint, boolean tokenSet,
                               String tokenVaultReference, List<String> groupIds, List<Group> groups,
                               String userNameSource, String leavePolicy, long reconcileIntervalMinutes) {

    /** A chosen group; {@code path} null when it was deleted or the admin may not view it. */
    public record Group(String id, String path) {
    }

    static ScimSettingsView of(IdentityCenterSettings settings, List<Group> groups) {
        return new ScimSettingsView(true, settings.enabled(), settings.endpoint().toString(), true,
                settings.tokenVaultReference().orElse(null), settings.groupIds(), groups,
                settings.userNameSource().name(), settings.leavePolicy().name(), settings.reconcileInterval().toMinutes());
    }

    /** Nothing stored yet: the form's defaults. */
    static ScimSettingsView none(String userNameSource) {
        return new ScimSettingsView(false, false, null, false, null, List.of(), List.of(), userNameSource,
                "DEACTIVATE", IdentityCenterSettings.DEFAULT_RECONCILE_INTERVAL.toMinutes());
    }
}
