package dev.kcaws.scim;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the push has put in Identity Center: for each Keycloak user and group its Identity Center
 * ID and a fingerprint of the document last sent, and the memberships (as Keycloak IDs) pushed.
 * Only what is here is the bundle's to change or delete in Identity Center: users and groups it
 * created or adopted. Everything else there is left alone.
 *
 * <p>The engine records each request's effect right after Identity Center accepted it, so a run
 * cut short leaves the ledger true to what was sent. On Keycloak this is a few tables (one row
 * per user, per group, per membership); every method maps to one SQL statement (the
 * {@code Collection} arguments to one batched statement). Methods that take a collection are
 * called with at most a few hundred elements.
 */
public interface PushLedger {

    /**
     * A user the push created or adopted.
     *
     * @param keycloakId  Keycloak's user ID
     * @param scimId      Identity Center's user ID
     * @param fingerprint {@link ScimPush#fingerprint(ScimUserDocument)} of the document last sent or found equal
     * @param left        the user left the scope and was deactivated there ({@link LeavePolicy#DEACTIVATE})
     */
    record PushedUser(String keycloakId, String scimId, String fingerprint, boolean left) {
    }

    /**
     * A group the push created or adopted.
     *
     * @param keycloakId  Keycloak's group ID
     * @param scimId      Identity Center's group ID
     * @param fingerprint {@link ScimPush#fingerprint(ScimGroupDocument)} of the name last sent or found equal
     */
    record PushedGroup(String keycloakId, String scimId, String fingerprint) {
    }

    Optional<PushedUser> user(String keycloakUserId);

    /** Every pushed user (the reconcile reads them once). */
    List<PushedUser> users();

    Optional<PushedGroup> group(String keycloakGroupId);

    /** Every pushed group. */
    List<PushedGroup> groups();

    /** Keycloak IDs of the users pushed as members of this group. */
    Set<String> members(String keycloakGroupId);

    /** Keycloak IDs of the groups this user was pushed as a member of. */
    Set<String> groupsOf(String keycloakUserId);

    /** Inserts or replaces, by Keycloak ID. */
    void saveUsers(Collection<PushedUser> users);

    /** Removes the users and their memberships (after DeleteUser, or when gone from Identity Center). */
    void forgetUsers(Collection<String> keycloakUserIds);

    /** Inserts or replaces, by Keycloak ID. */
    void saveGroups(Collection<PushedGroup> groups);

    /** Removes the groups and their memberships. */
    void forgetGroups(Collection<String> keycloakGroupIds);

    /** Records members added to the group (already there: no change). */
    void addMembers(String keycloakGroupId, Collection<String> keycloakUserIds);

    /** Records members removed from the group (not there: no change). */
    void removeMembers(String keycloakGroupId, Collection<String> keycloakUserIds);
}
