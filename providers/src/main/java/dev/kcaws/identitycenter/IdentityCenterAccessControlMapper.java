package dev.kcaws.identitycenter;

import dev.kcaws.aws.AccessControlAttribute;
import dev.kcaws.setup.BundleSetup;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

import java.util.List;

/**
 * Identity Center's attributes for access control: {@code AccessControl:<Key>} with the value of a
 * user attribute, one {@code Attribute} element each, as AWS's guide shows. Mappings are checked
 * when saved (here, and by the admin API); a value STS would refuse stops the sign-in with a page
 * (the access check) and never reaches Identity Center; an empty one is left out.
 */
public class IdentityCenterAccessControlMapper extends AbstractSAMLProtocolMapper implements SAMLAttributeStatementMapper {

    public static final String PROVIDER_ID = "kcaws-identity-center-access-control-mapper";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(AccessControlConfig.ATTRIBUTES).label("Attributes (Key=userAttribute)")
            .helpText("Each entry sends https://aws.amazon.com/SAML/Attributes/AccessControl:Key with the value of that user attribute; "
                    + "at most 50, keys by STS's session-tag rules.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "AWS IAM Identity Center access control attributes";
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Attributes for Identity Center's attribute-based access control (AccessControl:Key), from user attributes.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        try {
            AccessControlConfig.parse(mapperModel.getConfig() == null ? null : mapperModel.getConfig().get(AccessControlConfig.ATTRIBUTES));
        } catch (IllegalArgumentException e) {
            throw new ProtocolMapperConfigException(e.getMessage(), "kcawsInvalidMapperConfig");
        }
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType statement, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        IdentityCenterSignIn signIn = IdentityCenterSignIn.decide(userSession.getRealm(), clientSession.getClient(), userSession.getUser());
        if (signIn.refused()) {
            // The access check refuses first with a page; this is the last line.
            throw new IllegalStateException("Identity Center sign-in refused for " + userSession.getUser().getUsername() + ": "
                    + signIn.refusal().reason());
        }
        for (AccessControlAttribute a : signIn.accessControl()) {
            AttributeType attribute = new AttributeType(a.attributeName());
            attribute.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_BASIC.get());
            attribute.addAttributeValue(a.value());
            statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BundleSetup.register(factory);
    }
}
