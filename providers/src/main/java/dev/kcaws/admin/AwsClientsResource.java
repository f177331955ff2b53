package dev.kcaws.admin;

import dev.kcaws.aws.Partition;
import dev.kcaws.client.AwsClients;
import dev.kcaws.client.DefaultAwsClient;
import dev.kcaws.template.AwsClientInstaller;
import dev.kcaws.template.AwsClientOptions;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.representations.idm.ClientRepresentation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /aws/clients}: the realm's AWS clients (SAML clients carrying the role-pair mapper), which
 * one serves each partition's shortcut links, and creating one from the template. Listing needs
 * view-clients, creating manage-clients and manage-realm.
 */
public class AwsClientsResource {

    private final AdminContext context;

    AwsClientsResource(AdminContext context) {
        this.context = context;
    }

    /** The realm's AWS clients, by client ID, each saying whether it is its partition's default and serves its shortcut links. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AwsClientRepresentation> list() {
        context.auth().requireViewClients();
        RealmModel realm = context.realm();
        String realmUrl = context.session().getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName()).build().toString();
        Map<Partition, DefaultAwsClient> defaults = new EnumMap<>(Partition.class);
        return realm.getClientsStream()
                .filter(c -> AwsClients.roleMapperOf(c).isPresent())
                .sorted(Comparator.comparing(ClientModel::getClientId))
                .map(c -> {
                    String urlName = c.getAttribute(SamlProtocol.SAML_IDP_INITIATED_SSO_URL_NAME);
                    Partition partition = AwsClients.partitionOf(c);
                    DefaultAwsClient serving = defaults.computeIfAbsent(partition, p -> DefaultAwsClient.of(realm, p));
                    return new AwsClientRepresentation(c.getId(), c.getClientId(), c.getName(), c.isEnabled(),
                            partition.id(), c.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE),
                            urlName == null || urlName.isBlank() ? null : realmUrl + "/protocol/saml/clients/" + urlName,
                            c.getClientId().equals(serving.chosenClientId()),
                            serving.client() != null && serving.client().getId().equals(c.getId()));
                })
                .toList();
    }

    /** Per partition with an AWS client or a stored default: which client serves its shortcut links and access keys, or why none does. */
    @GET
    @Path("defaults")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PartitionDefaultRepresentation> defaults() {
        context.auth().requireViewRealm();
        RealmModel realm = context.realm();
        Set<Partition> present = new HashSet<>();
        realm.getClientsStream().filter(c -> AwsClients.roleMapperOf(c).isPresent()).forEach(c -> present.add(AwsClients.partitionOf(c)));
        return Arrays.stream(Partition.values())
                .map(p -> DefaultAwsClient.of(realm, p))
                .filter(d -> present.contains(d.partition()) || d.chosenClientId() != null)
                .map(d -> new PartitionDefaultRepresentation(d.partition().id(), d.chosenClientId(),
                        d.client() == null ? null : d.client().getClientId(),
                        d.problem() == null ? null : d.problem().name(), d.refusal()))
                .toList();
    }

    /**
     * A new AWS client from the template. Located, like any client, at Keycloak's own
     * {@code /admin/realms/{realm}/clients/{id}}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        context.auth().requireManageClients();
        context.auth().requireManageRealm();
        ClientTemplateRequest request = body == null || body.isBlank()
                ? new ClientTemplateRequest(null, null, null, null) : JsonBodies.read(body, ClientTemplateRequest.class);
        AwsClientOptions options = AdminContext.valid(() -> new AwsClientOptions(AwsClientOptions.parseEndpoint(request.endpoint()),
                request.clientId(), request.urlName(), request.name()));
        ClientModel client;
        try {
            client = AwsClientInstaller.install(context.session(), context.realm(), options);
        } catch (AwsClientInstaller.Conflict e) {
            throw AdminErrors.conflict(e.violation());
        }
        ClientRepresentation rep = ModelToRepresentation.toRepresentation(client, context.session());
        context.adminEvent().clone(context.session()).resource(ResourceType.CLIENT).operation(OperationType.CREATE)
                .resourcePath("clients", client.getId()).representation(rep).success();
        URI location = context.session().getContext().getUri().getBaseUriBuilder()
                .path("admin").path("realms").path(context.realm().getName()).path("clients").path(client.getId()).build();
        return Response.created(location).entity(rep).build();
    }

    /** One AWS client, {@code id} as in Keycloak's {@code /clients/{id}}; checked by each of its calls. */
    @Path("{id}")
    public AwsClientResource client(@PathParam("id") String id) {
        return new AwsClientResource(context, id);
    }
}
