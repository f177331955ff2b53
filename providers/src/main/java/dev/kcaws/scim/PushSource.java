package dev.kcaws.scim;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What should be in Identity Center now, read from Keycloak by the caller. The engine reads it
 * only; a Keycloak implementation answers from the realm of the push.
 */
public interface PushSource {
    /** Every chosen group. */
    List<SourceGroup> groups();

    /** Every user in scope: a member of a chosen group, sub-group members counted. */
    List<KeycloakUser> users();

    /** Keycloak user IDs of the group's members, sub-group members included; empty for an unknown group. */
    Set<String> memberIds(String groupId);

    /** The user when in scope; empty when deleted or out of scope. */
    Optional<KeycloakUser> user(String keycloakUserId);

    /** The group when chosen; empty when deleted or not chosen. */
    Optional<SourceGroup> group(String keycloakGroupId);

    /**
     * IDs of the chosen groups the user is a member of (sub-group membership counted). The default
     * asks every chosen group; a Keycloak implementation answers from the user's own groups.
     */
    default Set<String> groupIdsOf(String keycloakUserId) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (SourceGroup group : groups()) {
            if (memberIds(group.id()).contains(keycloakUserId)) {
                ids.add(group.id());
            }
        }
        return ids;
    }
}
