package dev.kcaws.identitycenter;

import dev.kcaws.setup.BundleSetup;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.NameIdMapperHelper;
import org.keycloak.protocol.saml.mappers.SAMLNameIdMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NameID of an Identity Center sign-in, in email-address format: the user's email or username
 * as the realm's {@link UserNameSetting} says at this sign-in — the {@code userName} the SCIM push
 * provisions, which Identity Center matches. Keycloak's own user-attribute NameID mapper reads one
 * fixed attribute, so switching the setting would need every client edited; this reads the setting.
 *
 * <p>A user without the value gets no response at all: the access check refuses first with a
 * page; should it not have run, this returns null and Keycloak answers Identity Center with a
 * SAML error status (InvalidNameIDPolicy), never an assertion with an empty NameID.
 */
public class IdentityCenterNameIdMapper extends AbstractSAMLProtocolMapper implements SAMLNameIdMapper {

    public static final String PROVIDER_ID = "kcaws-identity-center-nameid-mapper";
    public static final String EMAIL_FORMAT = JBossSAMLURIConstants.NAMEID_FORMAT_EMAIL.get();

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        NameIdMapperHelper.setConfigProperties(CONFIG);
    }

    /** The mapper's configuration: Keycloak uses a NameID mapper only for the format it names. */
    public static Map<String, String> config() {
        return Map.of(NameIdMapperHelper.MAPPER_NAMEID_FORMAT, EMAIL_FORMAT);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "AWS IAM Identity Center NameID";
    }

    @Override
    public String getDisplayCategory() {
        return NameIdMapperHelper.NAMEID_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The user's email or username, as the realm's Identity Center user-name setting says: the userName the SCIM push "
                + "provisions and Identity Center matches.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        if (!EMAIL_FORMAT.equals(mapperModel.getConfig() == null ? null : mapperModel.getConfig().get(NameIdMapperHelper.MAPPER_NAMEID_FORMAT))) {
            // Identity Center requires the email-address format; with another the mapper would silently not apply.
            throw new ProtocolMapperConfigException(NameIdMapperHelper.MAPPER_NAMEID_FORMAT + ": must be " + EMAIL_FORMAT
                    + " (Identity Center requires it)", "kcawsInvalidMapperConfig");
        }
    }

    @Override
    public String mapperNameId(String nameIdFormat, ProtocolMapperModel mappingModel, KeycloakSession session,
                               UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        IdentityCenterSignIn signIn = IdentityCenterSignIn.decide(userSession.getRealm(), clientSession.getClient(), userSession.getUser());
        return signIn.nameId();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BundleSetup.register(factory);
    }
}
