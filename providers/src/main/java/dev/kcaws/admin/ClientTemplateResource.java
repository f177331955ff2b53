package dev.kcaws.admin;

import dev.kcaws.template.AwsClientOptions;
import dev.kcaws.template.AwsClientTemplate;
import org.keycloak.representations.idm.ClientRepresentation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /aws/client-template}: the AWS client the template would create, to review or import by hand. Needs view-clients. */
public class ClientTemplateResource {

    private final AdminContext context;

    ClientTemplateResource(AdminContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ClientRepresentation render(@QueryParam("endpoint") String endpoint, @QueryParam("clientId") String clientId,
                                       @QueryParam("urlName") String urlName, @QueryParam("name") String name) {
        context.auth().requireViewClients();
        AwsClientOptions options = AdminContext.valid(() -> new AwsClientOptions(AwsClientOptions.parseEndpoint(endpoint), clientId, urlName, name));
        return AwsClientTemplate.render(context.realm().getName(), options);
    }
}
