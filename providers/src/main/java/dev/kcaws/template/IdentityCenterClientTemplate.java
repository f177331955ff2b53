package dev.kcaws.template;

import dev.kcaws.identitycenter.AccessControlConfig;
import dev.kcaws.identitycenter.IdentityCenterAccessControlMapper;
import dev.kcaws.identitycenter.IdentityCenterNameIdMapper;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SAML client IAM Identity Center needs as its external identity provider. Like the AWS
 * client template: no client scope (so no realm default mapper, role list or attribute leaks into
 * the assertion), full scope off, the bundle's mappers only. For Identity Center: client ID = its
 * issuer (Keycloak sends it as the audience), responses POSTed to its default ACS URL, every ACS
 * URL of its metadata a valid redirect URI (its SP-initiated requests name the one of the Region
 * they come from), assertion and response signed with RSA-SHA256 (its metadata says
 * WantAssertionsSigned; it signs no AuthnRequest), and a NameID in email-address format carrying
 * what the realm's user-name setting says.
 */
public final class IdentityCenterClientTemplate {

    public static final String TEMPLATE_VERSION_ATTRIBUTE = "kcaws.identity-center.template.version";
    static final String TEMPLATE_VERSION = "1";
    public static final String NAME_ID_MAPPER_NAME = "Identity Center NameID";
    public static final String ACCESS_CONTROL_MAPPER_NAME = "Identity Center access control attributes";

    private IdentityCenterClientTemplate() {
    }

    public static String idpInitiatedPath(String realmName, String urlName) {
        return "/realms/" + realmName + "/protocol/saml/clients/" + urlName;
    }

    public static ClientRepresentation render(String realmName, IdentityCenterClientOptions options) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(options.sp().issuer());
        rep.setName(options.displayName());
        rep.setDescription("AWS IAM Identity Center sign-in through the Keycloak AWS SSO bundle");
        rep.setProtocol("saml");
        rep.setEnabled(true);
        rep.setFullScopeAllowed(false);
        rep.setFrontchannelLogout(false);
        rep.setConsentRequired(false);
        // The launcher portal shows a client with a home URL as a tile.
        rep.setBaseUrl(options.accessPortalUrl() != null ? options.accessPortalUrl() : idpInitiatedPath(realmName, options.urlName()));
        rep.setRedirectUris(new ArrayList<>(options.sp().acsUrls()));
        rep.setDefaultClientScopes(new ArrayList<>());
        rep.setOptionalClientScopes(new ArrayList<>());
        rep.setAttributes(attributes(options));
        List<ProtocolMapperRepresentation> mappers = new ArrayList<>();
        mappers.add(mapper(NAME_ID_MAPPER_NAME, IdentityCenterNameIdMapper.PROVIDER_ID, IdentityCenterNameIdMapper.config()));
        if (!options.attributes().isEmpty()) {
            mappers.add(mapper(ACCESS_CONTROL_MAPPER_NAME, IdentityCenterAccessControlMapper.PROVIDER_ID,
                    Map.of(AccessControlConfig.ATTRIBUTES, AccessControlConfig.format(options.attributes()))));
        }
        rep.setProtocolMappers(mappers);
        return rep;
    }

    static Map<String, String> attributes(IdentityCenterClientOptions options) {
        Map<String, String> a = AwsClientTemplate.signedPostClient(options.urlName(), options.sp().primaryAcsUrl(), "email");
        a.put(TEMPLATE_VERSION_ATTRIBUTE, TEMPLATE_VERSION);
        return a;
    }

    private static ProtocolMapperRepresentation mapper(String name, String providerId, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("saml");
        mapper.setProtocolMapper(providerId);
        mapper.setConfig(new LinkedHashMap<>(config));
        return mapper;
    }
}
