package dev.kcaws.scim;

/**
 * What happens in Identity Center to a pushed user who left the scope (no longer in a chosen
 * group, or deleted in Keycloak: the engine cannot tell the two apart and treats both alike).
 */
public enum LeavePolicy {
    /** {@code active: false}: the user can no longer sign in; assignments and history stay. */
    DEACTIVATE,
    /** DeleteUser: the user and their group memberships are gone from Identity Center. */
    DELETE
}
