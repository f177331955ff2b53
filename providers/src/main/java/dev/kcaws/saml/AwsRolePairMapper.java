package dev.kcaws.saml;

import dev.kcaws.client.MapperSettings;
import dev.kcaws.client.AwsClients;
import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.RoleSessionName;
import dev.kcaws.aws.SessionTag;
import dev.kcaws.aws.SourceIdentity;
import dev.kcaws.setup.BundleSetup;
import org.jboss.logging.Logger;
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
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.List;

/**
 * Emits AWS's SAML attributes for the role pairs the user holds now, computed from the model:
 * {@code Role}, {@code RoleSessionName}, {@code SessionDuration} and the optional tags and source
 * identity. A login the access check would refuse never gets here with a valid decision, and if it
 * does (an assignment removed a millisecond ago) this mapper throws rather than send it.
 */
public class AwsRolePairMapper extends AbstractSAMLProtocolMapper implements SAMLAttributeStatementMapper {

    public static final String PROVIDER_ID = AwsClients.ROLE_PAIR_MAPPER_ID;
    static final String SESSION_DURATION_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
    private static final Logger LOG = Logger.getLogger(AwsRolePairMapper.class);

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(MapperSettings.ROLE_SESSION_NAME_ATTRIBUTE).label("RoleSessionName user attribute")
            .helpText("User attribute for AWS's RoleSessionName. Empty: the user's email, else the username. "
                    + "Characters AWS refuses become '-', and the value is cut to 64 characters.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(MapperSettings.PRINCIPAL_TAGS).label("Session tags (TagKey=userAttribute)")
            .helpText("Each entry sends PrincipalTag:TagKey with the value of that user attribute. "
                    + "Roles that trust the provider then need sts:TagSession.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(MapperSettings.PRINCIPAL_TAGS_REQUIRED).label("Session tags required")
            .helpText("On: a missing or invalid tag value stops the login with an error page. Off: it is left out and logged.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(MapperSettings.TRANSITIVE_TAG_KEYS).label("Transitive tag keys")
            .helpText("Tag keys to send in TransitiveTagKeys; each must be a session tag above.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(MapperSettings.SOURCE_IDENTITY_ATTRIBUTE).label("SourceIdentity user attribute")
            .helpText("User attribute for AWS's SourceIdentity (roles then need sts:SetSourceIdentity). Empty: not sent.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(MapperSettings.SOURCE_IDENTITY_REQUIRED).label("SourceIdentity required")
            .helpText("On: a missing or invalid value stops the login with an error page. Off: it is left out and logged.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "AWS role pairs (permission sets)";
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "AWS's Role, RoleSessionName, SessionDuration, session tags and SourceIdentity, from the AWS accounts "
                + "and permission sets assigned to the user and their groups.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        try {
            MapperSettings.from(mapperModel.getConfig());
        } catch (IllegalArgumentException e) {
            // Keycloak looks the key up in the admin messages (it fails on a null key) and falls back to the message.
            throw new ProtocolMapperConfigException(e.getMessage(), "kcawsInvalidMapperConfig");
        }
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType statement, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        LaunchChoice choice = LaunchChoice.fromNote(launchNote(session, clientSession))
                .orElseThrow(() -> new IllegalStateException("unreadable AWS launch choice"));
        SignInDecision decision = SignInResolver.decide(session, userSession.getRealm(), clientSession.getClient(), userSession.getUser(),
                choice, MapperSettings.from(mapping.getConfig()));
        if (decision.refused()) {
            // The access check normally refuses first with a clear page; this is the last line.
            throw new IllegalStateException("AWS sign-in refused for " + userSession.getUser().getUsername() + ": "
                    + decision.refusal().reason());
        }
        decision.warnings().forEach(w -> LOG.warnf("AWS sign-in of %s: %s", userSession.getUser().getUsername(), w));
        AssertionPlan plan = decision.plan();
        add(statement, RolePair.ATTRIBUTE, plan.rolePairs().stream().map(RolePair::attributeValue).toList());
        add(statement, RoleSessionName.ATTRIBUTE, List.of(plan.roleSessionName().value()));
        add(statement, SESSION_DURATION_ATTRIBUTE, List.of(Integer.toString(plan.sessionDuration().seconds())));
        for (SessionTag tag : plan.principalTags()) {
            add(statement, tag.attributeName(), List.of(tag.value()));
        }
        if (!plan.transitiveTagKeys().isEmpty()) {
            add(statement, SessionTag.TRANSITIVE_KEYS_ATTRIBUTE, plan.transitiveTagKeys());
        }
        if (plan.sourceIdentity() != null) {
            add(statement, SourceIdentity.ATTRIBUTE, List.of(plan.sourceIdentity().value()));
        }
    }

    /**
     * The choice of the browser tab whose login this is. The client session is shared by every tab
     * of the user's session, so two tabs launching at once would overwrite each other's note
     * there; the authentication session Keycloak puts in the request context is the tab's own.
     */
    private static String launchNote(KeycloakSession session, AuthenticatedClientSessionModel clientSession) {
        AuthenticationSessionModel tab = session.getContext().getAuthenticationSession();
        if (tab != null && tab.getClient() != null && tab.getClient().getId().equals(clientSession.getClient().getId())) {
            return tab.getClientNote(LaunchChoice.NOTE);
        }
        return clientSession.getNote(LaunchChoice.NOTE);
    }

    private static void add(AttributeStatementType statement, String name, List<String> values) {
        AttributeType attribute = new AttributeType(name);
        attribute.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_BASIC.get());
        values.forEach(attribute::addAttributeValue);
        statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BundleSetup.register(factory);
    }
}
