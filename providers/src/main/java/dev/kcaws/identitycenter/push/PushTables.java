package dev.kcaws.identitycenter.push;

import dev.kcaws.setup.BundleSetup;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import java.util.List;

/**
 * The push's own tables (outbox, ledger, last runs, realm leases) in Keycloak's database, through
 * Keycloak's JPA entity SPI: Keycloak adds the entities to its persistence unit (the Quarkus
 * distribution picks up every {@code @Entity} of a provider jar at build time) and runs the
 * changelog after its own, recording it in {@code DATABASECHANGELOG_KCAWS_IDEN}. So the rows share
 * the transaction of the change that writes them.
 */
public class PushTables implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String PROVIDER_ID = "kcaws-identity-center-push";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OutboxRow.class, LedgerEntry.class, LedgerMembership.class, RunRecord.class, RealmLease.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/kcaws/identity-center-push-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BundleSetup.register(factory);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
