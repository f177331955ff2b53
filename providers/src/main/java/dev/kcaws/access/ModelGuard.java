package dev.kcaws.access;

import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;

import java.util.List;
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
                RealmModel realm = updated.getUpdatedClient().getRealm();
                refuseIfAny(realm, AccessStore.of(realm).entryProblems());
            }
        });
    }

    private static void refuseIfAny(RealmModel realm, List<AwsRuleViolation> problems) {
        if (!problems.isEmpty()) {
            throw new ModelValidationException("AWS access model of realm " + realm.getName() + " is invalid: "
                    + problems.stream().map(AwsRuleViolation::getMessage).collect(Collectors.joining("; ")));
        }
    }
}
