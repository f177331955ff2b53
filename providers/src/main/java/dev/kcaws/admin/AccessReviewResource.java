package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/**
 * {@code /aws/access-review}: who can reach which account as which permission set, and why (see
 * {@link AccessReviewRowRepresentation}), for all accounts or one ({@code account}), optionally one
 * permission set and one user ({@code user}, a username: what that user holds, however); as JSON or CSV ({@code format=csv}, or {@code Accept: text/csv}).
 *
 * <p>Permissions as the assignment listing and Keycloak's own users API: view-realm to read the AWS
 * model at all, and only the users the admin may view (view-users, or fine-grained permissions on
 * each user) appear, as Keycloak's {@code /users/{id}/role-mappings} and {@code /users/{id}/groups}
 * show a user's roles and groups only to such an admin.
 */
public class AccessReviewResource {

    static final String CSV = "text/csv";

    private final AdminContext context;

    AccessReviewResource(AdminContext context) {
        this.context = context;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response review(@QueryParam("account") String account, @QueryParam("permissionSet") String permissionSet,
                           @QueryParam("user") String user, @QueryParam("format") String format, @Context HttpHeaders headers) {
        context.auth().requireViewRealm();
        boolean csv = csv(format, headers);
        AccountId accountId = null;
        if (account != null) {
            try {
                new AccountId(account);
            } catch (AwsRuleViolation e) {
                throw AdminErrors.invalid(e.withField("account"));
            }
            accountId = context.existingAccount(account).id();
        }
        PermissionSetName set = null;
        if (permissionSet != null) {
            try {
                new PermissionSetName(permissionSet);
            } catch (AwsRuleViolation e) {
                throw AdminErrors.invalid(e.withField("permissionSet"));
            }
            set = context.existingSet(permissionSet).name();
        }
        AssignmentVisibility visibility = new AssignmentVisibility(context.session(), context.realm(), context.auth());
        // A user the admin may not view is refused as the assignment listing refuses it (403, whether or not it exists).
        visibility.requireVisibleFilter(null, user);
        // Looked up as Keycloak looks usernames up (case-insensitively), so an unknown one is said, not an empty review.
        String userId = null;
        if (user != null) {
            UserModel found = context.session().users().getUserByUsername(context.realm(), user);
            if (found == null) {
                throw AdminErrors.notFound(new AwsRuleViolation("user", AwsRule.UNKNOWN_USER, user));
            }
            userId = found.getId();
        }
        List<AccessReviewRowRepresentation> rows = new AccessReview(context.session(), context.realm()).rows(accountId, set, userId, visibility);
        if (csv) {
            return Response.ok(AccessReviewCsv.write(rows), CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(account) + ".csv\"").build();
        }
        return Response.ok(new AccessReviewRepresentation(context.realm().getName(), Instant.ofEpochMilli(Time.currentTimeMillis()).toString(),
                account, permissionSet, user, rows), MediaType.APPLICATION_JSON).build();
    }

    /** {@code format} decides; without it, an {@code Accept} naming CSV before JSON. */
    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw AdminErrors.badRequest("format", AwsRule.REVIEW_FORMAT);
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private String fileName(String account) {
        String realm = context.realm().getName().replaceAll("[^A-Za-z0-9_.-]", "_");
        return "aws-access-review-" + realm + (account == null ? "" : "-" + account);
    }
}
