package dev.kcaws.access;

import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses a realm import (kc.sh import, --import-realm, POST /admin/realms) whose AWS model breaks
 * AWS's rules. Thrown inside the import's transaction, so nothing of the realm is kept, and Keycloak
 * reports the message (HTTP 400 on the admin API).
 */
public final class ModelImportGuard {

    private ModelImportGuard() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                check(created.getCreatedRealm());
            }
        });
    }

    static void check(RealmModel realm) {
        List<AwsRuleViolation> problems = AccessStore.of(realm).problems();
        if (!problems.isEmpty()) {
            throw new ModelValidationException("AWS access model of realm " + realm.getName() + " is invalid: "
                    + problems.stream().map(AwsRuleViolation::getMessage).collect(Collectors.joining("; ")));
        }
    }
}
