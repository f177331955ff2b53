package dev.kcaws.identitycenter.push;

import dev.kcaws.identitycenter.UserNameSetting;
import dev.kcaws.keycloak.GroupMembershipEvents;
import dev.kcaws.keycloak.RealmUpdates;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

import java.util.List;

/**
 * The changes Keycloak's model announces ({@link ProviderEvent}s, published inside the change's
 * transaction, whichever path made the change: admin console, admin API, partial import, a user
 * storage sync that imports users, an identity-provider mapper), put in the outbox of a realm that
 * pushes to Identity Center:
 * <ul>
 *   <li>membership added or removed ({@code GroupMemberJoinEvent}, {@code GroupMemberLeaveEvent}):
 *       the user (entering or leaving the scope) and each chosen group among the group and its ancestors;</li>
 *   <li>group created or updated (renamed), when chosen; moved ({@code GroupPathChangeEvent}) under
 *       or out of a chosen group: every chosen group and the moved group's members;</li>
 *   <li>group removed: the group when chosen; under a chosen group, the chosen ancestors and the
 *       removed group's direct members (its sub-groups announce their own removal);</li>
 *   <li>user removed: the user, and each group the ledger says it was pushed into;</li>
 *   <li>realm created (an import, which announces nothing else): a full reconcile; realm removed:
 *       the realm's rows in the push tables go with it;</li>
 *   <li>realm updated through Keycloak's realm API with another user-name setting: a full reconcile.</li>
 * </ul>
 * Users created or updated have no model event: {@link PushEventListenerProviderFactory} catches
 * them from admin and user events.
 */
final class ChangeCapture {

    private ChangeCapture() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(ChangeCapture::onEvent);
    }

    private static void onEvent(ProviderEvent event) {
        if (event instanceof GroupModel.GroupMemberJoinEvent join) {
            membership(join, join.getUser());
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent leave) {
            // On 26.4 the event does not name the user: the group's push removes the membership by
            // its diff, and the next reconcile handles a user who left the scope altogether.
            membership(leave, GroupMembershipEvents.userLeaving(leave).orElse(null));
        } else if (event instanceof GroupModel.GroupPathChangeEvent moved) {
            Capture.of(moved.getKeycloakSession(), moved.getRealm()).ifPresent(capture -> {
                if (capture.chosen(moved.getGroup().getId())) {
                    capture.group(moved.getGroup().getId());
                }
                if (!parentPath(moved.getNewPath()).equals(parentPath(moved.getPreviousPath()))) {
                    capture.allChosenGroups();
                    capture.membersOf(capture.queries().withDescendants(List.of(moved.getGroup().getId())));
                }
            });
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            Capture.of(removed.getKeycloakSession(), removed.getRealm()).ifPresent(capture -> {
                GroupModel group = removed.getGroup();
                if (capture.chosen(group.getId())) {
                    capture.group(group.getId());
                }
                if (capture.inScope(group)) {
                    capture.groupAndChosenAncestors(group.getParent());
                    capture.membersOf(List.of(group.getId()));
                }
            });
        } else if (event instanceof GroupModel.GroupCreatedEvent created) {
            Capture.of(created.getKeycloakSession(), created.getRealm())
                    .filter(capture -> capture.chosen(created.getGroup().getId()))
                    .ifPresent(capture -> capture.group(created.getGroup().getId()));
        } else if (event instanceof GroupModel.GroupUpdatedEvent updated) {
            Capture.of(updated.getKeycloakSession(), updated.getRealm())
                    .filter(capture -> capture.chosen(updated.getGroup().getId()))
                    .ifPresent(capture -> capture.group(updated.getGroup().getId()));
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            Capture.of(removed.getKeycloakSession(), removed.getRealm()).ifPresent(capture -> {
                String userId = removed.getUser().getId();
                capture.user(userId);
                new JpaPushLedger(Outbox.of(removed.getKeycloakSession()).entityManager(), removed.getRealm().getId())
                        .groupsOf(userId).forEach(capture::group);
            });
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            Capture.of(created.getKeycloakSession(), created.getCreatedRealm()).ifPresent(capture -> {
                UserNameSetting.changedSinceNoted(created.getCreatedRealm());
                capture.wholeRealm();
            });
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            Capture.forgetRealm(removed.getKeycloakSession(), removed.getRealm().getId());
        } else {
            // The user-name setting changed through Keycloak's realm API: every pushed userName
            // follows at once, as the SAML NameID does at the next sign-in.
            // Noted only in realms that push, so other realms get no bookkeeping attribute.
            RealmUpdates.of(event).ifPresent(updated -> Capture.of(updated.session(), updated.realm())
                    .filter(capture -> UserNameSetting.changedSinceNoted(updated.realm())).ifPresent(Capture::wholeRealm));
        }
    }

    private static void membership(GroupModel.GroupEvent event, UserModel user) {
        Capture.of(event.getKeycloakSession(), event.getRealm()).ifPresent(capture -> {
            if (capture.inScope(event.getGroup())) {
                if (user != null) {
                    capture.user(user.getId());
                }
                capture.groupAndChosenAncestors(event.getGroup());
            }
        });
    }

    private static String parentPath(String path) {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }
}
