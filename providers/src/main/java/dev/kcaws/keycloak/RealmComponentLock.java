package dev.kcaws.keycloak;

import jakarta.persistence.EntityManager;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serialises the writes of a realm component the bundle keeps one of per realm (the Identity
 * Center SCIM settings) across the cluster, and reads those components as the database holds them.
 *
 * <p>Why: "is there one already?" and "add it" must be one step, or two first saves on one node or
 * two both see none and both add one (Keycloak has no unique key on a component's type). Keycloak's
 * model API has no lock, so the writer locks the realm's row in Keycloak's {@code REALM} table
 * ({@code SELECT … FOR UPDATE}, released by the database at commit or rollback, also when a node
 * dies) and then counts the components with a query, not through the realm cache, which a node
 * updates only after the other transaction has committed. The model client's row ({@link ModelLock})
 * would not do: a realm with only Identity Center settings has no such client.
 *
 * <p>Take the lock before the transaction writes anything: a row it inserted that refers to the realm
 * (PostgreSQL's foreign-key share lock) would make two writers wait for each other.
 *
 * <p>Internal APIs used: {@link JpaConnectionProvider#getEntityManager()} (as {@link ModelLock}) and
 * native queries on Keycloak's {@code REALM}, {@code COMPONENT} and {@code COMPONENT_CONFIG} tables
 * (unchanged since Keycloak 2.x; checked 26.4.7–26.7.5).
 */
public final class RealmComponentLock {

    /** Hibernate replaces {@code {h-schema}} with the configured schema (db-schema), if any. */
    private static final String LOCK_QUERY = "SELECT ID FROM {h-schema}REALM WHERE ID = :realm FOR UPDATE";
    private static final String COMPONENTS_QUERY =
            "SELECT ID, NAME, PROVIDER_ID, SUB_TYPE FROM {h-schema}COMPONENT"
                    + " WHERE REALM_ID = :realm AND PARENT_ID = :realm AND PROVIDER_TYPE = :type ORDER BY ID";
    private static final String CONFIG_QUERY =
            "SELECT NAME, VALUE FROM {h-schema}COMPONENT_CONFIG WHERE COMPONENT_ID = :component ORDER BY ID";

    private final EntityManager em;
    private final String realmId;
    private final String providerType;

    private RealmComponentLock(EntityManager em, String realmId, String providerType) {
        this.em = em;
        this.realmId = realmId;
        this.providerType = providerType;
    }

    /**
     * Locks the realm's row until this transaction ends. A realm this transaction is still creating
     * (a realm import) is seen by no one else: then there is nothing to wait for.
     */
    public static RealmComponentLock acquire(KeycloakSession session, RealmModel realm, String providerType) {
        return acquire(session, realm.getId(), providerType);
    }

    /**
     * The same by the realm's ID: for a transaction that must take the lock before it loads anything,
     * the realm included. Entities this transaction loaded before the lock keep the state they had
     * then (Hibernate does not reload them), so a writer that updates or removes components or realm
     * attributes takes the lock first thing in a transaction of its own.
     */
    public static RealmComponentLock acquire(KeycloakSession session, String realmId, String providerType) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        em.createNativeQuery(LOCK_QUERY).setParameter("realm", realmId).getResultList();
        return new RealmComponentLock(em, realmId, providerType);
    }

    /**
     * The realm's components of the type (parent: the realm), as the database holds them with this
     * transaction's own changes, in the order of their IDs.
     */
    public List<ComponentModel> stored() {
        em.flush();
        List<ComponentModel> found = new ArrayList<>();
        for (Object row : em.createNativeQuery(COMPONENTS_QUERY)
                .setParameter("realm", realmId).setParameter("type", providerType).getResultList()) {
            Object[] columns = (Object[]) row;
            ComponentModel model = new ComponentModel();
            model.setId(text(columns[0]));
            model.setName(text(columns[1]));
            model.setProviderId(text(columns[2]));
            model.setSubType(text(columns[3]));
            model.setProviderType(providerType);
            model.setParentId(realmId);
            model.setConfig(config(model.getId()));
            found.add(model);
        }
        return found;
    }

    private MultivaluedHashMap<String, String> config(String componentId) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(CONFIG_QUERY).setParameter("component", componentId).getResultList()) {
            Object[] columns = (Object[]) row;
            values.computeIfAbsent(text(columns[0]), k -> new ArrayList<>()).add(text(columns[1]));
        }
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        values.forEach(config::put);
        return config;
    }

    /** COMPONENT_CONFIG.VALUE is an NCLOB: H2 hands it out as a {@link Clob}, PostgreSQL as text. */
    private static String text(Object value) {
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("could not read a component's configuration", e);
            }
        }
        return value == null ? null : value.toString();
    }
}
