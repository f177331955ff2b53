package dev.kcaws.setup;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelRefusedException;
import dev.kcaws.access.WindowPrincipals;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.client.AwsClients;
import dev.kcaws.client.MapperSettings;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a change that would store an AWS model AWS would reject, or an AWS client whose
 * role-pair mapper settings cannot be used, whichever way it comes: a realm import (kc.sh import,
 * --import-realm, POST /admin/realms), or a create or update of a client through Keycloak's own
 * admin API, partial import or a realm-as-code tool. Thrown inside the change's transaction, so
 * nothing is kept, and Keycloak answers 400 with the message (see {@link ModelRefusedException}).
 * A time-bound assignment's window must name a group or user the realm has ({@link WindowPrincipals}):
 * checked for a realm import when it has made its groups and users, and for every other update of the
 * model client at once.
 */
public final class ModelGuard {

    /** Session attribute marking a realm being created (imported) in this session, until its post-create event. */
    private static final String CREATING = "kcaws.realm-creating.";

    private ModelGuard() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmCreationEvent creation) {
                creation.getKeycloakSession().setAttribute(CREATING + creation.getCreatedRealm().getId(), Boolean.TRUE);
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                RealmModel realm = created.getCreatedRealm();
                created.getKeycloakSession().removeAttribute(CREATING + realm.getId());
                List<AwsRuleViolation> problems = new ArrayList<>(AccessStore.of(realm).problems());
                realm.getClientsStream().forEach(client -> problems.addAll(mapperProblems(client)));
                problems.addAll(WindowPrincipals.unknown(created.getKeycloakSession(), realm,
                        realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID)));
                refuseIfAny(created.getKeycloakSession(), realm, problems);
            } else if (event instanceof ClientModel.ClientUpdatedEvent updated) {
                ClientModel client = updated.getUpdatedClient();
                List<AwsRuleViolation> problems = new ArrayList<>(mapperProblems(client));
                if (ModelFormat.MODEL_CLIENT_ID.equals(client.getClientId())) {
                    problems.addAll(AccessStore.of(client.getRealm()).entryProblems());
                    // A realm import makes its clients before its groups and users: checked when it ends (above).
                    if (updated.getKeycloakSession().getAttribute(CREATING + client.getRealm().getId()) == null) {
                        problems.addAll(WindowPrincipals.unknown(updated.getKeycloakSession(), client.getRealm(), client));
                    }
                }
                refuseIfAny(updated.getKeycloakSession(), client.getRealm(), problems);
            }
        });
    }

    /** The role-pair mapper's settings of an AWS client, checked as every login would read them. */
    private static List<AwsRuleViolation> mapperProblems(ClientModel client) {
        return AwsClients.roleMapperOf(client).map(mapper -> {
            try {
                MapperSettings.from(mapper.getConfig());
                return List.<AwsRuleViolation>of();
            } catch (AwsRuleViolation e) {
                return List.of(new AwsRuleViolation(e.field(), AwsRule.IN_MAPPER, e, mapper.getName(),
                        client.getClientId()));
            }
        }).orElse(List.of());
    }

    private static void refuseIfAny(KeycloakSession session, RealmModel realm, List<AwsRuleViolation> problems) {
        if (!problems.isEmpty()) {
            throw ModelRefusedException.of(session, AwsRuleViolation.of(AwsRule.MODEL_INVALID, realm.getName()), problems);
        }
    }
}
