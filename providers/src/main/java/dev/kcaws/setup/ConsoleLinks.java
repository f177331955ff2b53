package dev.kcaws.setup;

import dev.kcaws.access.ModelClient;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Makes the AWS page findable from Keycloak's admin console: the model client of every realm
 * links it as its Home URL (the clients list shows it as a link) and says in its description that
 * the model is managed there. Done at start-up for realms earlier versions made, and when a realm
 * is imported or created with a model client in it.
 */
final class ConsoleLinks {

    private static final Logger LOG = Logger.getLogger(ConsoleLinks.class);

    private ConsoleLinks() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().forEach(ConsoleLinks::link));
                } catch (RuntimeException e) {
                    // Two nodes starting together may both write it; the link is the same either way.
                    LOG.warnf("Could not link the AWS page from the realms' aws-access clients (%s); it is done again at the next start", e.getMessage());
                }
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                // A realm import fires this after its clients are in.
                link(created.getCreatedRealm());
            }
        });
    }

    private static void link(RealmModel realm) {
        ModelClient.of(realm).ifPresent(client -> ModelClient.linkToAdminPage(realm, client));
    }
}
