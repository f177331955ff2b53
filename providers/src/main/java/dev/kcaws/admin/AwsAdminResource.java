package dev.kcaws.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SigninEndpoint;
import dev.kcaws.template.AwsClientInstaller;
import dev.kcaws.template.AwsClientOptions;
import dev.kcaws.template.AwsClientTemplate;
import dev.kcaws.iac.AccountPermissionSets;
import dev.kcaws.iac.CloudFormationTemplate;
import dev.kcaws.iac.RealmIdentityProvider;
import dev.kcaws.iac.Json;
import dev.kcaws.iac.AwsClientTrust;
import dev.kcaws.iac.TerraformConfiguration;
import dev.kcaws.aws.Partition;
import dev.kcaws.client.AwsClients;
import dev.kcaws.client.DefaultAwsClient;
import dev.kcaws.keycloak.SamlIdpMetadata;
import dev.kcaws.saml.MapperSettings;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * {@code /admin/realms/{realm}/aws}: accounts, permission sets, assignments, the AWS client
 * template and the IAM side as code (CloudFormation, Terraform, the IdP metadata). Reading needs
 * view-realm, defining accounts and permission sets manage-realm (creating a client also
 * manage-clients); an assignment needs what Keycloak's own role mapping needs
 * ({@link AssignmentPermissions}) and a listing shows only viewable principals
 * ({@link AssignmentVisibility}). Keycloak's admin permission evaluator decides, fine-grained
 * permissions included.
 * Each request is one transaction and is validated in full before anything is written.
 */
public class AwsAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    AwsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource("AWS_ACCESS");
    }

    // ---- accounts ----

    @GET
    @Path("accounts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccountRepresentation> accounts() {
        auth.realm().requireViewRealm();
        return store().accounts().stream().map(AccountRepresentation::of).toList();
    }

    @GET
    @Path("accounts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public AccountRepresentation account(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return AccountRepresentation.of(existingAccount(id));
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createAccount(String body) {
        auth.realm().requireManageRealm();
        AwsAccount account = valid(() -> JsonBodies.read(body, AccountRepresentation.class).toModel());
        AccessStore store = AccessStore.forWriting(session, realm);
        if (store.account(account.id()).isPresent()) {
            throw AdminErrors.conflict("AWS account " + account.id() + " already exists");
        }
        store.putAccount(account);
        AccountRepresentation rep = AccountRepresentation.of(account);
        event(OperationType.CREATE, rep, "accounts", account.id().value());
        return Response.status(Response.Status.CREATED).entity(rep).build();
    }

    @PUT
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccountRepresentation updateAccount(@PathParam("id") String id, String body) {
        auth.realm().requireManageRealm();
        AccessStore store = AccessStore.forWriting(session, realm);
        AwsAccount existing = existingAccount(store, id);
        AwsAccount account = valid(() -> JsonBodies.read(body, AccountRepresentation.class).toModel());
        if (!account.id().equals(existing.id())) {
            throw AdminErrors.badRequest("id", "an account's ID cannot change; create a new account instead");
        }
        store.putAccount(account);
        AccountRepresentation rep = AccountRepresentation.of(account);
        event(OperationType.UPDATE, rep, "accounts", id);
        return rep;
    }

    @DELETE
    @Path("accounts/{id}")
    public Response deleteAccount(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        AccessStore store = AccessStore.forWriting(session, realm);
        AwsAccount account = existingAccount(store, id);
        store.removeAccount(account.id());
        event(OperationType.DELETE, AccountRepresentation.of(account), "accounts", id);
        return Response.noContent().build();
    }

    // ---- permission sets ----

    @GET
    @Path("permission-sets")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PermissionSetRepresentation> permissionSets() {
        auth.realm().requireViewRealm();
        return store().permissionSets().stream().map(PermissionSetRepresentation::of).toList();
    }

    @GET
    @Path("permission-sets/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public PermissionSetRepresentation permissionSet(@PathParam("name") String name) {
        auth.realm().requireViewRealm();
        return PermissionSetRepresentation.of(existingSet(name));
    }

    @POST
    @Path("permission-sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createPermissionSet(String body) {
        auth.realm().requireManageRealm();
        PermissionSet set = valid(() -> JsonBodies.read(body, PermissionSetRepresentation.class).toModel());
        AccessStore store = AccessStore.forWriting(session, realm);
        if (store.permissionSet(set.name()).isPresent()) {
            throw AdminErrors.conflict("permission set " + set.name() + " already exists");
        }
        store.putPermissionSet(set);
        PermissionSetRepresentation rep = PermissionSetRepresentation.of(set);
        event(OperationType.CREATE, rep, "permission-sets", set.name().value());
        return Response.status(Response.Status.CREATED).entity(rep).build();
    }

    @PUT
    @Path("permission-sets/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PermissionSetRepresentation updatePermissionSet(@PathParam("name") String name, String body) {
        auth.realm().requireManageRealm();
        AccessStore store = AccessStore.forWriting(session, realm);
        PermissionSet existing = existingSet(store, name);
        PermissionSet set = valid(() -> JsonBodies.read(body, PermissionSetRepresentation.class).toModel());
        if (!set.name().equals(existing.name())) {
            throw AdminErrors.badRequest("name", "a permission set's name is its IAM role name and cannot change");
        }
        store.putPermissionSet(set);
        PermissionSetRepresentation rep = PermissionSetRepresentation.of(set);
        event(OperationType.UPDATE, rep, "permission-sets", name);
        return rep;
    }

    @DELETE
    @Path("permission-sets/{name}")
    public Response deletePermissionSet(@PathParam("name") String name) {
        auth.realm().requireManageRealm();
        AccessStore store = AccessStore.forWriting(session, realm);
        PermissionSet set = existingSet(store, name);
        store.removePermissionSet(set.name());
        event(OperationType.DELETE, PermissionSetRepresentation.of(set), "permission-sets", name);
        return Response.noContent().build();
    }

    // ---- assignments ----

    /**
     * Assignments, filtered by any of account, permission set, group (path) or user (username), in a
     * stable order (account, set, then groups before users), paged with {@code first} and {@code max}.
     */
    @GET
    @Path("assignments")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AssignmentRepresentation> assignments(@QueryParam("accountId") String accountId,
                                                      @QueryParam("permissionSet") String permissionSet,
                                                      @QueryParam("group") String group, @QueryParam("user") String user,
                                                      @QueryParam("first") String firstParam,
                                                      @QueryParam("max") String maxParam) {
        auth.realm().requireViewRealm();
        int first = QueryParams.integer("first", firstParam, 0, 0, Integer.MAX_VALUE);
        int max = QueryParams.integer("max", maxParam, 100, 1, 1000);
        String groupPath = group == null ? null : (group.startsWith("/") ? group : "/" + group);
        AssignmentVisibility visibility = new AssignmentVisibility(session, realm, auth);
        visibility.requireVisibleFilter(groupPath, user);
        AssignmentListing listing = new AssignmentListing(session, realm);
        if (visibility.seesEveryone()) {
            return listing.page(accountId, permissionSet, group, user, first, max);
        }
        // An admin who may view only some groups or users: their rows are filtered, then paged.
        List<AssignmentRepresentation> visible = listing.page(accountId, permissionSet, group, user, 0, Integer.MAX_VALUE).stream()
                .filter(visibility::visible).toList();
        return visible.subList(Math.min(first, visible.size()), (int) Math.min((long) first + max, visible.size()));
    }

    /**
     * One call for many: every listed group and user gets every listed permission set in every
     * listed account. All-or-nothing: every name is checked before anything is granted, and an
     * unknown one fails the whole call.
     */
    @POST
    @Path("assignments/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> assignInBulk(String body) {
        BulkAssignmentRepresentation rep = JsonBodies.read(body, BulkAssignmentRepresentation.class);
        AccessStore store = AccessStore.forWriting(session, realm);
        List<RoleMapperModel> principals = new ArrayList<>();
        rep.groupsOrEmpty().forEach(g -> principals.add(principal(new AssignmentRepresentation(g, null, null, null))));
        rep.usersOrEmpty().forEach(u -> principals.add(principal(new AssignmentRepresentation(null, u, null, null))));
        List<AwsAccount> accounts = rep.accountIdsOrEmpty().stream().map(id -> existingAccount(store, id)).toList();
        List<PermissionSet> sets = rep.permissionSetsOrEmpty().stream().map(name -> existingSet(store, name)).toList();
        if (principals.isEmpty() || accounts.isEmpty() || sets.isEmpty()) {
            throw AdminErrors.badRequest("body", "give at least one of groups or users, one accountId and one permission set");
        }
        AssignmentPermissions permissions = new AssignmentPermissions(auth);
        principals.forEach(permissions::requireMapRolesOf);
        accounts.forEach(a -> sets.forEach(s -> requireMapAccessRole(store, permissions, a, s)));
        int granted = store.grantAll(session, principals, accounts, sets);
        event(OperationType.CREATE, rep, "assignments", "bulk");
        return Map.of("granted", granted, "alreadyAssigned", principals.size() * accounts.size() * sets.size() - granted);
    }

    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response assign(String body) {
        AssignmentRepresentation rep = JsonBodies.read(body, AssignmentRepresentation.class);
        AccessStore store = AccessStore.forWriting(session, realm);
        RoleMapperModel principal = principal(rep);
        AssignmentPermissions permissions = new AssignmentPermissions(auth);
        permissions.requireMapRolesOf(principal);
        AwsAccount account = existingAccount(store, rep.accountId());
        PermissionSet set = existingSet(store, rep.permissionSet());
        requireMapAccessRole(store, permissions, account, set);
        store.grant(principal, account, set);
        event(OperationType.CREATE, rep, "assignments", account.id().value(), set.name().value());
        return Response.status(Response.Status.CREATED).entity(rep).build();
    }

    @DELETE
    @Path("assignments")
    public Response unassign(@QueryParam("group") String group, @QueryParam("user") String user,
                             @QueryParam("accountId") String accountId, @QueryParam("permissionSet") String permissionSet) {
        AssignmentRepresentation rep = new AssignmentRepresentation(group, user, accountId, permissionSet);
        AccessStore store = AccessStore.forWriting(session, realm);
        RoleMapperModel principal = principal(rep);
        AssignmentPermissions permissions = new AssignmentPermissions(auth);
        permissions.requireMapRolesOf(principal);
        AwsAccount account = existingAccount(store, accountId);
        PermissionSet set = existingSet(store, permissionSet);
        RoleModel role = store.accessRole(account.id(), set.name()).orElse(null);
        if (role != null) {
            permissions.requireMapAccessRole(role);
        }
        if (role == null || !store.holdsDirectly(principal, role)) {
            throw AdminErrors.notFound("no such assignment");
        }
        principal.deleteRoleMapping(role);
        event(OperationType.DELETE, rep, "assignments", account.id().value(), set.name().value());
        return Response.noContent().build();
    }

    // ---- AWS client template ----

    @GET
    @Path("client-template")
    @Produces(MediaType.APPLICATION_JSON)
    public ClientRepresentation clientTemplate(@QueryParam("endpoint") String endpoint, @QueryParam("clientId") String clientId,
                                               @QueryParam("urlName") String urlName, @QueryParam("name") String name) {
        auth.clients().requireView();
        AwsClientOptions options = valid(() -> new AwsClientOptions(AwsClientOptions.parseEndpoint(endpoint), clientId, urlName, name));
        return AwsClientTemplate.render(realm.getName(), options);
    }

    /** The realm's AWS clients, by client ID, each saying whether it is its partition's default and serves its shortcut links. */
    @GET
    @Path("clients")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AwsClientRepresentation> awsClients() {
        auth.clients().requireView();
        String realmUrl = session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName()).build().toString();
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
    @Path("clients/defaults")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PartitionDefaultRepresentation> clientDefaults() {
        auth.realm().requireViewRealm();
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
     * Makes the client ({@code id} as in Keycloak's {@code /clients/{id}}) its partition's default:
     * the one its shortcut links and access keys go through. Creating another client never changes it.
     */
    @PUT
    @Path("clients/{id}/default")
    public Response makeDefaultClient(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        AccessStore store = AccessStore.forWriting(session, realm);
        ClientModel client = id == null ? null : realm.getClientById(id);
        if (client == null) {
            throw AdminErrors.notFound("client " + id + " not found");
        }
        Partition partition = AwsClients.partitionOf(client);
        if (AwsClients.roleMapperOf(client).isEmpty()) {
            throw AdminErrors.badRequest("id", "client " + client.getClientId() + " is not an AWS client (a SAML client with the AWS role-pair mapper)");
        }
        if (!DefaultAwsClient.serves(client, partition)) {
            throw AdminErrors.badRequest("id", "client " + client.getClientId() + " cannot serve one-role logins: enable it and give it an IdP-initiated URL name first");
        }
        DefaultAwsClient.choose(store, client);
        event(OperationType.UPDATE, new PartitionDefaultRepresentation(partition.id(), client.getClientId(), client.getClientId(), null, null),
                "clients", client.getId(), "default");
        return Response.noContent().build();
    }

    @POST
    @Path("clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createClient(String body) {
        auth.clients().requireManage();
        auth.realm().requireManageRealm();
        ClientTemplateRequest request = body == null || body.isBlank()
                ? new ClientTemplateRequest(null, null, null, null) : JsonBodies.read(body, ClientTemplateRequest.class);
        AwsClientOptions options = valid(() -> new AwsClientOptions(AwsClientOptions.parseEndpoint(request.endpoint()),
                request.clientId(), request.urlName(), request.name()));
        ClientModel client;
        try {
            client = AwsClientInstaller.install(session, realm, options);
        } catch (AwsClientInstaller.Conflict e) {
            throw AdminErrors.conflict(e.field(), e.getMessage());
        }
        ClientRepresentation rep = ModelToRepresentation.toRepresentation(client, session);
        adminEvent.clone(session).resource(org.keycloak.events.admin.ResourceType.CLIENT).operation(OperationType.CREATE)
                .resourcePath("clients", client.getId()).representation(rep).success();
        return Response.status(Response.Status.CREATED).entity(rep).build();
    }

    // ---- the IAM side as code ----

    /** One account's CloudFormation template ({@code ?accountId=}), or every account's, by account ID. */
    @GET
    @Path("iac/cloudformation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cloudFormation(@QueryParam("accountId") String accountId) {
        auth.realm().requireViewRealm();
        return iamAsCode(accountId, CloudFormationTemplate::of, CloudFormationTemplate::forAccounts, "cfn.json");
    }

    /** One account's Terraform configuration ({@code *.tf.json}), or every account's, by account ID. */
    @GET
    @Path("iac/terraform")
    @Produces(MediaType.APPLICATION_JSON)
    public Response terraform(@QueryParam("accountId") String accountId) {
        auth.realm().requireViewRealm();
        return iamAsCode(accountId, TerraformConfiguration::of, TerraformConfiguration::forAccounts, "tf.json");
    }

    /** The realm's SAML IdP metadata, the document {@code /realms/{realm}/protocol/saml/descriptor} serves, to upload to IAM. */
    @GET
    @Path("idp-metadata")
    @Produces(MediaType.APPLICATION_XML)
    public Response idpMetadata() {
        auth.realm().requireViewRealm();
        return Response.ok(idpMetadataXml(), MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", attachment("kcaws-" + realm.getName() + "-idp-metadata.xml")).build();
    }

    private Response iamAsCode(String accountId, BiFunction<RealmIdentityProvider, AccountPermissionSets, ObjectNode> one,
                               BiFunction<RealmIdentityProvider, List<AccountPermissionSets>, ObjectNode> all, String extension) {
        List<AwsAccount> accounts = accountId == null ? store().accounts() : List.of(existingAccount(accountId));
        RealmIdentityProvider idp = new RealmIdentityProvider(realm.getName(), idpMetadataXml(), awsClientFacts());
        List<AccountPermissionSets> roles = AssignedPermissionSets.in(session, realm, accounts);
        if (accountId == null) {
            return Response.ok(Json.pretty(all.apply(idp, roles)), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(Json.pretty(one.apply(idp, roles.get(0))), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", attachment("kcaws-" + realm.getName() + "-" + accountId + "." + extension)).build();
    }

    private String idpMetadataXml() {
        String xml = SamlIdpMetadata.xml(session, realm);
        if (xml == null || xml.isBlank()) {
            throw new InternalServerErrorException("the realm's SAML IdP metadata could not be built (see the server log)");
        }
        return xml;
    }

    /** The realm's AWS clients (SAML clients with the role-pair mapper): where each posts and whether it sends tags or a source identity. */
    private List<AwsClientTrust> awsClientFacts() {
        List<AwsClientTrust> facts = new ArrayList<>();
        realm.getClientsStream().forEach(client -> AwsClients.roleMapperOf(client).ifPresent(mapper ->
                SigninEndpoint.parse(client.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE)).ifPresent(endpoint -> {
                    Map<String, String> config = mapper.getConfig() == null ? Map.of() : mapper.getConfig();
                    boolean tags;
                    boolean sourceIdentity;
                    try {
                        MapperSettings settings = MapperSettings.from(config);
                        tags = !settings.principalTags().isEmpty();
                        sourceIdentity = settings.sourceIdentityAttribute() != null;
                    } catch (IllegalArgumentException e) {
                        // A broken mapper setting: trust as if it sent what it is configured with.
                        tags = !isBlank(config.get(MapperSettings.PRINCIPAL_TAGS));
                        sourceIdentity = !isBlank(config.get(MapperSettings.SOURCE_IDENTITY_ATTRIBUTE));
                    }
                    facts.add(new AwsClientTrust(endpoint, tags, sourceIdentity));
                })));
        return facts;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code attachment; filename="..."} with only file-name-safe characters. */
    private static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }

    // ---- helpers ----

    private AccessStore store() {
        return AccessStore.of(realm);
    }

    private AwsAccount existingAccount(String id) {
        return existingAccount(store(), id);
    }

    private static AwsAccount existingAccount(AccessStore store, String id) {
        if (!AccountId.isValid(id)) {
            throw AdminErrors.badRequest("accountId", "must be exactly 12 digits");
        }
        return store.account(new AccountId(id)).orElseThrow(() -> AdminErrors.notFound("AWS account " + id + " not found"));
    }

    private PermissionSet existingSet(String name) {
        return existingSet(store(), name);
    }

    private static PermissionSet existingSet(AccessStore store, String name) {
        if (!PermissionSetName.isValid(name)) {
            throw AdminErrors.badRequest("permissionSet", "must be 1 to 32 characters of letters, digits and _+=,.@-");
        }
        return store.permissionSet(new PermissionSetName(name)).orElseThrow(() -> AdminErrors.notFound("permission set " + name + " not found"));
    }

    private RoleMapperModel principal(AssignmentRepresentation rep) {
        if ((rep.group() == null) == (rep.user() == null)) {
            throw AdminErrors.badRequest("principal", "give exactly one of group (a path such as /Developers) or user (a username)");
        }
        if (rep.group() != null) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, rep.group().startsWith("/") ? rep.group() : "/" + rep.group());
            if (group == null) {
                throw AdminErrors.notFound("group " + rep.group() + " not found");
            }
            return group;
        }
        UserModel user = session.users().getUserByUsername(realm, rep.user());
        if (user == null) {
            if (!auth.users().canQuery()) {
                throw new ForbiddenException(); // as Keycloak's UsersResource: no probing for usernames
            }
            throw AdminErrors.notFound("user " + rep.user() + " not found");
        }
        return user;
    }

    /** Keycloak's map-role check for the (account, set) access role, which may not exist yet. */
    private static void requireMapAccessRole(AccessStore store, AssignmentPermissions permissions, AwsAccount account, PermissionSet set) {
        permissions.requireMapAccessRole(store.modelClient(),
                store.accessRole(account.id(), set.name()).orElse(null),
                ModelFormat.accessRoleName(account.id().value(), set.name().value()));
    }

    private static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (AwsRuleViolation e) {
            throw AdminErrors.invalid(e);
        }
    }

    private void event(OperationType op, Object rep, String... path) {
        adminEvent.clone(session).operation(op).resourcePath(path).representation(rep).success();
    }
}
