package dev.kcaws.keycloak;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.RoleProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.CacheRealmProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Serialises every write of one realm's AWS model across the cluster, and lets the writer read the
 * model as the database holds it at that moment, not as a cache last saw it.
 *
 * <p>Why: the model's checks ("does this account exist?", "is the access role there yet?", "does
 * this group hold it?") and its writes must be one step, or two requests on one or two nodes both
 * pass the check and the later one silently overwrites, resurrects or orphans (issue 8). Keycloak's
 * model API has no lock, so the writer takes a row lock ({@code SELECT … FOR UPDATE}) on the model
 * client's row in Keycloak's {@code CLIENT} table, which every node shares through the database and
 * the database releases at commit or rollback, also when a node dies.
 *
 * <p>After the lock, reads must bypass Keycloak's caches: a node applies another transaction's
 * invalidations only after that transaction has committed (and other nodes a little later), so a
 * cached read right after the lock was granted can still be the state before it. This class hands
 * out the JPA providers' own adapters for reads; writes keep going through the cached adapters,
 * whose invalidations reach every node.
 *
 * <p>Internal APIs used (each may move in a Keycloak upgrade): {@link JpaConnectionProvider}
 * (keycloak-model-jpa, stable since Keycloak 1.x) for the lock query; {@link CacheRealmProvider#registerClientInvalidation}
 * (server-spi-private, since 2.x) so this transaction reads the model client from the database and
 * every node drops its cached copy at commit; the default {@link RoleProvider}, {@link GroupProvider}
 * and {@link UserProvider} of a session are the JPA ones (since 13), the caches being layered above them.
 */
public final class ModelLock {

    /** Hibernate replaces {@code {h-schema}} with the configured schema (db-schema), if any. */
    private static final String LOCK_QUERY =
            "SELECT ID FROM {h-schema}CLIENT WHERE REALM_ID = :realm AND CLIENT_ID = :clientId FOR UPDATE";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel modelClient;

    private ModelLock(KeycloakSession session, RealmModel realm, ClientModel modelClient) {
        this.session = session;
        this.realm = realm;
        this.modelClient = modelClient;
    }

    /**
     * Locks the realm's model client until this transaction ends, creating it first (in a
     * transaction of its own, so that two first writers do not both create it) when the realm has
     * none. Must run before this transaction reads the model client through JPA: a row Hibernate
     * loaded before the lock keeps its old state.
     */
    public static ModelLock acquire(KeycloakSession session, RealmModel realm, String modelClientId,
                                    Function<RealmModel, ClientModel> create) {
        String id = lockRow(session, realm, modelClientId);
        if (id == null) {
            RuntimeException failed = createApart(session, realm, modelClientId, create);
            id = lockRow(session, realm, modelClientId);
            if (id == null) {
                throw failed != null ? failed
                        : new IllegalStateException("the client " + modelClientId + " of realm " + realm.getName() + " could not be created");
            }
        }
        CacheRealmProvider cache = session.getProvider(CacheRealmProvider.class);
        if (cache != null) {
            cache.registerClientInvalidation(id, modelClientId, realm.getId());
        }
        ClientModel client = session.clients().getClientById(realm, id);
        return new ModelLock(session, realm, client);
    }

    /** The model client as the database holds it now; writes to it are seen by every node after commit. */
    public ClientModel modelClient() {
        return modelClient;
    }

    /** The model client's role of that name as the database holds it now, or null. */
    public RoleModel role(String name) {
        return roles().getClientRole(modelClient, name);
    }

    /** Every role of the model client as the database holds it now. */
    public Stream<RoleModel> allRoles() {
        return roles().getClientRolesStream(modelClient);
    }

    /** Whether the group or user holds the role directly, as the database says now. */
    public boolean holdsDirectly(RoleMapperModel principal, RoleModel role) {
        return fresh(principal).hasDirectRole(role);
    }

    /** The ids of the model client's roles the principal holds directly, as the database says now. */
    public Stream<RoleModel> directClientRoles(RoleMapperModel principal) {
        return fresh(principal).getClientRoleMappingsStream(modelClient);
    }

    /**
     * Locks the client's row as {@link #acquire} does, for a change that came through Keycloak's own
     * client API, so that it is ordered with the bundle's writers; null if the client is gone.
     */
    public static String lockExisting(KeycloakSession session, RealmModel realm, String clientId) {
        return lockRow(session, realm, clientId);
    }

    /**
     * The client's attributes as last committed, read in a transaction of its own: what this
     * transaction is about to overwrite; empty when the client is not committed yet (created by
     * this transaction, as in a realm import). Readers are not blocked by this transaction's row
     * locks (PostgreSQL and H2 both read the committed version).
     */
    public static Optional<Map<String, String>> committedAttributes(KeycloakSession session, RealmModel realm, String clientUuid) {
        String realmId = realm.getId();
        Map<String, String> attributes = new HashMap<>();
        boolean[] found = {false};
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), apart -> {
            RealmModel sameRealm = apart.realms().getRealm(realmId);
            ClientModel stored = sameRealm == null ? null : apart.getProvider(ClientProvider.class).getClientById(sameRealm, clientUuid);
            if (stored != null) {
                attributes.putAll(stored.getAttributes());
                found[0] = true;
            }
        });
        return found[0] ? Optional.of(attributes) : Optional.empty();
    }

    private RoleMapperModel fresh(RoleMapperModel principal) {
        if (principal instanceof GroupModel group) {
            GroupModel stored = session.getProvider(GroupProvider.class).getGroupById(realm, group.getId());
            return stored != null ? stored : principal;
        }
        if (principal instanceof UserModel user) {
            UserModel stored = session.getProvider(UserProvider.class).getUserById(realm, user.getId());
            return stored != null ? stored : principal;
        }
        return principal;
    }

    private RoleProvider roles() {
        return session.getProvider(RoleProvider.class);
    }

    private static String lockRow(KeycloakSession session, RealmModel realm, String clientId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<?> ids = em.createNativeQuery(LOCK_QUERY)
                .setParameter("realm", realm.getId())
                .setParameter("clientId", clientId)
                .getResultList();
        return ids.isEmpty() ? null : String.valueOf(ids.get(0));
    }

    /** Null when created here or by another request meanwhile (a duplicate); the failure otherwise. */
    private static RuntimeException createApart(KeycloakSession session, RealmModel realm, String clientId,
                                                Function<RealmModel, ClientModel> create) {
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), apart -> {
                RealmModel sameRealm = apart.realms().getRealm(realmId);
                if (apart.getProvider(ClientProvider.class).getClientByClientId(sameRealm, clientId) == null) {
                    create.apply(sameRealm);
                }
            });
            return null;
        } catch (RuntimeException e) {
            // Most likely another request created it first (a duplicate at commit): then the lock finds it.
            return e;
        }
    }
}
