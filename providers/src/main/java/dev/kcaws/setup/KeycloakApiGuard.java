package dev.kcaws.setup;

import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelRefusedException;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.keycloak.ModelLock;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps Keycloak's own client and role endpoints ({@code /admin/realms/{realm}/clients/…},
 * {@code /roles-by-id/…}, hence the admin console) from changing the AWS model: the {@code kcaws.*}
 * attributes of the {@code aws-access} client, its {@code access:*} roles, the client itself. They
 * would change AWS access with only manage-clients, skipping the permissions the AWS admin API
 * checks; so such a change is refused whoever asks, pointing to that API. Everything else stays
 * Keycloak's: other attributes and roles of the client, realm import and partial import (which need
 * create-realm or manage-realm), deleting the realm, and the AWS admin API itself.
 *
 * <p>Keycloak's model events are the hook, thrown inside the change's transaction, so nothing is
 * kept. Role creation and composite changes publish no event and are not covered here.
 */
public final class KeycloakApiGuard {

    /** The request paths, relative to the server's base, of Keycloak's client and role admin endpoints. */
    private static final Pattern OWN_ENDPOINTS = Pattern.compile("/?admin/realms/[^/]+/(clients|roles-by-id)(/.*)?");

    private KeycloakApiGuard() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof ClientModel.ClientUpdatedEvent updated) {
                ClientModel client = updated.getUpdatedClient();
                if (isModelClient(client) && viaOwnEndpoint(updated.getKeycloakSession())) {
                    Set<String> changed = changedModelAttributes(updated.getKeycloakSession(), client);
                    if (!changed.isEmpty()) {
                        throw refused(updated.getKeycloakSession(), AwsRule.KEYCLOAK_API_STALE, client.getRealm(), String.join(", ", changed));
                    }
                }
            } else if (event instanceof ClientModel.ClientIdChangeEvent renamed) {
                if ((ModelFormat.MODEL_CLIENT_ID.equals(renamed.getPreviousClientId()) || ModelFormat.MODEL_CLIENT_ID.equals(renamed.getNewClientId()))
                        && viaOwnEndpoint(renamed.getKeycloakSession())) {
                    throw refused(renamed.getKeycloakSession(), renamed.getUpdatedClient().getRealm());
                }
            } else if (event instanceof ClientModel.ClientRemovedEvent removed) {
                if (isModelClient(removed.getClient()) && viaOwnEndpoint(removed.getKeycloakSession())) {
                    throw refused(removed.getKeycloakSession(), removed.getClient().getRealm());
                }
            } else if (event instanceof RoleContainerModel.RoleRemovedEvent removed) {
                RoleModel role = removed.getRole();
                if (role.getContainer() instanceof ClientModel client && isModelClient(client) && isAccessRole(role.getName())
                        && viaOwnEndpoint(removed.getKeycloakSession())) {
                    throw refused(removed.getKeycloakSession(), client.getRealm());
                }
            } else if (event instanceof RoleModel.RoleNameChangeEvent renamed) {
                if (ModelFormat.MODEL_CLIENT_ID.equals(renamed.getClientId())
                        && (isAccessRole(renamed.getPreviousName()) || isAccessRole(renamed.getNewName()))
                        && viaOwnEndpoint(renamed.getKeycloakSession())) {
                    throw refused(renamed.getKeycloakSession(), renamed.getRealm());
                }
            }
        });
    }

    static WebApplicationException refused(KeycloakSession session, RealmModel realm) {
        return refused(session, AwsRule.KEYCLOAK_API, realm, "");
    }

    /** A 403 with the error those endpoints give ({@code errorMessage}, shown by the admin console), plus its key. */
    private static WebApplicationException refused(KeycloakSession session, AwsRule rule, RealmModel realm, String changed) {
        Object[] params = rule == AwsRule.KEYCLOAK_API ? new Object[] {ModelFormat.MODEL_CLIENT_ID, realm.getName()}
                : new Object[] {ModelFormat.MODEL_CLIENT_ID, realm.getName(), changed};
        return ModelRefusedException.of(session, Response.Status.FORBIDDEN, AwsRuleViolation.of(rule, params));
    }

    private static boolean isModelClient(ClientModel client) {
        return ModelFormat.MODEL_CLIENT_ID.equals(client.getClientId());
    }

    private static boolean isAccessRole(String roleName) {
        return roleName != null && roleName.startsWith(ModelFormat.ACCESS_PREFIX);
    }

    /** Whether the change comes from a request to Keycloak's own client or role endpoints (not an import, not the bundle's API). */
    static boolean viaOwnEndpoint(KeycloakSession session) {
        HttpRequest request;
        try {
            request = session.getContext().getHttpRequest();
        } catch (RuntimeException e) {
            return false; // no request: an import at startup or a background task
        }
        if (request == null || request.getUri() == null) {
            return false;
        }
        return OWN_ENDPOINTS.matcher(request.getUri().getPath()).matches();
    }

    private static Map<String, String> modelAttributes(ClientModel client) {
        return modelAttributes(client.getAttributes());
    }

    private static Map<String, String> modelAttributes(Map<String, String> attributes) {
        Map<String, String> model = new TreeMap<>();
        attributes.forEach((name, value) -> {
            if (name.startsWith(ModelFormat.ACCOUNT_PREFIX) || name.startsWith(ModelFormat.PERMISSION_SET_PREFIX)
                    || name.startsWith(ModelFormat.WINDOW_PREFIX)) {
                model.put(name, value);
            }
        });
        return model;
    }

    /**
     * The model attributes this save changes: compared with what is committed, read from the database
     * in a transaction of its own after taking the bundle's model lock, so that a change the bundle's
     * API committed a moment ago (on any node) counts, and none commits before this one is decided.
     * A client being created has none committed.
     */
    private static Set<String> changedModelAttributes(KeycloakSession session, ClientModel client) {
        ModelLock.lockExisting(session, client.getRealm(), client.getClientId());
        Map<String, String> saved = modelAttributes(client);
        Map<String, String> committed = ModelLock.committedAttributes(session, client.getRealm(), client.getId())
                .map(KeycloakApiGuard::modelAttributes).orElse(Map.of());
        Set<String> changed = new TreeSet<>(saved.keySet());
        changed.addAll(committed.keySet());
        changed.removeIf(name -> Objects.equals(saved.get(name), committed.get(name)));
        return changed;
    }
}
