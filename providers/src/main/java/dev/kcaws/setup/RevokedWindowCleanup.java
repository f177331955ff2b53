package dev.kcaws.setup;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AccessWindows;
import dev.kcaws.access.ModelFormat;
import org.jboss.logging.Logger;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A time-bound assignment's window goes with its role mapping, also when the mapping is removed
 * outside the AWS admin API (Keycloak's role-mapping endpoints, the admin console): otherwise the old window would bind the next assignment of the same group or user, and an
 * ended one would end it at once. A user's mapping publishes which role went
 * ({@link RoleModel.RoleRevokedEvent}); a group's only that the group changed, so that is looked at
 * only for requests to Keycloak's group endpoints. Whatever this misses (a deleted group or user:
 * IDs are never reused) the clean-up task drops with the next ended window of the realm.
 */
final class RevokedWindowCleanup {

    private static final Logger LOG = Logger.getLogger(RevokedWindowCleanup.class);

    private static final Pattern GROUP_ENDPOINTS = Pattern.compile("/?admin/realms/[^/]+/groups/.*");

    private RevokedWindowCleanup() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RoleModel.RoleRevokedEvent revoked) {
                RoleModel role = revoked.getRole();
                RealmModel realm = realmOf(role);
                if (realm == null) {
                    return;
                }
                AccessWindows windows = windowsOf(realm, role);
                if (windows != null && windows.ofUser(revoked.getUser().getId()) != null) {
                    AccessStore.forWriting(revoked.getKeycloakSession(), realm).forgetWindow(revoked.getUser(), role);
                }
            } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
                forgetDeleted(removed.getKeycloakSession(), removed.getRealm(), w -> w.ofGroup(removed.getGroup().getId()) != null,
                        w -> w.withGroup(removed.getGroup().getId(), null));
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                forgetDeleted(removed.getKeycloakSession(), removed.getRealm(), w -> w.ofUser(removed.getUser().getId()) != null,
                        w -> w.withUser(removed.getUser().getId(), null));
            } else if (event instanceof GroupModel.GroupUpdatedEvent updated && viaGroupEndpoint(updated.getKeycloakSession())) {
                GroupModel group = updated.getGroup();
                RealmModel realm = updated.getRealm();
                if (realm == null) {
                    return;
                }
                AccessStore cached = AccessStore.of(realm);
                if (!cached.hasWindows()) {
                    return;
                }
                List<String> windowed = cached.allWindows().entrySet().stream()
                        .filter(e -> e.getValue().ofGroup(group.getId()) != null).map(Map.Entry::getKey).toList();
                if (windowed.isEmpty()) {
                    return;
                }
                AccessStore store = AccessStore.forWriting(updated.getKeycloakSession(), realm);
                for (String key : windowed) {
                    RoleModel role = store.modelClient().getRole(ModelFormat.ACCESS_PREFIX + key);
                    if (role == null || !store.holdsDirectly(group, role)) {
                        store.setWindows(key, w -> w.withGroup(group.getId(), null));
                        LOG.debugf("Realm %s: the window of group %s on %s went with its mapping", realm.getName(), group.getId(), key);
                    }
                }
            }
        });
    }

    /**
     * A deleted group's or user's windows go with it: the model guard refuses windows naming no one
     * (see {@code WindowPrincipals}), so none may stay behind to block the next update of the model client.
     */
    private static void forgetDeleted(KeycloakSession session, RealmModel realm, java.util.function.Predicate<AccessWindows> names,
                                      java.util.function.UnaryOperator<AccessWindows> without) {
        if (realm == null || realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID) == null) {
            return;
        }
        AccessStore cached = AccessStore.of(realm);
        if (!cached.hasWindows()) {
            return;
        }
        List<String> windowed = cached.allWindows().entrySet().stream().filter(e -> names.test(e.getValue())).map(Map.Entry::getKey).toList();
        if (windowed.isEmpty()) {
            return;
        }
        AccessStore store = AccessStore.forWriting(session, realm);
        windowed.forEach(key -> store.setWindows(key, without));
    }

    private static RealmModel realmOf(RoleModel role) {
        if (role == null || !role.isClientRole() || !role.getName().startsWith(ModelFormat.ACCESS_PREFIX)
                || !(role.getContainer() instanceof ClientModel client) || !ModelFormat.MODEL_CLIENT_ID.equals(client.getClientId())) {
            return null;
        }
        return client.getRealm();
    }

    /** The role's windows as the cached model client holds them; null when it has none. */
    private static AccessWindows windowsOf(RealmModel realm, RoleModel role) {
        ModelFormat.AccessName name = AccessStore.accessNameOrNull(role.getName());
        AccessWindows windows = name == null ? null : AccessStore.of(realm).windows(name.account(), name.permissionSet());
        return windows == null || windows.isEmpty() ? null : windows;
    }

    private static boolean viaGroupEndpoint(KeycloakSession session) {
        HttpRequest request;
        try {
            request = session.getContext().getHttpRequest();
        } catch (RuntimeException e) {
            return false;
        }
        return request != null && request.getUri() != null && GROUP_ENDPOINTS.matcher(request.getUri().getPath()).matches();
    }
}
