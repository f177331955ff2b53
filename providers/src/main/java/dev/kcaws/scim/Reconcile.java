package dev.kcaws.scim;

import dev.kcaws.scim.PushLedger.PushedGroup;
import dev.kcaws.scim.PushLedger.PushedUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full reconcile of {@link ScimPush#reconcile}: reads Identity Center's users and groups once
 * (ListUsers, ListGroups, pages of 50), compares each chosen group and in-scope user with both the
 * ledger and what Identity Center holds, and writes only where they differ. Order matters for the
 * request count: groups no longer chosen are deleted before their members would be removed, users
 * who left are deleted (DELETE) before memberships are patched (DeleteUser takes them out of every
 * group), and deactivated (DEACTIVATE) after the membership step has taken them out of the groups.
 */
final class Reconcile {
    private final PushRun run;
    private final PushLedger ledger;
    private boolean checkMembers;

    private final Map<String, ScimResource> heldUsers = new HashMap<>();
    private final Map<String, ScimResource> heldUsersByName = new HashMap<>();
    private final Map<String, ScimResource> heldGroups = new HashMap<>();
    private final Map<String, ScimResource> heldGroupsByName = new HashMap<>();

    /** Identity Center user / group ID → Keycloak ID, for everything the ledger owns. */
    private final Map<String, String> userOwner = new HashMap<>();
    private final Map<String, String> groupOwner = new HashMap<>();
    /** Keycloak user ID → Identity Center user ID, for every owned user (in scope or not). */
    private final Map<String, String> scimIdOf = new HashMap<>();
    /** Chosen groups as they are in Identity Center after the group step. */
    private final Map<String, PushedGroup> groupsNow = new LinkedHashMap<>();
    /** Groups created in this run: they have no members to read. */
    private final Set<String> freshGroups = new HashSet<>();
    /** In-scope users in Identity Center after the user step. */
    private final Set<String> usersNow = new HashSet<>();

    Reconcile(PushRun run, boolean checkMembers) {
        this.run = run;
        this.ledger = run.ledger;
        this.checkMembers = checkMembers;
    }

    void run() {
        readIdentityCenter();
        Map<String, PushedUser> pushedUsers = new LinkedHashMap<>();
        for (PushedUser user : ledger.users()) {
            pushedUsers.put(user.keycloakId(), user);
            userOwner.put(user.scimId(), user.keycloakId());
            scimIdOf.put(user.keycloakId(), user.scimId());
        }
        Map<String, PushedGroup> pushedGroups = new LinkedHashMap<>();
        for (PushedGroup group : ledger.groups()) {
            pushedGroups.put(group.keycloakId(), group);
            groupOwner.put(group.scimId(), group.keycloakId());
        }
        List<SourceGroup> chosen = run.source.groups();
        List<KeycloakUser> inScope = run.source.users();

        deleteUnchosenGroups(chosen, pushedGroups);
        for (SourceGroup group : chosen) {
            pushGroup(group, pushedGroups.get(group.id()));
        }
        Set<String> inScopeIds = new HashSet<>();
        inScope.forEach(user -> inScopeIds.add(user.id()));
        List<PushedUser> leavers = new ArrayList<>();
        pushedUsers.values().stream().filter(u -> !inScopeIds.contains(u.keycloakId())).forEach(leavers::add);
        if (run.onLeave == LeavePolicy.DELETE) {
            leavers.forEach(this::deleteLeaver);
        }
        for (KeycloakUser user : inScope) {
            pushUser(user, pushedUsers.get(user.id()));
        }
        for (SourceGroup group : chosen) {
            PushedGroup pushed = groupsNow.get(group.id());
            if (pushed != null) {
                syncMembers(group, pushed);
            }
        }
        if (run.onLeave == LeavePolicy.DEACTIVATE) {
            leavers.forEach(this::deactivateLeaver);
        }
    }

    /** A reconcile acting on a partial view could delete what it did not see: any failure to read ends it. */
    private void readIdentityCenter() {
        try {
            for (ScimResource user : run.client.listUsers(null)) {
                heldUsers.put(user.id(), user);
                String userName = user.text("userName");
                if (userName != null) {
                    heldUsersByName.put(userName.toLowerCase(Locale.ROOT), user);
                }
            }
            for (ScimResource group : run.client.listGroups(null)) {
                heldGroups.put(group.id(), group);
                String name = group.text("displayName");
                if (name != null) {
                    heldGroupsByName.put(name.toLowerCase(Locale.ROOT), group);
                }
            }
        } catch (ScimException e) {
            throw new ScimUnavailableException(e);
        }
    }

    private void deleteUnchosenGroups(List<SourceGroup> chosen, Map<String, PushedGroup> pushedGroups) {
        Set<String> chosenIds = new HashSet<>();
        chosen.forEach(group -> chosenIds.add(group.id()));
        for (PushedGroup group : pushedGroups.values()) {
            if (chosenIds.contains(group.keycloakId())) {
                continue;
            }
            if (heldGroups.containsKey(group.scimId())) {
                if (run.deleteGroup(group)) {
                    forgetHeldGroup(group.scimId());
                }
            } else {
                ledger.forgetGroups(List.of(group.keycloakId()));
            }
            groupOwner.remove(group.scimId());
        }
    }

    private void pushGroup(SourceGroup group, PushedGroup pushed) {
        Optional<ScimGroupDocument> document = run.document(group);
        if (document.isEmpty()) {
            return;
        }
        ScimResource held = pushed == null ? null : heldGroups.get(pushed.scimId());
        Optional<PushedGroup> now;
        if (held != null) {
            if (Drift.groupDiffers(held.document(), document.get())) {
                now = run.renameGroup(pushed, document.get());
            } else {
                now = Optional.of(recordGroupFingerprint(pushed, document.get()));
                run.mark(PushFailure.GROUP, group.id(), PushRun.Outcome.UNCHANGED);
            }
        } else {
            if (pushed != null) {
                // Deleted in Identity Center: created again below, its memberships from scratch.
                ledger.forgetGroups(List.of(group.id()));
                groupOwner.remove(pushed.scimId());
            }
            ScimResource sameName = heldGroupsByName.get(document.get().displayName().toLowerCase(Locale.ROOT));
            if (sameName != null) {
                now = run.adoptGroup(group, document.get(), sameName, groupOwner.get(sameName.id()));
            } else {
                now = run.createGroup(group, document.get());
                now.ifPresent(created -> freshGroups.add(group.id()));
            }
        }
        now.ifPresent(g -> {
            groupOwner.put(g.scimId(), g.keycloakId());
            groupsNow.put(group.id(), g);
        });
    }

    private PushedGroup recordGroupFingerprint(PushedGroup pushed, ScimGroupDocument document) {
        String fingerprint = ScimPush.fingerprint(document);
        if (fingerprint.equals(pushed.fingerprint())) {
            return pushed;
        }
        PushedGroup saved = new PushedGroup(pushed.keycloakId(), pushed.scimId(), fingerprint);
        ledger.saveGroups(List.of(saved));
        return saved;
    }

    private void deleteLeaver(PushedUser user) {
        if (heldUsers.containsKey(user.scimId())) {
            run.leave(user);
            if (ledger.user(user.keycloakId()).isEmpty()) {
                forgetHeldUser(user.scimId());
            }
        } else {
            ledger.forgetUsers(List.of(user.keycloakId()));
        }
        if (ledger.user(user.keycloakId()).isEmpty()) {
            userOwner.remove(user.scimId());
            scimIdOf.remove(user.keycloakId());
        }
    }

    private void pushUser(KeycloakUser user, PushedUser pushed) {
        Optional<ScimUserDocument> document = run.document(user);
        if (document.isEmpty()) {
            return;
        }
        ScimResource held = pushed == null ? null : heldUsers.get(pushed.scimId());
        Optional<PushedUser> now;
        if (held != null) {
            if (Drift.userDiffers(held.document(), document.get())) {
                now = run.putUser(pushed, document.get());
            } else {
                now = Optional.of(recordUserFingerprint(pushed, document.get()));
                run.mark(PushFailure.USER, user.id(), PushRun.Outcome.UNCHANGED);
            }
        } else {
            if (pushed != null) {
                // Deleted in Identity Center: created again, memberships from scratch.
                ledger.forgetUsers(List.of(user.id()));
                userOwner.remove(pushed.scimId());
            }
            ScimResource sameName = heldUsersByName.get(document.get().userName().toLowerCase(Locale.ROOT));
            if (sameName != null) {
                String owner = userOwner.get(sameName.id());
                now = run.adoptUser(user, document.get(), sameName, owner);
                if (now.isPresent() && owner != null && !owner.equals(user.id())) {
                    scimIdOf.remove(owner);
                }
            } else {
                now = run.createUser(user, document.get());
            }
        }
        now.ifPresent(u -> {
            userOwner.put(u.scimId(), u.keycloakId());
            scimIdOf.put(u.keycloakId(), u.scimId());
            usersNow.add(u.keycloakId());
        });
    }

    private PushedUser recordUserFingerprint(PushedUser pushed, ScimUserDocument document) {
        String fingerprint = ScimPush.fingerprint(document);
        if (fingerprint.equals(pushed.fingerprint()) && !pushed.left()) {
            return pushed;
        }
        PushedUser saved = new PushedUser(pushed.keycloakId(), pushed.scimId(), fingerprint, false);
        ledger.saveUsers(List.of(saved));
        return saved;
    }

    private void syncMembers(SourceGroup group, PushedGroup pushed) {
        Set<String> wanted = new LinkedHashSet<>(run.source.memberIds(group.id()));
        wanted.retainAll(usersNow);
        Set<String> had = ledger.members(group.id());
        if (checkMembers && !freshGroups.contains(group.id())) {
            Set<String> actual = membersHeld(pushed);
            if (actual != null) {
                // Bring the ledger to what Identity Center holds (no write), then diff against that.
                Set<String> stale = new LinkedHashSet<>(had);
                stale.removeAll(actual);
                Set<String> unrecorded = new LinkedHashSet<>(actual);
                unrecorded.removeAll(had);
                if (!stale.isEmpty()) {
                    ledger.removeMembers(group.id(), stale);
                }
                if (!unrecorded.isEmpty()) {
                    ledger.addMembers(group.id(), unrecorded);
                }
                had = actual;
            }
        }
        Map<String, String> add = new LinkedHashMap<>();
        for (String userId : wanted) {
            if (!had.contains(userId)) {
                add.put(userId, scimIdOf.get(userId));
            }
        }
        Map<String, String> remove = new LinkedHashMap<>();
        for (String userId : had) {
            if (!wanted.contains(userId)) {
                String scimId = scimIdOf.get(userId);
                if (scimId == null) {
                    ledger.removeMembers(group.id(), List.of(userId));
                } else if (!run.failed(PushFailure.USER, userId)) {
                    // A user whose update failed stays a member until it goes through.
                    remove.put(userId, scimId);
                }
            }
        }
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        if (!run.changeMembers(pushed, group.displayName(), add, remove)) {
            // Deleted in Identity Center during the run: the next reconcile creates it again.
            ledger.forgetGroups(List.of(group.id()));
        }
    }

    /**
     * The owned members Identity Center holds for the group (ListUsers {@code groups.value eq},
     * paged), or null when it refuses that filter (the check is then skipped for the run).
     */
    private Set<String> membersHeld(PushedGroup group) {
        List<ScimResource> members;
        try {
            members = run.client.listUsers(ScimFilter.eq("groups.value", group.scimId()));
        } catch (ScimException e) {
            if (e.transientFailure() || e.tokenRefused()) {
                throw new ScimUnavailableException(e);
            }
            checkMembers = e.status() != 400;
            return null;
        }
        Set<String> owned = new LinkedHashSet<>();
        for (ScimResource member : members) {
            String keycloakId = userOwner.get(member.id());
            if (keycloakId != null) {
                owned.add(keycloakId);
            }
        }
        return owned;
    }

    private void deactivateLeaver(PushedUser leaver) {
        Optional<PushedUser> current = ledger.user(leaver.keycloakId());
        if (current.isEmpty()) {
            return; // adopted by another Keycloak user in this run, or forgotten
        }
        PushedUser user = current.get();
        ScimResource held = heldUsers.get(user.scimId());
        if (held == null) {
            ledger.forgetUsers(List.of(user.keycloakId()));
            return;
        }
        if (user.left()) {
            if (Drift.inactive(held.document())) {
                return;
            }
            // Made active again in Identity Center: deactivate once more.
            user = new PushedUser(user.keycloakId(), user.scimId(), user.fingerprint(), false);
        }
        run.leave(user);
    }

    private void forgetHeldUser(String scimId) {
        ScimResource held = heldUsers.remove(scimId);
        if (held != null && held.text("userName") != null) {
            heldUsersByName.remove(held.text("userName").toLowerCase(Locale.ROOT));
        }
    }

    private void forgetHeldGroup(String scimId) {
        ScimResource held = heldGroups.remove(scimId);
        if (held != null && held.text("displayName") != null) {
            heldGroupsByName.remove(held.text("displayName").toLowerCase(Locale.ROOT));
        }
    }
}
