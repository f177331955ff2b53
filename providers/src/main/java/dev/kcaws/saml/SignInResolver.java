package dev.kcaws.saml;

import dev.kcaws.client.MapperSettings;
import dev.kcaws.client.AwsClients;

import dev.kcaws.access.Access;
import dev.kcaws.access.AccessStore;
import dev.kcaws.aws.Partition;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Gathers what one AWS login may name from the model, then lets the planner decide. The access
 * check and the mapper ask in the same request (one database transaction), so the decision is
 * kept on the request's {@link KeycloakSession} and taken once; nothing outlives the request.
 */
public final class SignInResolver {

    private SignInResolver() {
    }

    public static SignInDecision decide(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user,
                                        LaunchChoice choice, MapperSettings settings) {
        String key = "kcaws.decision/" + client.getId() + "/" + user.getId() + "/" + choice.noteValue() + "/" + settings.hashCode();
        if (session.getAttribute(key) instanceof SignInDecision decided) {
            return decided;
        }
        SignInDecision decision = compute(session, realm, client, user, choice, settings);
        session.setAttribute(key, decision);
        return decision;
    }

    private static SignInDecision compute(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user,
                                          LaunchChoice choice, MapperSettings settings) {
        AccessStore store = AccessStore.of(realm);
        Partition partition = AwsClients.partitionOf(client);
        List<Access> held = choice.isAll()
                ? store.effectiveAccess(user, partition)
                : store.heldAccess(user, choice.account(), choice.permissionSet())
                .filter(a -> a.account().partition() == partition)
                .stream().toList();
        // When time-bound accesses end: empty at once in a realm without windows (the usual case).
        Map<String, Instant> ends = held.isEmpty() ? Map.of() : choice.isAll() ? store.accessEnds(user)
                : store.accessEnd(user, choice.account(), choice.permissionSet()).map(end -> Map.of(held.get(0).key(), end)).orElse(Map.of());
        AssertedUser facts = new AssertedUser(user.getUsername(), user.getEmail(), user::getFirstAttribute);
        return AssertionPlanner.decide(held, ends, Time.currentTimeMillis(), choice, facts, settings, EnvelopeMeasure.of(session, realm, client));
    }
}
