package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AccessWindow;
import dev.kcaws.access.AccessWindows;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.keycloak.RoleMappingQueries;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.RoleModel;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /aws/assignments}: who (a group or user) has which permission set in which account. An
 * assignment needs what Keycloak's own role mapping needs ({@link AssignmentPermissions}); a listing
 * shows only the principals the admin may view ({@link AssignmentVisibility}).
 */
public class AssignmentsResource {

    /** Rows read per database page when each row must be checked for visibility. */
    private static final int SCAN_PAGE = 1000;

    private final AdminContext context;

    AssignmentsResource(AdminContext context) {
        this.context = context;
    }

    /**
     * Assignments, filtered by any of account, permission set, group (path) or user (username), in a
     * stable order (account, set, then groups before users), paged with {@code first} and {@code max}.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AssignmentRepresentation> list(@QueryParam("accountId") String accountId,
                                               @QueryParam("permissionSet") String permissionSet,
                                               @QueryParam("group") String group, @QueryParam("user") String user,
                                               @QueryParam("first") String firstParam,
                                               @QueryParam("max") String maxParam) {
        context.auth().requireViewRealm();
        int first = QueryParams.integer("first", firstParam, 0, 0, Integer.MAX_VALUE);
        int max = QueryParams.integer("max", maxParam, 100, 1, 1000);
        String groupPath = group == null ? null : (group.startsWith("/") ? group : "/" + group);
        AssignmentVisibility visibility = new AssignmentVisibility(context.session(), context.realm(), context.auth());
        visibility.requireVisibleFilter(groupPath, user);
        AssignmentListing listing = new AssignmentListing(context.session(), context.realm());
        if (visibility.seesEveryone() || (visibility.seesAllGroups() && RoleMappingQueries.filtersUsersForAdmin(context.realm()))) {
            // Every row the queries return may be shown: paged in the database.
            return withWindows(listing.page(accountId, permissionSet, group, user, first, max));
        }
        return withWindows(visiblePage(listing, visibility, accountId, permissionSet, group, user, first, max));
    }

    /** The rows with the windows of the time-bound ones; a realm without any costs one look at the model client. */
    private List<AssignmentRepresentation> withWindows(List<AssignmentRepresentation> rows) {
        AccessStore store = context.store();
        if (rows.isEmpty() || !store.hasWindows()) {
            return rows;
        }
        Map<String, AccessWindows> byAccess = new HashMap<>();
        List<AssignmentRepresentation> result = new ArrayList<>(rows.size());
        for (AssignmentRepresentation row : rows) {
            AccessWindows windows = byAccess.computeIfAbsent(row.accountId() + ":" + row.permissionSet(),
                    k -> store.windows(new AccountId(row.accountId()), new PermissionSetName(row.permissionSet())));
            AccessWindow window = null;
            if (!windows.isEmpty()) {
                if (row.group() != null) {
                    GroupModel group = KeycloakModelUtils.findGroupByPath(context.session(), context.realm(), row.group());
                    window = group == null ? null : windows.ofGroup(group.getId());
                } else {
                    UserModel user = context.session().users().getUserByUsername(context.realm(), row.user());
                    window = user == null ? null : windows.ofUser(user.getId());
                }
            }
            result.add(window == null ? row : withWindow(row, window));
        }
        return result;
    }

    private static AssignmentRepresentation withWindow(AssignmentRepresentation rep, AccessWindow window) {
        return new AssignmentRepresentation(rep.group(), rep.user(), rep.accountId(), rep.permissionSet(),
                window == null ? null : window.notBeforeText(), window == null ? null : window.notAfterText());
    }

    /**
     * The window a body asks for: none, or one whose end is still to come (an assignment that would
     * be over on arrival is a mistake). Checked before anything is locked or changed.
     */
    private static AccessWindow requestedWindow(String notBefore, String notAfter) {
        AccessWindow window = AdminContext.valid(() -> AccessWindow.parse("", notBefore, notAfter)).orElse(null);
        if (window != null && window.endedBy(Time.currentTimeMillis())) {
            throw AdminErrors.badRequest("notAfter", AwsRule.WINDOW_PAST);
        }
        return window;
    }

    /**
     * The page for an admin who may view only some groups (or, with fine-grained permissions v1,
     * some users): the listing is read in database pages of {@link #SCAN_PAGE} rows, each row checked,
     * until the page is full, instead of loading every assignment first.
     */
    private static List<AssignmentRepresentation> visiblePage(AssignmentListing listing, AssignmentVisibility visibility, String accountId,
                                                              String permissionSet, String group, String user, int first, int max) {
        List<AssignmentRepresentation> page = new ArrayList<>();
        long toSkip = first;
        for (int offset = 0; page.size() < max; offset += SCAN_PAGE) {
            List<AssignmentRepresentation> rows = listing.page(accountId, permissionSet, group, user, offset, SCAN_PAGE);
            for (AssignmentRepresentation row : rows) {
                if (page.size() == max) {
                    break;
                }
                if (visibility.visible(row)) {
                    if (toSkip > 0) {
                        toSkip--;
                    } else {
                        page.add(row);
                    }
                }
            }
            if (rows.size() < SCAN_PAGE || offset > Integer.MAX_VALUE - SCAN_PAGE) {
                break;
            }
        }
        return page;
    }

    /**
     * One assignment (201, {@code Location}: the listing filtered to it); the answer is the assignment
     * as stored and the accounts whose IAM code it changed ({@link AssignmentResultRepresentation}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response assign(String body) {
        AssignmentRepresentation rep = JsonBodies.read(body, AssignmentRepresentation.class);
        AccessWindow window = requestedWindow(rep.notBefore(), rep.notAfter());
        AccessStore store = context.storeForWriting();
        RoleMapperModel principal = context.principal(rep);
        AssignmentPermissions permissions = new AssignmentPermissions(context.auth());
        permissions.requireMapRolesOf(principal);
        AwsAccount account = AdminContext.existingAccount(store, rep.accountId());
        PermissionSet set = AdminContext.existingSet(store, rep.permissionSet());
        AdminContext.requireMapAccessRole(store, permissions, account, set);
        IamCodeChanges code = IamCodeChanges.before(context.session(), context.realm(), store, List.of(account), List.of(set));
        boolean created = store.grant(principal, account, set, window);
        AssignmentRepresentation done = withWindow(rep, window);
        // A repeated POST sets the window of the assignment there already: an update.
        context.event(created ? OperationType.CREATE : OperationType.UPDATE, done, "assignments", account.id().value(), set.name().value());
        return Response.created(listingOf(rep)).entity(AssignmentResultRepresentation.of(done, code.afterGranting(List.of(account), List.of(set)))).build();
    }

    /**
     * One call for many: every listed group and user gets every listed permission set in every
     * listed account. All-or-nothing: every name is checked before anything is granted, and an
     * unknown one fails the whole call. Answers what it did (200), not one created resource: how many
     * were granted, how many were there already, and the accounts whose IAM code changed.
     */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> assignInBulk(String body) {
        BulkAssignmentRepresentation rep = JsonBodies.read(body, BulkAssignmentRepresentation.class);
        AccessWindow window = requestedWindow(rep.notBefore(), rep.notAfter());
        AccessStore store = context.storeForWriting();
        List<RoleMapperModel> principals = new ArrayList<>();
        rep.groupsOrEmpty().forEach(g -> principals.add(context.principal(AssignmentRepresentation.ofGroup(g))));
        rep.usersOrEmpty().forEach(u -> principals.add(context.principal(AssignmentRepresentation.ofUser(u))));
        List<AwsAccount> accounts = rep.accountIdsOrEmpty().stream().map(id -> AdminContext.existingAccount(store, id)).toList();
        List<PermissionSet> sets = rep.permissionSetsOrEmpty().stream().map(name -> AdminContext.existingSet(store, name)).toList();
        if (principals.isEmpty() || accounts.isEmpty() || sets.isEmpty()) {
            throw AdminErrors.badRequest("body", AwsRule.BULK_EMPTY);
        }
        AssignmentPermissions permissions = new AssignmentPermissions(context.auth());
        principals.forEach(permissions::requireMapRolesOf);
        accounts.forEach(a -> sets.forEach(s -> AdminContext.requireMapAccessRole(store, permissions, a, s)));
        IamCodeChanges code = IamCodeChanges.before(context.session(), context.realm(), store, accounts, sets);
        int granted = store.grantAll(context.session(), principals, accounts, sets, window);
        context.event(OperationType.CREATE, rep, "assignments", "bulk");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("granted", granted);
        result.put("alreadyAssigned", principals.size() * accounts.size() * sets.size() - granted);
        result.put("iamCodeChanged", code.afterGranting(accounts, sets));
        return result;
    }

    @DELETE
    public Response unassign(@QueryParam("group") String group, @QueryParam("user") String user,
                             @QueryParam("accountId") String accountId, @QueryParam("permissionSet") String permissionSet) {
        AssignmentRepresentation rep = new AssignmentRepresentation(group, user, accountId, permissionSet, null, null);
        AccessStore store = context.storeForWriting();
        RoleMapperModel principal = context.principal(rep);
        AssignmentPermissions permissions = new AssignmentPermissions(context.auth());
        permissions.requireMapRolesOf(principal);
        AwsAccount account = AdminContext.existingAccount(store, accountId);
        PermissionSet set = AdminContext.existingSet(store, permissionSet);
        RoleModel role = store.accessRole(account.id(), set.name()).orElse(null);
        if (role != null) {
            permissions.requireMapAccessRole(role);
        }
        if (role == null || !store.holdsDirectly(principal, role)) {
            throw AdminErrors.notFound(AwsRule.UNKNOWN_ASSIGNMENT);
        }
        store.revoke(principal, role);
        context.event(OperationType.DELETE, rep, "assignments", account.id().value(), set.name().value());
        return Response.noContent().build();
    }

    /**
     * Where the new assignment is read back: the listing filtered to exactly it (an assignment has no
     * id of its own; the same query deletes it). Encoded by hand: a group path may hold characters a
     * {@code UriBuilder} would take for a template.
     */
    private URI listingOf(AssignmentRepresentation rep) {
        String principal = rep.group() != null ? "group=" + encode(rep.group()) : "user=" + encode(rep.user());
        return URI.create(context.session().getContext().getUri().getAbsolutePath() + "?" + principal
                + "&accountId=" + encode(rep.accountId()) + "&permissionSet=" + encode(rep.permissionSet()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
