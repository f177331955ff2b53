package dev.kcaws.identitycenter;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Registers {@link ScimPushSettingsProvider} as a component type Keycloak knows (components API, import). */
public class ScimPushSettingsSpi implements Spi {

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return "kcaws-identity-center-scim";
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ScimPushSettingsProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ScimPushSettingsProviderFactory.class;
    }
}
