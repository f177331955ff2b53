package dev.kcaws.setup;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AccessStore.EndedAssignment;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Removes time-bound assignments whose window has ended: every minute, on every node's timer
 * (Keycloak's {@link TimerProvider}), a look at each realm's cached model client finds whether any
 * window has ended; if one has, the work runs once per cluster: under Keycloak's cluster-wide task
 * lock ({@link ClusterProvider#executeIfNotExecuted}, the lock {@code ClusterAwareScheduledTaskRunner}
 * uses), and each realm under the bundle's model lock with what the database holds, so a second
 * node that got there anyway finds nothing left to remove. Each removal is recorded as an admin
 * event (operation {@code DELETE}, resource type {@code AWS_ACCESS}, path {@code assignments/<account>/<set>})
 * as if an administrator had removed it. Logins do not wait for this: they ignore an ended window at once.
 */
public final class EndedAssignmentSweep {

    static final long INTERVAL_MILLIS = 60_000;
    static final String TASK_NAME = "kcaws-ended-assignments";

    private static final Logger LOG = Logger.getLogger(EndedAssignmentSweep.class);

    private EndedAssignmentSweep() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(() -> run(factory), INTERVAL_MILLIS, TASK_NAME));
            }
        });
    }

    static void run(KeycloakSessionFactory factory) {
        try {
            List<String> realms = new ArrayList<>();
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                long now = Time.currentTimeMillis();
                session.realms().getRealmsStream().filter(realm -> AccessStore.of(realm).anyEnded(now)).forEach(realm -> realms.add(realm.getId()));
            });
            if (realms.isEmpty()) {
                return;
            }
            KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                    .executeIfNotExecuted(TASK_NAME, (int) (INTERVAL_MILLIS / 1000) - 10, () -> {
                        realms.forEach(realmId -> sweep(factory, realmId));
                        return null;
                    }));
        } catch (RuntimeException e) {
            LOG.error("Removing ended AWS assignments failed; it runs again in a minute", e);
        }
    }

    /** Removes the realm's ended assignments in a transaction of their own; returns what was removed. */
    public static List<EndedAssignment> sweep(KeycloakSessionFactory factory, String realmId) {
        List<EndedAssignment> removed = new ArrayList<>();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                removed.addAll(AccessStore.forWriting(session, realm).removeEnded(session, Time.currentTimeMillis()));
                removed.forEach(ended -> record(session, realm, ended));
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Realm %s: removing ended AWS assignments failed; it runs again in a minute", realmId);
            return List.of();
        }
        removed.forEach(ended -> LOG.infof("Realm %s: removed the AWS assignment of %s to %s as %s, whose window ended at %s", realmId,
                ended.group() != null ? "group " + ended.group() : "user " + ended.user(), ended.accountId(), ended.permissionSet(),
                ended.window().notAfterText()));
        return removed;
    }

    /** The admin event of one removal, stored and sent to the realm's listeners as Keycloak's admin events are. */
    private static void record(KeycloakSession session, RealmModel realm, EndedAssignment ended) {
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(Time.currentTimeMillis());
        event.setRealmId(realm.getId());
        AuthDetails by = new AuthDetails();
        by.setRealmId(realm.getId());
        event.setAuthDetails(by);
        event.setOperationType(OperationType.DELETE);
        event.setResourceTypeAsString("AWS_ACCESS");
        event.setResourcePath("assignments/" + ended.accountId() + "/" + ended.permissionSet());
        Map<String, String> rep = new LinkedHashMap<>();
        if (ended.group() != null) {
            rep.put("group", ended.group());
        } else {
            rep.put("user", ended.user());
        }
        rep.put("accountId", ended.accountId());
        rep.put("permissionSet", ended.permissionSet());
        if (ended.window().notBefore() != null) {
            rep.put("notBefore", ended.window().notBeforeText());
        }
        rep.put("notAfter", ended.window().notAfterText());
        rep.put("removedBecause", "notAfter passed");
        try {
            event.setRepresentation(JsonSerialization.writeValueAsString(rep));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (realm.isAdminEventsEnabled()) {
            session.getProvider(EventStoreProvider.class).onEvent(event, withRepresentation);
        }
        realm.getEventsListenersStream().forEach(id -> {
            EventListenerProvider listener = session.getProvider(EventListenerProvider.class, id);
            if (listener != null) {
                try {
                    listener.onEvent(new AdminEvent(event), withRepresentation);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Event listener %s failed on an ended AWS assignment", id);
                }
            }
        });
    }
}
