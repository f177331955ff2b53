package dev.kcaws.identitycenter;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.keycloak.RealmUpdates;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;

/**
 * Refuses an unknown user-name setting ({@value UserNameSetting#ATTRIBUTE}) written past the
 * bundle's API: Keycloak's realm API ({@code PUT /admin/realms/{realm}}, the console's realm
 * attributes) and a realm import. Read as the default, it would silently change every NameID and
 * pushed {@code userName}. Thrown inside the change's transaction, so nothing is kept; the realm
 * API answers a {@code ModelException} with 400 and its message, an import the same way as the
 * model guard's other refusals.
 */
public final class UserNameGuard {

    private UserNameGuard() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                check(created.getKeycloakSession(), created.getCreatedRealm());
            } else {
                RealmUpdates.of(event).ifPresent(updated -> check(updated.session(), updated.realm()));
            }
        });
    }

    private static void check(KeycloakSession session, RealmModel realm) {
        UserNameSetting.unknownValue(realm).ifPresent(value -> {
            AwsRuleViolation refusal = new AwsRuleViolation("attributes." + UserNameSetting.ATTRIBUTE, AwsRule.USER_NAME_SOURCE);
            // The realm API marks nothing rollback-only for a ModelException: the refusal does.
            session.getTransactionManager().setRollbackOnly();
            throw new ModelValidationException(refusal.getMessage());
        });
    }
}
