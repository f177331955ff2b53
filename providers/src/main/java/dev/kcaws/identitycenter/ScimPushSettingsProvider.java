package dev.kcaws.identitycenter;

import org.keycloak.provider.Provider;

/**
 * The provider type of the realm component that holds a realm's SCIM push settings. It does no
 * work itself: the type exists so the settings live in Keycloak's own component table (exported
 * with the realm, token masked by Keycloak's components API as a {@code secret} property).
 */
public interface ScimPushSettingsProvider extends Provider {
}
