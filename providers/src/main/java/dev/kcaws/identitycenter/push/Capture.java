package dev.kcaws.identitycenter.push;

import dev.kcaws.identitycenter.IdentityCenterSettings;
import dev.kcaws.keycloak.GroupMemberQueries;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Puts one change in the outbox, in the transaction of the change (the session it came with), when
 * the realm pushes to Identity Center; once the transaction has committed, the realm's delivery is
 * started on a worker thread. Within one transaction an item is enqueued once.
 */
final class Capture {

    /** Executor task type (Keycloak's {@link ExecutorsProvider}) of the deliveries and reconciles. */
    static final String EXECUTOR = "kcaws-identity-center-push";

    private static final String STATE = Capture.class.getName();
    private static final Logger LOG = Logger.getLogger(Capture.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdentityCenterSettings settings;

    private Capture(KeycloakSession session, RealmModel realm, IdentityCenterSettings settings) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
    }

    /** The capture for the realm, or empty when its push is not configured or disabled. */
    static Optional<Capture> of(KeycloakSession session, RealmModel realm) {
        if (session == null || realm == null) {
            return Optional.empty();
        }
        // Only settings found are remembered: a realm being imported gets its settings component
        // after some of its groups and memberships, and its RealmPostCreateEvent must see them.
        State state = state(session);
        IdentityCenterSettings settings = state.settings.get(realm.getId());
        if (settings == null) {
            settings = IdentityCenterSettings.of(session, realm).orElse(null);
            if (settings == null) {
                return Optional.empty();
            }
            state.settings.put(realm.getId(), settings);
        }
        return Optional.of(new Capture(session, realm, settings));
    }

    /** The realm's settings were just saved in this session: read them again. */
    static void settingsSaved(KeycloakSession session, RealmModel realm) {
        state(session).settings.remove(realm.getId());
    }

    void user(String userId) {
        enqueue(Outbox.Kind.USER, userId);
    }

    void group(String groupId) {
        enqueue(Outbox.Kind.GROUP, groupId);
    }

    void wholeRealm() {
        enqueue(Outbox.Kind.REALM, realm.getId());
    }

    boolean chosen(String groupId) {
        return settings.groupIds().contains(groupId);
    }

    /** Every chosen group whose members change when {@code group}'s do: itself and its ancestors. */
    void groupAndChosenAncestors(GroupModel group) {
        Set<String> seen = new HashSet<>();
        for (GroupModel g = group; g != null && seen.add(g.getId()); g = g.getParent()) {
            if (chosen(g.getId())) {
                group(g.getId());
            }
        }
    }

    /** As {@link #groupAndChosenAncestors(GroupModel)}, by ID, from the tables. */
    void groupsAndChosenAncestors(Collection<String> groupIds) {
        for (String id : GroupMemberQueries.of(session, realm).withAncestors(groupIds)) {
            if (chosen(id)) {
                group(id);
            }
        }
    }

    /** Whether the group is chosen or lies under a chosen group. */
    boolean inScope(GroupModel group) {
        Set<String> seen = new HashSet<>();
        for (GroupModel g = group; g != null && seen.add(g.getId()); g = g.getParent()) {
            if (chosen(g.getId())) {
                return true;
            }
        }
        return false;
    }

    /** Every chosen group (a moved sub-group changes the members of its old and new ancestors). */
    void allChosenGroups() {
        settings.groupIds().forEach(this::group);
    }

    /** The direct members of the groups, each as a USER change (their scope may have changed). */
    void membersOf(Collection<String> groupIds) {
        GroupMemberQueries.of(session, realm).memberIds(groupIds).forEach(this::user);
    }

    GroupMemberQueries queries() {
        return GroupMemberQueries.of(session, realm);
    }

    private void enqueue(Outbox.Kind kind, String keycloakId) {
        State state = state(session);
        if (state.forgotten.contains(realm.getId()) || !state.enqueued.add(realm.getId() + "/" + kind + "/" + keycloakId)) {
            return;
        }
        Outbox.of(session).enqueue(realm.getId(), kind, keycloakId, Time.currentTimeMillis());
        if (state.realms.isEmpty()) {
            ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
            KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
            Set<String> realms = state.realms;
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    deliverLater(executor, factory, List.copyOf(realms));
                }

                @Override
                protected void rollbackImpl() {
                }
            });
        }
        state.realms.add(realm.getId());
    }

    /** The realm was removed in this transaction: its rows go, and nothing more is enqueued for it. */
    static void forgetRealm(KeycloakSession session, String realmId) {
        state(session).forgotten.add(realmId);
        Outbox.of(session).forgetRealm(realmId);
    }

    /** Starts the realms' deliveries on the push's worker threads (a full queue: the timer delivers them). */
    static void deliverLater(ExecutorService executor, KeycloakSessionFactory factory, Collection<String> realmIds) {
        for (String realmId : realmIds) {
            try {
                executor.execute(() -> {
                    try {
                        RealmPush.drain(factory, realmId);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Realm %s: delivering changes to IAM Identity Center failed; the timer tries again", realmId);
                    }
                });
            } catch (RejectedExecutionException full) {
                // the rows are committed; the next timer tick delivers them
            }
        }
    }

    private static State state(KeycloakSession session) {
        State state = session.getAttribute(STATE, State.class);
        if (state == null) {
            state = new State();
            session.setAttribute(STATE, state);
        }
        return state;
    }

    /** What one session (one transaction) has enqueued and looked up. */
    private static final class State {
        final Map<String, IdentityCenterSettings> settings = new HashMap<>();
        final Set<String> enqueued = new HashSet<>();
        final Set<String> realms = new LinkedHashSet<>();
        final Set<String> forgotten = new HashSet<>();
    }
}
