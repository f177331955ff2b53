package dev.kcaws.identitycenter;

import org.keycloak.component.ComponentFactory;

/** Factory type of {@link ScimPushSettingsSpi}; {@link ScimSettingsComponentFactory} is its one implementation. */
public interface ScimPushSettingsProviderFactory extends ComponentFactory<ScimPushSettingsProvider, ScimPushSettingsProvider> {
}
