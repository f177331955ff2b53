package dev.kcaws.identitycenter.push;

import dev.kcaws.setup.BundleSetup;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;
import java.util.Set;

/**
 * A global event listener ({@link #isGlobal()}: it hears every realm without being added to the
 * realm's listeners) for the changes the model does not announce: a user created or updated
 * (enabled or disabled, renamed, new email or names) through the admin API or console (admin
 * events {@code USER}), by self-registration, a self-service profile or email change, or a first
 * login or account link through an identity provider (and each brokered login, whose mappers may
 * update the user); a user or group added or overwritten by a partial import. Admin events about
 * group memberships and groups are heard too, in case a Keycloak release does not announce them in
 * its model.
 *
 * <p>A partial import ({@code POST /admin/realms/{realm}/partialImport}) sends one admin event per
 * item added ({@code CREATE}) or overwritten ({@code UPDATE}), of resource type {@code REALM} with
 * the item's path, {@code users/<id>} or {@code groups/<id>} (Keycloak's
 * {@code RealmAdminResource.fireCreatedEvent}/{@code fireUpdateEvent}, 26.4 to 26.7); an
 * overwritten user or group is removed first ({@code UserRemovedEvent}/{@code GroupRemovedEvent},
 * heard by {@link ChangeCapture}) and created again, with a new ID unless the file gives one.
 *
 * <p>Keycloak calls it inside the transaction of the change for successful events, so the outbox
 * row commits or rolls back with the change.
 */
public class PushEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "kcaws-identity-center-push";

    private static final Set<EventType> USER_CHANGES = Set.of(EventType.REGISTER, EventType.UPDATE_PROFILE, EventType.UPDATE_EMAIL,
            EventType.IDENTITY_PROVIDER_FIRST_LOGIN, EventType.FEDERATED_IDENTITY_LINK);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new Listener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
        PushSchedule.configure(config);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return PushSchedule.configMetadata();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BundleSetup.register(factory);
        // The push is this provider: disabled with it (no capture, no timer), never half on.
        IdentityCenterPush.register(factory);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    private record Listener(KeycloakSession session) implements EventListenerProvider {

        @Override
        public void onEvent(Event event) {
            if (event.getUserId() == null || event.getError() != null) {
                return;
            }
            boolean brokered = event.getType() == EventType.LOGIN && event.getDetails() != null
                    && event.getDetails().containsKey("identity_provider");
            if (USER_CHANGES.contains(event.getType()) || brokered) {
                Capture.of(session, realm(event.getRealmId())).ifPresent(capture -> capture.user(event.getUserId()));
            }
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            if (event.getResourceType() == null || event.getResourcePath() == null || event.getError() != null
                    || event.getOperationType() == OperationType.ACTION) {
                return;
            }
            RealmModel realm = realm(event.getRealmId());
            List<String> path = List.of(event.getResourcePath().split("/"));
            ResourceType type = event.getResourceType();
            Capture.of(session, realm).ifPresent(capture -> {
                // USER: the admin API and console; REALM: a partial import (see the class comment)
                boolean userOrImport = type == ResourceType.USER || type == ResourceType.REALM;
                if (userOrImport && path.size() >= 2 && path.get(0).equals("users")) {
                    capture.user(path.get(1));
                } else if (type == ResourceType.GROUP_MEMBERSHIP && path.size() >= 4 && path.get(0).equals("users") && path.get(2).equals("groups")) {
                    capture.user(path.get(1));
                    capture.groupsAndChosenAncestors(List.of(path.get(3)));
                } else if ((type == ResourceType.GROUP || type == ResourceType.REALM) && path.size() >= 2 && path.get(0).equals("groups")
                        && event.getOperationType() != OperationType.DELETE) {
                    capture.groupsAndChosenAncestors(List.of(path.get(1)));
                }
            });
        }

        private RealmModel realm(String realmId) {
            RealmModel current = session.getContext().getRealm();
            if (current != null && current.getId().equals(realmId)) {
                return current;
            }
            return realmId == null ? null : session.realms().getRealm(realmId);
        }

        @Override
        public void close() {
        }
    }
}
