package dev.kcaws.setup;

import dev.kcaws.adminpage.AdminPageSetup;
import dev.kcaws.client.CliClient;
import dev.kcaws.client.LegacyPageTheme;
import dev.kcaws.keycloak.InternalApiCheck;
import org.keycloak.models.KeycloakSessionFactory;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Registers, once per {@link KeycloakSessionFactory}, everything other parts of the bundle depend
 * on whichever of its providers are enabled: the model guard (no AWS model AWS would reject is
 * stored, whichever path it comes by), the guard of Keycloak's own client and role endpoints, the
 * admin page's client in the admin realm and the clean-up of the theme earlier versions forced on
 * the page clients; before all of it, the check that this Keycloak has every internal API the
 * bundle calls (a release without one stops at start-up with one line, not at the first login).
 * Every provider factory of the bundle calls it from {@code postInit} ({@code BundleSetupCallersTest}
 * checks), so disabling any of them (e.g.
 * {@code --spi-admin-realm-restapi-extension--aws--enabled=false}) drops that provider only, never
 * the validation. This package imports none of the packages whose factories call it
 * ({@code PackageCyclesTest}); the SCIM push, which is its own provider, is registered by its own
 * factory.
 */
public final class BundleSetup {

    /** The factories already set up on this node; weak, so a stopped factory (tests, hot deploy) is forgotten. */
    private static final Set<KeycloakSessionFactory> DONE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private BundleSetup() {
    }

    /** Idempotent: the first call for a factory registers, later calls (the other providers' postInit) do nothing. */
    public static void register(KeycloakSessionFactory factory) {
        if (!DONE.add(factory)) {
            return;
        }
        InternalApiCheck.verify();
        ModelGuard.register(factory);
        // Keycloak's own client and role endpoints do not change the model at all (they skip the AWS API's permissions).
        KeycloakApiGuard.register(factory);
        AdminPageSetup.register(factory);
        LegacyPageTheme.register(factory);
        // The CLI's client wherever the portal's is (realms set up before the CLI existed).
        CliClient.register(factory);
        // Time-bound assignments: the once-per-cluster removal of those whose window has ended, and windows going with their mappings.
        EndedAssignmentSweep.register(factory);
        RevokedWindowCleanup.register(factory);
    }
}
