package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.aws.Partition;
import dev.kcaws.client.AwsClients;
import dev.kcaws.client.DefaultAwsClient;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code /aws/clients/{id}}: one AWS client, {@code id} as in Keycloak's {@code /clients/{id}}. */
public class AwsClientResource {

    private final AdminContext context;
    private final String id;

    AwsClientResource(AdminContext context, String id) {
        this.context = context;
        this.id = id;
    }

    /**
     * Makes the client its partition's default: the one its shortcut links and access keys go
     * through. Creating another client never changes it. Needs manage-realm.
     */
    @PUT
    @Path("default")
    public Response makeDefault() {
        context.auth().requireManageRealm();
        AccessStore store = context.storeForWriting();
        ClientModel client = id == null ? null : context.realm().getClientById(id);
        if (client == null) {
            throw AdminErrors.notFound(AwsRule.UNKNOWN_CLIENT, id);
        }
        Partition partition = AwsClients.partitionOf(client);
        if (AwsClients.roleMapperOf(client).isEmpty()) {
            throw AdminErrors.badRequest("id", AwsRule.NOT_AN_AWS_CLIENT, client.getClientId());
        }
        if (!DefaultAwsClient.serves(client, partition)) {
            throw AdminErrors.badRequest("id", AwsRule.CLIENT_CANNOT_SERVE, client.getClientId());
        }
        DefaultAwsClient.choose(store, client);
        context.event(OperationType.UPDATE, new PartitionDefaultRepresentation(partition.id(), client.getClientId(), client.getClientId(), null, null),
                "clients", client.getId(), "default");
        return Response.noContent().build();
    }
}
