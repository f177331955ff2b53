package dev.kcaws.scim;

import dev.kcaws.scim.PushLedger.PushedGroup;
import dev.kcaws.scim.PushLedger.PushedUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the push (one change, or a reconcile): the steps both share, each sending the fewest
 * requests and recording its effect in the ledger as soon as Identity Center accepted it, and the
 * tally of what happened. A refusal about one user or group becomes a {@link PushFailure} and the
 * run goes on; Identity Center being unreachable, throttling past the retries or refusing the
 * token ends the run with {@link ScimUnavailableException}.
 */
final class PushRun {
    /** What happened to one user or group in this run; a later, stronger outcome wins. */
    enum Outcome { UNCHANGED, UPDATED, DEACTIVATED, DELETED, CREATED }

    final ScimClient client;
    final UserNameSource names;
    final LeavePolicy onLeave;
    final PushSource source;
    final PushLedger ledger;
    private final long requestsBefore;
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, PushFailure> failures = new LinkedHashMap<>();

    PushRun(ScimClient client, UserNameSource names, LeavePolicy onLeave, PushSource source, PushLedger ledger) {
        this.client = client;
        this.names = names;
        this.onLeave = onLeave;
        this.source = source;
        this.ledger = ledger;
        this.requestsBefore = client.requestsSent();
    }

    PushResult result() {
        int[] counts = new int[Outcome.values().length];
        outcomes.values().forEach(outcome -> counts[outcome.ordinal()]++);
        return new PushResult(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.DEACTIVATED.ordinal()], counts[Outcome.DELETED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], (int) (client.requestsSent() - requestsBefore),
                new ArrayList<>(failures.values()));
    }

    void mark(String kind, String keycloakId, Outcome outcome) {
        outcomes.merge(kind + ":" + keycloakId, outcome, (was, now) -> now.compareTo(was) > 0 ? now : was);
    }

    /** The first failure of a user or group is kept (the one that stopped it). */
    void fail(String kind, String keycloakId, String name, String message) {
        failures.putIfAbsent(kind + ":" + keycloakId, new PushFailure(kind, keycloakId, name, message));
    }

    boolean failed(String kind, String keycloakId) {
        return failures.containsKey(kind + ":" + keycloakId);
    }

    /** Lets a refusal about one resource through to be reported; ends the run when Identity Center cannot take it. */
    static ScimException reportable(ScimException e) {
        if (e.transientFailure() || e.tokenRefused()) {
            throw new ScimUnavailableException(e);
        }
        return e;
    }

    // ---- users ----

    /** The document for a user, or a failure naming the user when Keycloak lacks what AWS requires. */
    Optional<ScimUserDocument> document(KeycloakUser user) {
        try {
            return Optional.of(ScimUserDocument.from(user, names));
        } catch (ScimInputException e) {
            fail(PushFailure.USER, user.id(), user.username(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Brings one user in scope to Identity Center trusting the ledger: nothing when the fingerprint
     * matches, PutUser when it differs, CreateUser (adopting on 409) when unknown or gone there.
     */
    Optional<PushedUser> upsertUser(KeycloakUser user, ScimUserDocument document, PushedUser known) {
        String fingerprint = ScimPush.fingerprint(document);
        if (known != null) {
            if (!known.left() && known.fingerprint().equals(fingerprint)) {
                mark(PushFailure.USER, user.id(), Outcome.UNCHANGED);
                return Optional.of(known);
            }
            Optional<PushedUser> put = putUser(known, document);
            if (put.isPresent()) {
                return put;
            }
            if (failed(PushFailure.USER, user.id())) {
                // Refused: the user stays there as last pushed, and their memberships still follow Keycloak.
                return Optional.of(known);
            }
            ledger.forgetUsers(List.of(user.id()));
        }
        return createUser(user, document);
    }

    /** PutUser; empty and no failure when the user is gone from Identity Center (404). */
    Optional<PushedUser> putUser(PushedUser known, ScimUserDocument document) {
        try {
            client.putUser(known.scimId(), document);
        } catch (ScimException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            fail(PushFailure.USER, known.keycloakId(), document.userName(), reportable(e).getMessage());
            return Optional.empty();
        }
        PushedUser saved = new PushedUser(known.keycloakId(), known.scimId(), ScimPush.fingerprint(document), false);
        ledger.saveUsers(List.of(saved));
        mark(PushFailure.USER, known.keycloakId(), Outcome.UPDATED);
        return Optional.of(saved);
    }

    /** CreateUser without reading first; a 409 adopts the user Identity Center already has. */
    Optional<PushedUser> createUser(KeycloakUser user, ScimUserDocument document) {
        Created created;
        try {
            created = client.createOrAdoptUser(document);
        } catch (ScimException e) {
            fail(PushFailure.USER, user.id(), document.userName(), reportable(e).getMessage());
            return Optional.empty();
        }
        if (created.adopted()) {
            ScimResource found = created.resource();
            String externalId = found.text("externalId");
            String owner = externalId != null && ledger.user(externalId).map(PushedUser::scimId)
                    .filter(found.id()::equals).isPresent() ? externalId : null;
            return adoptUser(user, document, found, owner);
        }
        PushedUser saved = new PushedUser(user.id(), created.resource().id(), ScimPush.fingerprint(document), false);
        ledger.saveUsers(List.of(saved));
        mark(PushFailure.USER, user.id(), Outcome.CREATED);
        return Optional.of(saved);
    }

    /**
     * Takes over a user Identity Center already has under this userName: records it, then
     * PutUser only if it differs. One that another in-scope Keycloak user owns is not taken.
     *
     * @param owner the Keycloak ID the ledger has for that Identity Center user, or null
     */
    Optional<PushedUser> adoptUser(KeycloakUser user, ScimUserDocument document, ScimResource found, String owner) {
        if (owner != null && !owner.equals(user.id())) {
            if (source.user(owner).isPresent()) {
                fail(PushFailure.USER, user.id(), document.userName(), "userName " + document.userName()
                        + " is already Identity Center's user of Keycloak user " + owner + " (two users with one userName)");
                return Optional.empty();
            }
            // The owner left the scope (deleted and created again, say): the user passes to the new
            // one, with the memberships Identity Center still holds for it, so that the new user's
            // and the groups' next diffs remove those the new user is not in.
            Set<String> carried = new LinkedHashSet<>(ledger.groupsOf(owner));
            ledger.forgetUsers(List.of(owner));
            Optional<PushedUser> taken = adoptUser(user, document, found, null);
            if (taken.isPresent()) {
                carried.forEach(groupId -> ledger.addMembers(groupId, List.of(user.id())));
            }
            return taken;
        }
        PushedUser adopted = new PushedUser(user.id(), found.id(), ScimPush.fingerprint(document), false);
        if (Drift.userDiffers(found.document(), document)) {
            return putUser(adopted, document);
        }
        ledger.saveUsers(List.of(adopted));
        mark(PushFailure.USER, user.id(), Outcome.UNCHANGED);
        return Optional.of(adopted);
    }

    /**
     * A pushed user left the scope: DeleteUser, or (DEACTIVATE) out of the groups the ledger has
     * them in and {@code active: false}.
     */
    void leave(PushedUser user) {
        if (onLeave == LeavePolicy.DELETE) {
            try {
                client.deleteUser(user.scimId());
            } catch (ScimException e) {
                fail(PushFailure.USER, user.keycloakId(), null, reportable(e).getMessage());
                return;
            }
            ledger.forgetUsers(List.of(user.keycloakId()));
            mark(PushFailure.USER, user.keycloakId(), Outcome.DELETED);
            return;
        }
        if (user.left()) {
            return;
        }
        for (String groupId : ledger.groupsOf(user.keycloakId())) {
            Optional<PushedGroup> group = ledger.group(groupId);
            if (group.isEmpty() || !changeMembers(group.get(), null, Map.of(), Map.of(user.keycloakId(), user.scimId()))) {
                ledger.removeMembers(groupId, List.of(user.keycloakId()));
            }
        }
        try {
            client.setUserActive(user.scimId(), false);
        } catch (ScimException e) {
            if (e.status() == 404) {
                ledger.forgetUsers(List.of(user.keycloakId()));
                return;
            }
            fail(PushFailure.USER, user.keycloakId(), null, reportable(e).getMessage());
            return;
        }
        ledger.saveUsers(List.of(new PushedUser(user.keycloakId(), user.scimId(), user.fingerprint(), true)));
        mark(PushFailure.USER, user.keycloakId(), Outcome.DEACTIVATED);
    }

    // ---- groups ----

    Optional<ScimGroupDocument> document(SourceGroup group) {
        try {
            return Optional.of(ScimGroupDocument.of(group.displayName(), group.id()));
        } catch (ScimInputException e) {
            fail(PushFailure.GROUP, group.id(), group.displayName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** CreateGroup (empty) without reading first; a 409 adopts the group Identity Center already has. */
    Optional<PushedGroup> createGroup(SourceGroup group, ScimGroupDocument document) {
        Created created;
        try {
            created = client.createOrAdoptGroup(document);
        } catch (ScimException e) {
            fail(PushFailure.GROUP, group.id(), document.displayName(), reportable(e).getMessage());
            return Optional.empty();
        }
        if (created.adopted()) {
            ScimResource found = created.resource();
            String externalId = found.text("externalId");
            String owner = externalId != null && ledger.group(externalId).map(PushedGroup::scimId)
                    .filter(found.id()::equals).isPresent() ? externalId : null;
            return adoptGroup(group, document, found, owner);
        }
        PushedGroup saved = new PushedGroup(group.id(), created.resource().id(), ScimPush.fingerprint(document));
        ledger.saveGroups(List.of(saved));
        mark(PushFailure.GROUP, group.id(), Outcome.CREATED);
        return Optional.of(saved);
    }

    /** Takes over a group Identity Center already has under this displayName; renames it only if the case differs. */
    Optional<PushedGroup> adoptGroup(SourceGroup group, ScimGroupDocument document, ScimResource found, String owner) {
        if (owner != null && !owner.equals(group.id())) {
            if (source.group(owner).isPresent()) {
                fail(PushFailure.GROUP, group.id(), document.displayName(), "displayName " + document.displayName()
                        + " is already Identity Center's group of Keycloak group " + owner + " (two chosen groups with one name)");
                return Optional.empty();
            }
            ledger.forgetGroups(List.of(owner));
        }
        PushedGroup adopted = new PushedGroup(group.id(), found.id(), ScimPush.fingerprint(document));
        if (Drift.groupDiffers(found.document(), document)) {
            return renameGroup(adopted, document);
        }
        ledger.saveGroups(List.of(adopted));
        mark(PushFailure.GROUP, group.id(), Outcome.UNCHANGED);
        return Optional.of(adopted);
    }

    /** PatchGroup {@code replace displayName}; empty and no failure when the group is gone (404). */
    Optional<PushedGroup> renameGroup(PushedGroup known, ScimGroupDocument document) {
        try {
            client.renameGroup(known.scimId(), document.displayName());
        } catch (ScimException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            fail(PushFailure.GROUP, known.keycloakId(), document.displayName(), reportable(e).getMessage());
            return Optional.empty();
        }
        PushedGroup saved = new PushedGroup(known.keycloakId(), known.scimId(), ScimPush.fingerprint(document));
        ledger.saveGroups(List.of(saved));
        mark(PushFailure.GROUP, known.keycloakId(), Outcome.UPDATED);
        return Optional.of(saved);
    }

    /** DeleteGroup (already gone counts as deleted) and forgets it with its memberships. */
    boolean deleteGroup(PushedGroup group) {
        try {
            client.deleteGroup(group.scimId());
        } catch (ScimException e) {
            fail(PushFailure.GROUP, group.keycloakId(), null, reportable(e).getMessage());
            return false;
        }
        ledger.forgetGroups(List.of(group.keycloakId()));
        mark(PushFailure.GROUP, group.keycloakId(), Outcome.DELETED);
        return true;
    }

    /**
     * Adds and removes members in PatchGroup requests of at most
     * {@value MembershipPatches#MAX_CHANGES} changes, each recorded in the ledger once accepted.
     * A refused request is a failure of the group; the next requests still go.
     *
     * @param add    Keycloak user ID → Identity Center user ID, to add
     * @param remove Keycloak user ID → Identity Center user ID, to remove
     * @return false when the group is gone from Identity Center (404); nothing more was sent
     */
    boolean changeMembers(PushedGroup group, String name, Map<String, String> add, Map<String, String> remove) {
        List<Map.Entry<String, String>> adds = new ArrayList<>(add.entrySet());
        List<Map.Entry<String, String>> removes = new ArrayList<>(remove.entrySet());
        int total = adds.size() + removes.size();
        for (int from = 0; from < total; from += MembershipPatches.MAX_CHANGES) {
            int to = Math.min(total, from + MembershipPatches.MAX_CHANGES);
            Map<String, String> batchAdd = new LinkedHashMap<>();
            Map<String, String> batchRemove = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                Map.Entry<String, String> change = i < adds.size() ? adds.get(i) : removes.get(i - adds.size());
                (i < adds.size() ? batchAdd : batchRemove).put(change.getKey(), change.getValue());
            }
            try {
                client.changeMembers(group.scimId(), batchAdd.values(), batchRemove.values());
            } catch (ScimException e) {
                if (e.status() == 404) {
                    return false;
                }
                fail(PushFailure.GROUP, group.keycloakId(), name, reportable(e).getMessage());
                continue;
            }
            if (!batchAdd.isEmpty()) {
                ledger.addMembers(group.keycloakId(), batchAdd.keySet());
            }
            if (!batchRemove.isEmpty()) {
                ledger.removeMembers(group.keycloakId(), batchRemove.keySet());
            }
            mark(PushFailure.GROUP, group.keycloakId(), Outcome.UPDATED);
        }
        return true;
    }

    /** Ledger entries of these users, in one read of the ledger when there are many. */
    Map<String, PushedUser> pushedUsers(Collection<String> keycloakIds) {
        Map<String, PushedUser> found = new HashMap<>();
        if (keycloakIds.size() > 50) {
            Set<String> wanted = new LinkedHashSet<>(keycloakIds);
            ledger.users().stream().filter(u -> wanted.contains(u.keycloakId())).forEach(u -> found.put(u.keycloakId(), u));
        } else {
            keycloakIds.forEach(id -> ledger.user(id).ifPresent(u -> found.put(id, u)));
        }
        return found;
    }
}
