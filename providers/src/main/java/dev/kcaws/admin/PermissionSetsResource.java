package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.PermissionSet;
import org.keycloak.events.admin.OperationType;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code /aws/permission-sets}: the realm's permission sets. Reading needs view-realm, creating manage-realm. */
public class PermissionSetsResource {

    private final AdminContext context;

    PermissionSetsResource(AdminContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PermissionSetRepresentation> list() {
        context.auth().requireViewRealm();
        return context.store().permissionSets().stream().map(PermissionSetRepresentation::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        context.auth().requireManageRealm();
        PermissionSet set = AdminContext.valid(() -> JsonBodies.read(body, PermissionSetRepresentation.class).toModel());
        AccessStore store = context.storeForWriting();
        if (store.permissionSet(set.name()).isPresent()) {
            throw AdminErrors.conflict(AwsRule.PERMISSION_SET_EXISTS, set.name());
        }
        store.putPermissionSet(set);
        PermissionSetRepresentation rep = PermissionSetRepresentation.of(set);
        context.event(OperationType.CREATE, rep, "permission-sets", set.name().value());
        return context.created(uri -> uri.path(set.name().value()), rep);
    }

    /** One permission set; the name is checked by each of its calls, after the caller's permission. */
    @Path("{name}")
    public PermissionSetResource permissionSet(@PathParam("name") String name) {
        return new PermissionSetResource(context, name);
    }
}
