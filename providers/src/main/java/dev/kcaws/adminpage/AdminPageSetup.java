package dev.kcaws.adminpage;

import dev.kcaws.client.AdminPageClient;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Once the server has started (after Keycloak's own migration), makes sure the admin realm has the
 * admin page's client, so the page works as soon as the jar is dropped in. Other realms get it
 * when an AWS client is created in them (their own administrators sign in there).
 */
public final class AdminPageSetup {

    private static final Logger LOG = Logger.getLogger(AdminPageSetup.class);

    private AdminPageSetup() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                ensureInAdminRealm(migrated.getFactory());
            }
        });
    }

    private static void ensureInAdminRealm(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel admin = session.realms().getRealmByName(Config.getAdminRealm());
                if (admin != null && admin.getClientByClientId(AdminPageClient.CLIENT_ID) == null) {
                    AdminPageClient.ensure(admin);
                    LOG.infof("Created client %s in realm %s: the AWS admin page is at %s",
                            AdminPageClient.CLIENT_ID, admin.getName(), AdminPageClient.pagePath(admin));
                }
            });
        } catch (RuntimeException e) {
            // Another node of the cluster created it at the same moment; one client is all that is needed.
            LOG.warnf("Could not create client %s in the admin realm (%s); if another node created it, nothing is wrong",
                    AdminPageClient.CLIENT_ID, e.getMessage());
        }
    }
}
