package dev.kcaws.identitycenter;

import dev.kcaws.keycloak.GroupMemberQueries;
import dev.kcaws.keycloak.UserNameQueries;
import dev.kcaws.scim.UserNameSource;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the admin is told when the realm's {@link UserNameSetting} is USERNAME and users in scope
 * have a username that is not an email address: Identity Center wants an email-format NameID and
 * the bundle's sign-in check refuses any other, so those users would be provisioned but could never
 * sign in. A warning, not a refusal: the usernames may be fixed later.
 *
 * @param scope    {@code GROUPS}: the members of the pushed groups and their sub-groups; {@code REALM}:
 *                 every user of the realm, while no groups are chosen yet
 * @param count    how many such users
 * @param examples up to {@value #EXAMPLES} of their usernames, in order; empty for an admin who may not view users
 */
public record UserNameWarning(String scope, long count, List<String> examples) {

    public static final int EXAMPLES = 5;

    /** The warning for the realm's users as they are now with that user-name source, or empty when there is nothing to warn about. */
    public static Optional<UserNameWarning> of(KeycloakSession session, RealmModel realm, UserNameSource source,
                                               List<String> pushedGroupIds, boolean mayViewUsers) {
        if (source != UserNameSource.USERNAME) {
            return Optional.empty();
        }
        boolean groups = pushedGroupIds != null && !pushedGroupIds.isEmpty();
        UserNameQueries.Found found = UserNameQueries.notAnAddress(session, realm,
                groups ? GroupMemberQueries.of(session, realm).withDescendants(pushedGroupIds) : null, EXAMPLES);
        if (found.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(new UserNameWarning(groups ? "GROUPS" : "REALM", found.count(), mayViewUsers ? found.examples() : List.of()));
    }
}
