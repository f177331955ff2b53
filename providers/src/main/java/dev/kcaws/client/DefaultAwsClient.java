package dev.kcaws.client;

import dev.kcaws.client.AwsClients;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.aws.Partition;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlProtocol;

import java.util.List;
import java.util.Optional;

/**
 * Which AWS client serves a partition's one-role logins (shortcut links and access keys): the
 * realm's default for the partition, stored on the model client as
 * {@code kcaws.default-client.<partition>} so that it travels with export and import. Without a
 * stored default, the partition's only usable AWS client serves. Several and none chosen, or a
 * chosen one that cannot serve, is refused: another client is never picked silently.
 */
public record DefaultAwsClient(Partition partition, String chosenClientId, ClientModel client, Problem problem) {

    /** Why nothing serves; each text (messages bundle, {0} the partition) says what an administrator does about it. */
    public enum Problem {
        NONE("kcawsNoAwsClient"),
        NOT_CHOSEN("kcawsAwsClientNotChosen"),
        CHOSEN_UNUSABLE("kcawsAwsClientUnusable");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Resolves the partition's serving client now; reads only the realm's own (cluster-cached) clients. */
    public static DefaultAwsClient of(RealmModel realm, Partition partition) {
        String chosen = chosenClientId(realm, partition).orElse(null);
        if (chosen != null) {
            ClientModel client = realm.getClientByClientId(chosen);
            return client != null && serves(client, partition)
                    ? new DefaultAwsClient(partition, chosen, client, null)
                    : new DefaultAwsClient(partition, chosen, null, Problem.CHOSEN_UNUSABLE);
        }
        List<ClientModel> usable = realm.getClientsStream().filter(c -> serves(c, partition)).limit(2).toList();
        return switch (usable.size()) {
            case 0 -> new DefaultAwsClient(partition, null, null, Problem.NONE);
            case 1 -> new DefaultAwsClient(partition, null, usable.get(0), null);
            default -> new DefaultAwsClient(partition, null, null, Problem.NOT_CHOSEN);
        };
    }

    public Optional<ClientModel> serving() {
        return Optional.ofNullable(client);
    }

    /** What the admin API says when nothing serves, in English (pages show {@link Problem#messageKey()} in the user's language). */
    public String refusal() {
        return problem == null ? null : EnglishMessages.format(problem.messageKey, partition.id());
    }

    /** The stored default's client ID, if one is stored. */
    public static Optional<String> chosenClientId(RealmModel realm, Partition partition) {
        ClientModel model = realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID);
        return model == null ? Optional.empty()
                : Optional.ofNullable(model.getAttribute(ModelFormat.defaultClientAttribute(partition))).filter(v -> !v.isBlank());
    }

    /** Makes the client its partition's default; the caller checked it {@link #serves}. */
    public static void choose(AccessStore store, ClientModel client) {
        choose(store, AwsClients.partitionOf(client), client.getClientId());
    }

    /** Stores the partition's default, in the model store taken for this change (which locks the model). */
    public static void choose(AccessStore store, Partition partition, String clientId) {
        store.putDefaultClient(partition, clientId);
    }

    /** An enabled AWS client of the partition with an IdP-initiated URL name (a one-role login starts there). */
    public static boolean serves(ClientModel client, Partition partition) {
        return client.isEnabled()
                && AwsClients.roleMapperOf(client).isPresent()
                && client.getAttribute(SamlProtocol.SAML_IDP_INITIATED_SSO_URL_NAME) != null
                && AwsClients.partitionOf(client) == partition;
    }
}
