package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.identitycenter.push.IdentityCenterPush;
import dev.kcaws.identitycenter.push.PushRun;
import org.keycloak.events.admin.OperationType;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /aws/identity-center/push}: the state of the realm's SCIM push to IAM Identity Center and
 * a reconcile on demand.
 * <ul>
 *   <li>{@code GET status} (view-realm): {@code {"pending", "lastPush", "lastReconcile"}} — changes
 *       waiting in the outbox, the last delivery of changes and the last full reconcile (null when
 *       none ran);</li>
 *   <li>{@code POST sync} (manage-realm): runs a full reconcile now and answers its run (200) when
 *       it ends within seconds, else {@code 202 {"running": true}} (it goes on; {@code GET status}
 *       shows it as {@code lastReconcile} when done: a large realm takes minutes, longer than this
 *       request's transaction may last); 400 when the push is not configured or not enabled, 409
 *       when a reconcile is running already (anywhere in the cluster). An admin event records it.</li>
 * </ul>
 */
public class IdentityCenterPushResource {

    private final AdminContext context;

    IdentityCenterPushResource(AdminContext context) {
        this.context = context;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public PushStatusRepresentation status() {
        context.auth().requireViewRealm();
        IdentityCenterPush.Status status = IdentityCenterPush.status(context.session(), context.realm());
        return new PushStatusRepresentation(status.pending(), status.lastPush(), status.lastReconcile());
    }

    @POST
    @Path("sync")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sync() {
        context.auth().requireManageRealm();
        if (!IdentityCenterPush.configured(context.session(), context.realm())) {
            throw AdminErrors.badRequest("scim", AwsRule.PUSH_NOT_CONFIGURED);
        }
        IdentityCenterPush.Sync sync = IdentityCenterPush.syncNow(context.session(), context.realm())
                .orElseThrow(() -> AdminErrors.conflict(AwsRule.PUSH_RUNNING));
        if (sync.running()) {
            PushSyncRunning running = new PushSyncRunning(true);
            context.event(OperationType.ACTION, running, "identity-center", "push", "sync");
            return Response.accepted(running).build();
        }
        PushRun run = sync.run();
        context.event(OperationType.ACTION, run, "identity-center", "push", "sync");
        return Response.ok(run).build();
    }
}
