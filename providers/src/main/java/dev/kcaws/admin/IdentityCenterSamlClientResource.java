package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AccessControlMappings;
import dev.kcaws.aws.AccessControlMappings.Mapping;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.IdentityCenterMetadata;
import dev.kcaws.aws.IdentityCenterSp;
import dev.kcaws.identitycenter.AccessControlConfig;
import dev.kcaws.identitycenter.IdentityCenterClients;
import dev.kcaws.identitycenter.UserNameSetting;
import dev.kcaws.template.AwsClientInstaller;
import dev.kcaws.template.AwsClientOptions;
import dev.kcaws.template.IdentityCenterClientInstaller;
import dev.kcaws.template.IdentityCenterClientOptions;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.protocol.saml.SamlProtocol;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /aws/identity-center/saml-client}: the SAML client that makes the realm IAM Identity
 * Center's external identity provider, made in one call from Identity Center's service-provider
 * metadata (or its ACS URL and issuer). Reading needs view-clients; creating needs manage-clients,
 * as creating any client through Keycloak's API, and also manage-realm when the realm's access
 * check required action must first be enabled (Keycloak's own API asks manage-realm for that).
 *
 * <p>One per realm: a second {@code POST} is a {@code 409} naming the existing client; to change
 * it, edit or delete that client in Keycloak (or delete it and post again).
 */
public class IdentityCenterSamlClientResource {

    private final AdminContext context;

    IdentityCenterSamlClientResource(AdminContext context) {
        this.context = context;
    }

    /** The realm's Identity Center client, or 404. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public IdentityCenterSamlClientRepresentation get() {
        context.auth().requireViewClients();
        ClientModel client = IdentityCenterClients.of(context.realm())
                .orElseThrow(() -> AdminErrors.notFound(AwsRule.NO_IC_SAML_CLIENT));
        return representation(client);
    }

    /** Creates the client; {@code 201} with Keycloak's {@code /clients/{id}} as {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        context.auth().requireManageClients();
        IdentityCenterClientOptions options;
        try {
            options = options(JsonBodies.read(body, IdentityCenterSamlClientRequest.class));
        } catch (InvalidFields e) {
            throw AdminErrors.invalid(e);
        }
        if (IdentityCenterClientInstaller.changesRealm(context.realm())) {
            context.auth().requireManageRealm();
        }
        ClientModel client;
        try {
            client = IdentityCenterClientInstaller.install(context.session(), context.realm(), options);
        } catch (AwsClientInstaller.Conflict e) {
            throw AdminErrors.conflict(e.violation());
        }
        context.adminEvent().clone(context.session()).resource(ResourceType.CLIENT).operation(OperationType.CREATE)
                .resourcePath("clients", client.getId()).representation(ModelToRepresentation.toRepresentation(client, context.session()))
                .success();
        URI location = context.session().getContext().getUri().getBaseUriBuilder()
                .path("admin").path("realms").path(context.realm().getName()).path("clients").path(client.getId()).build();
        return Response.created(location).entity(representation(client)).build();
    }

    /** Every field checked on its own, so that a 400 lists them all ({@link InvalidFields}); nothing is written before. */
    static IdentityCenterClientOptions options(IdentityCenterSamlClientRequest request) {
        InvalidFields.Collector fields = new InvalidFields.Collector();
        boolean urlsGiven = request.acsUrl() != null || request.issuer() != null;
        IdentityCenterSp sp = null;
        if (request.metadata() != null && urlsGiven) {
            fields.add(new AwsRuleViolation(IdentityCenterMetadata.FIELD, AwsRule.METADATA_OR_URLS));
        } else if (request.metadata() != null) {
            sp = fields.check(() -> IdentityCenterMetadata.parse(request.metadata()));
        } else if (urlsGiven) {
            String issuer = fields.check(() -> IdentityCenterSp.issuer("issuer", request.issuer()));
            String acsUrl = fields.check(() -> IdentityCenterSp.acsUrl("acsUrl", request.acsUrl()));
            if (issuer != null && acsUrl != null) {
                sp = new IdentityCenterSp(issuer, List.of(acsUrl));
            }
        } else {
            fields.add(new AwsRuleViolation(IdentityCenterMetadata.FIELD, AwsRule.METADATA_MISSING));
        }
        List<Mapping> mappings = new ArrayList<>();
        if (request.attributes() != null) {
            request.attributes().forEach(a -> mappings.add(new Mapping(a.key(), a.userAttribute())));
            AccessControlMappings.problems("attributes", mappings).forEach(fields::add);
        }
        if (request.urlName() != null) {
            fields.check(() -> {
                AwsClientOptions.checkUrlName(request.urlName());
                return request.urlName();
            });
        }
        if (request.name() != null) {
            fields.check(() -> {
                AwsClientOptions.checkDisplayName(request.name());
                return request.name();
            });
        }
        String portal = request.accessPortalUrl() == null ? null
                : fields.check(() -> IdentityCenterSp.accessPortalUrl("accessPortalUrl", request.accessPortalUrl()));
        fields.throwIfAny();
        return new IdentityCenterClientOptions(sp, mappings, request.urlName(), request.name(), portal);
    }

    private IdentityCenterSamlClientRepresentation representation(ClientModel client) {
        String realmUrl = context.session().getContext().getUri().getBaseUriBuilder().path("realms").path(context.realm().getName())
                .build().toString();
        String primary = client.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE);
        List<String> acsUrls = new ArrayList<>();
        if (primary != null) {
            acsUrls.add(primary);
        }
        client.getRedirectUris().stream().sorted().filter(u -> !u.equals(primary)).forEach(acsUrls::add);
        String urlName = client.getAttribute(SamlProtocol.SAML_IDP_INITIATED_SSO_URL_NAME);
        String baseUrl = client.getBaseUrl();
        List<IdentityCenterSamlClientRequest.AccessControlAttributeRepresentation> attributes = new ArrayList<>();
        IdentityCenterClients.accessControlMapperOf(client).ifPresent(m -> {
            try {
                AccessControlConfig.parse(m.getConfig().get(AccessControlConfig.ATTRIBUTES)).forEach(a ->
                        attributes.add(new IdentityCenterSamlClientRequest.AccessControlAttributeRepresentation(a.key(), a.userAttribute())));
            } catch (AwsRuleViolation e) {
                // Hand-edited into something sign-in refuses: the page says so at sign-in; listing it here would mislead.
            }
        });
        return new IdentityCenterSamlClientRepresentation(client.getId(), client.getClientId(), client.getName(), client.isEnabled(),
                List.copyOf(acsUrls),
                urlName == null || urlName.isBlank() ? null : realmUrl + "/protocol/saml/clients/" + urlName,
                baseUrl != null && baseUrl.startsWith("https://") ? baseUrl : null,
                List.copyOf(attributes), UserNameSetting.of(context.realm()).name(), realmUrl + "/protocol/saml/descriptor");
    }
}
