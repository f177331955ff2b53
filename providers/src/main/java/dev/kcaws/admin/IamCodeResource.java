package dev.kcaws.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.aws.SigninEndpoint;
import dev.kcaws.client.AwsClients;
import dev.kcaws.iac.AccountCodeArchive;
import dev.kcaws.iac.AccountPermissionSets;
import dev.kcaws.iac.AwsClientTrust;
import dev.kcaws.iac.CloudFormationTemplate;
import dev.kcaws.iac.Json;
import dev.kcaws.iac.RealmIdentityProvider;
import dev.kcaws.iac.TerraformConfiguration;
import dev.kcaws.client.MapperSettings;
import org.keycloak.protocol.saml.SamlProtocol;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** {@code /aws/iac}: the IAM side as code (CloudFormation, Terraform), per account or for all. Needs view-realm. */
public class IamCodeResource {

    private final AdminContext context;

    IamCodeResource(AdminContext context) {
        this.context = context;
    }

    /** One account's CloudFormation template ({@code ?accountId=}), or every account's, by account ID. */
    @GET
    @Path("cloudformation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cloudFormation(@QueryParam("accountId") String accountId) {
        context.auth().requireViewRealm();
        return iamAsCode(accountId, CloudFormationTemplate::of, CloudFormationTemplate::forAccounts, "cfn.json");
    }

    /** One account's Terraform configuration ({@code *.tf.json}), or every account's, by account ID. */
    @GET
    @Path("terraform")
    @Produces(MediaType.APPLICATION_JSON)
    public Response terraform(@QueryParam("accountId") String accountId) {
        context.auth().requireViewRealm();
        return iamAsCode(accountId, TerraformConfiguration::of, TerraformConfiguration::forAccounts, "tf.json");
    }

    /**
     * How one account's code is deployed ({@code ?accountId=}, required): the permission sets its
     * code holds a role for, the per-account downloads' file names and the command that deploys
     * each, the same commands as the archive's {@code README.txt}. Needs view-realm.
     */
    @GET
    @Path("deployment")
    @Produces(MediaType.APPLICATION_JSON)
    public AccountDeploymentRepresentation deployment(@QueryParam("accountId") String accountId) {
        context.auth().requireViewRealm();
        AwsAccount account = context.existingAccount(accountId);
        return AccountDeploymentRepresentation.of(context.realm().getName(),
                AssignedPermissionSets.in(context.session(), context.realm(), List.of(account)).get(0));
    }

    /**
     * Every account's CloudFormation template and Terraform configuration as a zip, one directory
     * per account, which the tools take as they are (the JSON of the calls above without
     * {@code accountId} is keyed by account, which neither tool reads); see {@link AccountCodeArchive}.
     */
    @GET
    @Path("archive")
    @Produces("application/zip")
    public Response archive() {
        context.auth().requireViewRealm();
        String realmName = context.realm().getName();
        RealmIdentityProvider idp = new RealmIdentityProvider(realmName, IdpMetadataResource.xml(context.session(), context.realm()), awsClientFacts());
        List<AccountCodeArchive.AccountCode> code = AssignedPermissionSets.in(context.session(), context.realm(), context.store().accounts())
                .stream().map(roles -> new AccountCodeArchive.AccountCode(roles.account(), Json.pretty(CloudFormationTemplate.of(idp, roles)),
                        Json.pretty(TerraformConfiguration.of(idp, roles)))).toList();
        return Response.ok(AccountCodeArchive.zip(realmName, code), "application/zip")
                .header("Content-Disposition", IdpMetadataResource.attachment("kcaws-" + realmName + "-iam.zip")).build();
    }

    private Response iamAsCode(String accountId, BiFunction<RealmIdentityProvider, AccountPermissionSets, ObjectNode> one,
                               BiFunction<RealmIdentityProvider, List<AccountPermissionSets>, ObjectNode> all, String extension) {
        String realmName = context.realm().getName();
        List<AwsAccount> accounts = accountId == null ? context.store().accounts() : List.of(context.existingAccount(accountId));
        RealmIdentityProvider idp = new RealmIdentityProvider(realmName, IdpMetadataResource.xml(context.session(), context.realm()), awsClientFacts());
        List<AccountPermissionSets> roles = AssignedPermissionSets.in(context.session(), context.realm(), accounts);
        if (accountId == null) {
            return Response.ok(Json.pretty(all.apply(idp, roles)), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(Json.pretty(one.apply(idp, roles.get(0))), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", IdpMetadataResource.attachment("kcaws-" + realmName + "-" + accountId + "." + extension)).build();
    }

    /** The realm's AWS clients (SAML clients with the role-pair mapper): where each posts and whether it sends tags or a source identity. */
    private List<AwsClientTrust> awsClientFacts() {
        List<AwsClientTrust> facts = new ArrayList<>();
        context.realm().getClientsStream().forEach(client -> AwsClients.roleMapperOf(client).ifPresent(mapper ->
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
}
