package dev.kcaws.client;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

import java.util.List;

/**
 * Earlier versions of the bundle set {@code login_theme=kcaws} on their page clients, which kept the
 * portal and its sign-in in the bundle's look whatever the realm chose. The pages are
 * theme-resources now, so once the server has started this drops that attribute from the page
 * clients of every realm, and those pages follow the realm's login theme. Only the exact value the
 * bundle wrote is removed: a theme an administrator chose for these clients stays. Every node runs
 * it at start-up; it is idempotent, so nodes starting together do no harm.
 */
public final class LegacyPageTheme {

    static final String LOGIN_THEME = "login_theme";
    private static final Logger LOG = Logger.getLogger(LegacyPageTheme.class);

    private LegacyPageTheme() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                migrate(migrated.getFactory());
            }
        });
    }

    private static void migrate(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    session.realms().getRealmsStream().forEach(LegacyPageTheme::migrate));
        } catch (RuntimeException e) {
            // Another node changed the same client at the same moment; the next start finishes the job.
            LOG.warnf("Could not drop the legacy login_theme=%s of the AWS page clients (%s); the pages keep the old look until the next start",
                    PublicPageClient.LEGACY_THEME, e.getMessage());
        }
    }

    /** Drops {@code login_theme=kcaws} from the realm's page clients; true when one was changed. */
    static boolean migrate(RealmModel realm) {
        boolean changed = false;
        for (String clientId : List.of(PortalClient.CLIENT_ID, AdminPageClient.CLIENT_ID)) {
            ClientModel client = realm.getClientByClientId(clientId);
            if (client != null && PublicPageClient.LEGACY_THEME.equals(client.getAttribute(LOGIN_THEME))) {
                client.removeAttribute(LOGIN_THEME);
                LOG.infof("Client %s of realm %s: dropped login_theme=%s; its pages now use the realm's login theme",
                        clientId, realm.getName(), PublicPageClient.LEGACY_THEME);
                changed = true;
            }
        }
        return changed;
    }
}
