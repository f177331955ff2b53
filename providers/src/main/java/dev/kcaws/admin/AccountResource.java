package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import org.keycloak.events.admin.OperationType;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /aws/accounts/{id}}: one AWS account. Reading needs view-realm, changing manage-realm. */
public class AccountResource {

    private final AdminContext context;
    private final String id;

    AccountResource(AdminContext context, String id) {
        this.context = context;
        this.id = id;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AccountRepresentation get() {
        context.auth().requireViewRealm();
        return AccountRepresentation.of(context.existingAccount(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccountRepresentation update(String body) {
        context.auth().requireManageRealm();
        AccessStore store = context.storeForWriting();
        AwsAccount existing = AdminContext.existingAccount(store, id);
        AwsAccount account = AdminContext.valid(() -> JsonBodies.read(body, AccountRepresentation.class).toModel());
        if (!account.id().equals(existing.id())) {
            throw AdminErrors.badRequest("id", AwsRule.ACCOUNT_ID_FIXED);
        }
        store.putAccount(account);
        AccountRepresentation rep = AccountRepresentation.of(account);
        context.event(OperationType.UPDATE, rep, "accounts", id);
        return rep;
    }

    @DELETE
    public Response delete() {
        context.auth().requireManageRealm();
        AccessStore store = context.storeForWriting();
        AwsAccount account = AdminContext.existingAccount(store, id);
        store.removeAccount(account.id());
        context.event(OperationType.DELETE, AccountRepresentation.of(account), "accounts", id);
        return Response.noContent().build();
    }
}
