package dev.kcaws.admin;

import dev.kcaws.identitycenter.ScimSettingsDraft;

import java.util.List;

/**
 * The body of {@code PUT /aws/identity-center/scim}. {@code token} is write-only: omitted (or
 * empty), the stored token is kept. {@code userNameSource} (EMAIL or USERNAME) is the realm's one
 * user-name setting, shared with the SAML client; omitted, it is left as it is.
 */
public record ScimSettingsRepresentation(Boolean enabled, String endpoint, String token, List<String> groupIds,
                                         String userNameSource, String leavePolicy, Integer reconcileIntervalMinutes) {

    ScimSettingsDraft toDraft() {
        return new ScimSettingsDraft(enabled, endpoint, token, groupIds, leavePolicy,
                reconcileIntervalMinutes == null ? null : String.valueOf(reconcileIntervalMinutes));
    }

    @Override
    public String toString() {
        return "ScimSettingsRepresentation[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
