package dev.kcaws.identitycenter;

import java.util.List;

/**
 * The push settings as written, before any check: an admin API body or a component's config.
 * {@code token} null means "none given" (the admin API keeps the stored one); {@code enabled},
 * {@code leavePolicy} and {@code reconcileIntervalMinutes} null take their defaults.
 */
public record ScimSettingsDraft(Boolean enabled, String endpoint, String token, List<String> groupIds,
                                String leavePolicy, String reconcileIntervalMinutes) {

    public ScimSettingsDraft {
        groupIds = groupIds == null ? List.of() : groupIds;
    }

    /** The same draft with another token (the stored one, when the admin left the field empty). */
    public ScimSettingsDraft withToken(String storedToken) {
        return new ScimSettingsDraft(enabled, endpoint, storedToken, groupIds, leavePolicy, reconcileIntervalMinutes);
    }

    @Override
    public String toString() {
        return "ScimSettingsDraft[enabled=" + enabled + ", endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***")
                + ", groupIds=" + groupIds + ", leavePolicy=" + leavePolicy + ", reconcileIntervalMinutes=" + reconcileIntervalMinutes + "]";
    }
}
