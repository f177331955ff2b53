package dev.kcaws.access;

import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.keycloak.ModelLock;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;

import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Refuses a change that would store an AWS model AWS would reject, whichever way it comes: a realm
 * import (kc.sh import, --import-realm, POST /admin/realms), or an update of the model client
 * through Keycloak's own admin API, partial import or a realm-as-code tool. Thrown inside the
 * change's transaction, so nothing is kept, and Keycloak answers 400 with the message.
 */
public final class ModelGuard {

    private ModelGuard() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                refuseIfAny(created.getCreatedRealm(), AccessStore.of(created.getCreatedRealm()).problems());
            } else if (event instanceof ClientModel.ClientUpdatedEvent updated
                    && ModelFormat.MODEL_CLIENT_ID.equals(updated.getUpdatedClient().getClientId())) {
                ClientModel client = updated.getUpdatedClient();
                RealmModel realm = client.getRealm();
                refuseModelChange(updated.getKeycloakSession(), realm, client);
                refuseIfAny(realm, AccessStore.of(realm).entryProblems());
            }
        });
    }

    /**
     * Accounts and permission sets change only through the bundle's API, which locks the model and
     * checks every rule; a save of the model client through Keycloak's own client API (the admin
     * console's *Save*, a realm-as-code tool) sends a full representation that may have been read
     * before someone else's change, and would silently undo a rename or bring a deleted account
     * back. So such a save may change anything but the model's entries: it is compared with what
     * is committed now, after taking the bundle's model lock.
     */
    private static void refuseModelChange(KeycloakSession session, RealmModel realm, ClientModel client) {
        Optional<Map<String, String>> before = ModelLock.committedAttributes(session, realm, client.getId());
        if (before.isEmpty()) {
            return; // created by this very transaction (a realm import): the import check below applies
        }
        ModelLock.lockExisting(session, realm, client.getClientId());
        Map<String, String> committed = modelEntries(ModelLock.committedAttributes(session, realm, client.getId()).orElse(before.get()));
        Map<String, String> saved = modelEntries(client.getAttributes());
        if (committed.equals(saved)) {
            return;
        }
        Set<String> changed = new TreeSet<>(committed.keySet());
        changed.addAll(saved.keySet());
        changed.removeIf(name -> Objects.equals(committed.get(name), saved.get(name)));
        // An ErrorResponseException, not a ModelValidationException: Keycloak's error handler answers the
        // latter with a bare "unknown_error"; this one is a 400 with the message and rolls the save back.
        throw ErrorResponse.error("The AWS accounts and permission sets of realm " + realm.getName()
                + " are changed only on the AWS admin page or through /admin/realms/" + realm.getName()
                + "/aws; this save of client " + ModelFormat.MODEL_CLIENT_ID + " would change " + String.join(", ", changed)
                + " (if you did not mean to, it was read before another change: reload it and save again)",
                Response.Status.BAD_REQUEST);
    }

    private static Map<String, String> modelEntries(Map<String, String> attributes) {
        Map<String, String> entries = new HashMap<>();
        attributes.forEach((name, value) -> {
            if (name.startsWith(ModelFormat.ACCOUNT_PREFIX) || name.startsWith(ModelFormat.PERMISSION_SET_PREFIX)) {
                entries.put(name, value);
            }
        });
        return entries;
    }

    private static void refuseIfAny(RealmModel realm, List<AwsRuleViolation> problems) {
        if (!problems.isEmpty()) {
            throw new ModelValidationException("AWS access model of realm " + realm.getName() + " is invalid: "
                    + problems.stream().map(AwsRuleViolation::getMessage).collect(Collectors.joining("; ")));
        }
    }
}
