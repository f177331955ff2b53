package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.PermissionSet;
import org.keycloak.events.admin.OperationType;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /aws/permission-sets/{name}}: one permission set. Reading needs view-realm, changing manage-realm. */
public class PermissionSetResource {

    private final AdminContext context;
    private final String name;

    PermissionSetResource(AdminContext context, String name) {
        this.context = context;
        this.name = name;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PermissionSetRepresentation get() {
        context.auth().requireViewRealm();
        return PermissionSetRepresentation.of(context.existingSet(name));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PermissionSetRepresentation update(String body) {
        context.auth().requireManageRealm();
        AccessStore store = context.storeForWriting();
        PermissionSet existing = AdminContext.existingSet(store, name);
        PermissionSet set = AdminContext.valid(() -> JsonBodies.read(body, PermissionSetRepresentation.class).toModel());
        if (!set.name().equals(existing.name())) {
            throw AdminErrors.badRequest("name", AwsRule.PERMISSION_SET_NAME_FIXED);
        }
        store.putPermissionSet(set);
        PermissionSetRepresentation rep = PermissionSetRepresentation.of(set);
        context.event(OperationType.UPDATE, rep, "permission-sets", name);
        return rep;
    }

    @DELETE
    public Response delete() {
        context.auth().requireManageRealm();
        AccessStore store = context.storeForWriting();
        PermissionSet set = AdminContext.existingSet(store, name);
        store.removePermissionSet(set.name());
        context.event(OperationType.DELETE, PermissionSetRepresentation.of(set), "permission-sets", name);
        return Response.noContent().build();
    }
}
