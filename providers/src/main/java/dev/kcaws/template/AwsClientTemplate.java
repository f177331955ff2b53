package dev.kcaws.template;

import dev.kcaws.access.ModelClient;

import dev.kcaws.template.AwsClientOptions;

import dev.kcaws.saml.AwsRolePairMapper;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one correct AWS SAML client. Each setting closes a trap of hand-made setups: no client scope
 * (the realm's role_list scope would shadow the Role attribute), full scope off (no realm roles
 * leak), both response and assertion signed with RSA-SHA256, a persistent NameID (AWS needs one),
 * POST binding to the chosen sign-in endpoint, and the bundle's mapper as the only mapper.
 */
public final class AwsClientTemplate {

    public static final String TEMPLATE_VERSION_ATTRIBUTE = "kcaws.template.version";
    static final String TEMPLATE_VERSION = "1";
    public static final String MAPPER_NAME = "AWS role pairs";

    private AwsClientTemplate() {
    }

    public static ClientRepresentation render(String realmName, AwsClientOptions options) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(options.entityId());
        rep.setName(options.displayName());
        // Said where an admin looks first, Keycloak's clients list: the AWS side of this client is managed elsewhere.
        rep.setDescription("AWS sign-in through the Keycloak AWS SSO bundle (" + options.endpoint().url() + "). Accounts, permission sets"
                + " and assignments: the AWS page, " + ModelClient.adminPagePath(realmName));
        rep.setProtocol("saml");
        rep.setEnabled(true);
        rep.setFullScopeAllowed(false);
        rep.setFrontchannelLogout(false);
        rep.setConsentRequired(false);
        rep.setBaseUrl("/realms/" + realmName + "/protocol/saml/clients/" + options.urlName());
        rep.setRedirectUris(List.of(options.endpoint().url()));
        rep.setDefaultClientScopes(new ArrayList<>());
        rep.setOptionalClientScopes(new ArrayList<>());
        rep.setAttributes(attributes(options));
        rep.setProtocolMappers(List.of(roleMapper()));
        return rep;
    }

    /** The client attributes the template owns; comparing them is how tests and admins check a client. */
    static Map<String, String> attributes(AwsClientOptions options) {
        Map<String, String> a = signedPostClient(options.urlName(), options.endpoint().url(), "persistent");
        a.put(TEMPLATE_VERSION_ATTRIBUTE, TEMPLATE_VERSION);
        return a;
    }

    /**
     * The SAML settings every client the bundle makes for AWS shares (the AWS client and the
     * Identity Center client): IdP-initiated URL name and POST ACS URL, response and assertion
     * signed with RSA-SHA256 and exclusive C14N, no client signature or encryption, the NameID
     * format forced, POST binding only, no ECP, no one-time-use condition, no key-info extension.
     */
    static Map<String, String> signedPostClient(String urlName, String acsUrl, String nameIdFormat) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("saml_idp_initiated_sso_url_name", urlName);
        a.put("saml_assertion_consumer_url_post", acsUrl);
        a.put("saml.server.signature", "true");
        a.put("saml.assertion.signature", "true");
        a.put("saml.signature.algorithm", "RSA_SHA256");
        a.put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#");
        a.put("saml.client.signature", "false");
        a.put("saml.encrypt", "false");
        a.put("saml.authnstatement", "true");
        a.put("saml_name_id_format", nameIdFormat);
        a.put("saml_force_name_id_format", "true");
        a.put("saml.allow.ecp.flow", "false");
        a.put("saml.force.post.binding", "true");
        a.put("saml.onetimeuse.condition", "false");
        a.put("saml.server.signature.keyinfo.ext", "false");
        return a;
    }

    static ProtocolMapperRepresentation roleMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(MAPPER_NAME);
        mapper.setProtocol("saml");
        mapper.setProtocolMapper(AwsRolePairMapper.PROVIDER_ID);
        mapper.setConfig(new LinkedHashMap<>());
        return mapper;
    }
}
