package dev.kcaws.identitycenter;

import dev.kcaws.identitycenter.push.IdentityCenterPush;

import dev.kcaws.access.ModelRefusedException;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;

import dev.kcaws.setup.BundleSetup;
import jakarta.ws.rs.core.Response;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The component that holds a realm's SCIM push settings. Its {@link #validateConfiguration} runs on
 * every write Keycloak makes to a component (its components API, a realm import, the bundle's own
 * admin API), so bad settings are refused with a 400 naming each field whichever way they come.
 */
public class ScimSettingsComponentFactory implements ScimPushSettingsProviderFactory {

    public static final String PROVIDER_ID = "kcaws-identity-center-scim";
    /** Server option allowing http/loopback SCIM endpoints, for tests only (see ScimSettingsRules). */
    static final String ALLOW_INSECURE_ENDPOINT = "allow-insecure-endpoint";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ScimSettingsComponent.ENABLED).label("Push enabled").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").helpText("Whether changes and reconciles are pushed to IAM Identity Center.").add()
            .property().name(ScimSettingsRules.ENDPOINT).label("SCIM endpoint").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Identity Center's SCIM endpoint, https://scim.<region>.amazonaws.com/<tenant>/scim/v2/").add()
            // secret: Keycloak's components API and partial export mask it as they do LDAP's bind credential.
            .property().name(ScimSettingsRules.TOKEN).label("SCIM access token").type(ProviderConfigProperty.PASSWORD)
            .secret(true).helpText("Identity Center's SCIM access token, or a ${vault.key} reference to it.").add()
            .property().name(ScimSettingsRules.GROUPS).label("Groups").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .helpText("IDs of the groups pushed with their members (sub-group members counted).").add()
            .property().name(ScimSettingsRules.LEAVE_POLICY).label("When a user leaves the groups").type(ProviderConfigProperty.LIST_TYPE)
            .options("DEACTIVATE", "DELETE").defaultValue("DEACTIVATE").add()
            .property().name(ScimSettingsRules.RECONCILE_INTERVAL).label("Reconcile every (minutes)").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(ScimSettingsRules.DEFAULT_RECONCILE_MINUTES))
            .helpText("0 for on demand only.").add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "SCIM push of users and groups to AWS IAM Identity Center (one per realm).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    /**
     * Refuses with a {@link ModelRefusedException}, a 400 (409) with the message on each of Keycloak's
     * write paths: its components API and its realm import pass it (a response, transaction marked
     * rollback-only) on as it is; a {@code ComponentValidationException} would be a 500 from the realm import.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (model.getParentId() != null && !realm.getId().equals(model.getParentId())) {
            throw ModelRefusedException.of(session, AwsRuleViolation.of(AwsRule.SCIM_SETTINGS_PARENT));
        }
        // Under the realm's lock and from the database: two creates at once (one node or two) are one after the other.
        List<String> others = ScimSettingsComponent.othersStored(session, realm, model.getId());
        if (!others.isEmpty()) {
            throw ModelRefusedException.of(session, Response.Status.CONFLICT,
                    AwsRuleViolation.of(AwsRule.SCIM_SETTINGS_EXIST, String.join(", ", others), PROVIDER_ID, realm.getName()));
        }
        try {
            ScimSettingsComponent.check(realm, ScimSettingsComponent.draft(model));
        } catch (ScimSettingsRules.Invalid invalid) {
            // One message naming every field (never a value of the token).
            throw ModelRefusedException.of(session, null, invalid.violations());
        }
    }

    /** Saved (any path: the bundle's API, Keycloak's components API): a full reconcile goes out with the change. */
    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        IdentityCenterPush.settingsChanged(session, realm);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        IdentityCenterPush.settingsChanged(session, realm);
    }

    @Override
    public ScimPushSettingsProvider create(KeycloakSession session, ComponentModel model) {
        return () -> {
        };
    }

    @Override
    public void init(Config.Scope config) {
        ScimSettingsRules.allowInsecureEndpoints(config.getBoolean(ALLOW_INSECURE_ENDPOINT, false));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BundleSetup.register(factory);
        UserNameGuard.register(factory);
    }

    @Override
    public void close() {
    }
}
