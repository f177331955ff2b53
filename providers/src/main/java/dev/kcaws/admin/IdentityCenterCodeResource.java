package dev.kcaws.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.iac.IdentityCenterCloudFormation;
import dev.kcaws.iac.IdentityCenterModel;
import dev.kcaws.iac.IdentityCenterTerraform;
import dev.kcaws.iac.Json;
import dev.kcaws.identitycenter.IdentityCenterSettings;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;

/**
 * {@code /aws/identity-center/iac}: the realm's permission sets and group assignments as code for
 * IAM Identity Center (Terraform, CloudFormation), as downloads. Needs view-realm, as the IAM side
 * as code ({@link IamCodeResource}), and to view every group (the output names them). {@code ?accountId=} limits it to one account; without it,
 * every account of the realm, which must then be in one partition (an Identity Center instance
 * serves one), or {@code ?partition=} chooses.
 *
 * <p>A realm Identity Center cannot take as it is (a session shorter than an hour, a description
 * with characters Identity Center refuses, two assigned groups of the same name…) is answered
 * {@code 409 Conflict} naming the permission set or group and the field: the request is fine, the
 * realm's model is what must change.
 */
public class IdentityCenterCodeResource {

    static final String USER_ASSIGNMENTS_HEADER = "X-Kcaws-User-Assignments-Left-Out";
    static final String GROUPS_NOT_PUSHED_HEADER = "X-Kcaws-Groups-Not-Pushed";
    private static final Pattern SCIM_HOST = Pattern.compile("scim\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    private final AdminContext context;

    IdentityCenterCodeResource(AdminContext context) {
        this.context = context;
    }

    /** The Terraform configuration ({@code *.tf.json}) for the Identity Center instance. */
    @GET
    @Path("terraform")
    @Produces(MediaType.APPLICATION_JSON)
    public Response terraform(@QueryParam("accountId") String accountId, @QueryParam("partition") String partition) {
        requireView();
        return download(accountId, partition, IdentityCenterTerraform::of, "tf.json");
    }

    /** The CloudFormation template for a stack in the management (or delegated administrator) account. */
    @GET
    @Path("cloudformation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cloudFormation(@QueryParam("accountId") String accountId, @QueryParam("partition") String partition) {
        requireView();
        return download(accountId, partition, IdentityCenterCloudFormation::of, "cfn.json");
    }

    /**
     * view-realm, as the IAM side as code; and, since the output names the realm's groups, the right
     * to view every group (view-users, or fine-grained group permissions), as Keycloak's own group listing.
     */
    private void requireView() {
        context.auth().requireViewRealm();
        if (!context.auth().canViewGroups()) {
            throw new ForbiddenException();
        }
    }

    /** The region of Identity Center's SCIM endpoint ({@code https://scim.<region>.amazonaws.com/...}), the instance's region; null if it is another host. */
    static AwsRegion regionOf(URI endpoint) {
        Matcher host = SCIM_HOST.matcher(endpoint.getHost() == null ? "" : endpoint.getHost());
        if (!host.matches()) {
            return null;
        }
        try {
            return AwsRegion.parse("endpoint", host.group(1));
        } catch (AwsRuleViolation notARegion) {
            return null;
        }
    }

    private Response download(String accountId, String partitionId, Function<IdentityCenterModel, ObjectNode> generator, String extension) {
        Partition partition = partitionId == null ? null : AdminContext.valid(() -> Partition.parse("partition", partitionId));
        List<AwsAccount> accounts;
        if (accountId != null) {
            AwsAccount account = context.existingAccount(accountId);
            if (partition != null && account.partition() != partition) {
                throw AdminErrors.badRequest("partition", AwsRule.IDENTITY_CENTER_ACCOUNT_PARTITION, accountId, account.partition(), partition);
            }
            accounts = List.of(account);
            partition = account.partition();
        } else {
            accounts = context.store().accounts();
            if (partition == null) {
                List<Partition> partitions = accounts.stream().map(AwsAccount::partition).distinct().sorted().toList();
                if (partitions.size() > 1) {
                    throw AdminErrors.badRequest("partition", AwsRule.IDENTITY_CENTER_ONE_PARTITION,
                            String.join(", ", partitions.stream().map(Partition::id).toList()));
                }
                partition = partitions.isEmpty() ? Partition.AWS : partitions.get(0);
            }
            Partition chosen = partition;
            accounts = accounts.stream().filter(a -> a.partition() == chosen).toList();
        }
        ObjectNode generated;
        IdentityCenterModel model;
        try {
            Optional<IdentityCenterSettings> push = IdentityCenterSettings.of(context.session(), context.realm());
            model = IdentityCenterAssignments.in(context.session(), context.realm(), partition, accounts,
                    push.map(p -> Set.copyOf(p.groupIds())).orElse(null), push.map(p -> regionOf(p.endpoint())).orElse(null));
            generated = generator.apply(model);
        } catch (AwsRuleViolation e) {
            throw AdminErrors.conflict(e);
        }
        String realmName = context.realm().getName();
        String fileName = "kcaws-" + realmName + "-identity-center" + (accountId == null ? "" : "-" + accountId) + "." + extension;
        return Response.ok(Json.pretty(generated), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", IdpMetadataResource.attachment(fileName))
                .header(USER_ASSIGNMENTS_HEADER, model.userAssignmentsLeftOut())
                .header(GROUPS_NOT_PUSHED_HEADER, model.groupsNotPushed().size())
                .build();
    }
}
