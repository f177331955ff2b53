package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
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

/** {@code /aws/accounts}: the realm's AWS accounts. Reading needs view-realm, creating manage-realm. */
public class AccountsResource {

    private final AdminContext context;

    AccountsResource(AdminContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccountRepresentation> list() {
        context.auth().requireViewRealm();
        return context.store().accounts().stream().map(AccountRepresentation::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        context.auth().requireManageRealm();
        AwsAccount account = AdminContext.valid(() -> JsonBodies.read(body, AccountRepresentation.class).toModel());
        AccessStore store = context.storeForWriting();
        if (store.account(account.id()).isPresent()) {
            throw AdminErrors.conflict(AwsRule.ACCOUNT_EXISTS, account.id());
        }
        store.putAccount(account);
        AccountRepresentation rep = AccountRepresentation.of(account);
        context.event(OperationType.CREATE, rep, "accounts", account.id().value());
        return context.created(uri -> uri.path(account.id().value()), rep);
    }

    /** One account; the id is checked by each of its calls, after the caller's permission. */
    @Path("{id}")
    public AccountResource account(@PathParam("id") String id) {
        return new AccountResource(context, id);
    }
}
