package dev.kcaws.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The group document for CreateGroup: {@code displayName} (required) and {@code externalId}.
 * Always created without members: CreateGroup takes at most 100, so members of any group go out
 * in {@link MembershipPatches} batches, one code path for every size.
 */
public record ScimGroupDocument(String displayName, String externalId) {

    public static ScimGroupDocument of(String displayName, String keycloakGroupId) {
        String name = ScimUserDocument.clean(displayName);
        if (name == null) {
            throw new ScimInputException("displayName", "the group has no name");
        }
        if (keycloakGroupId == null || keycloakGroupId.isBlank()) {
            throw new ScimInputException("externalId", "the group has no Keycloak ID");
        }
        return new ScimGroupDocument(name, keycloakGroupId);
    }

    public ObjectNode toJson() {
        ObjectNode json = ScimJson.object();
        json.putArray("schemas").add(ScimJson.GROUP_SCHEMA);
        json.put("displayName", displayName);
        json.put("externalId", externalId);
        json.putArray("members");
        return json;
    }
}
