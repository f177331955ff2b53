package dev.kcaws.scim;

import dev.kcaws.scim.PushLedger.PushedGroup;
import dev.kcaws.scim.PushLedger.PushedUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes Keycloak's users and groups to Identity Center over a {@link ScimClient}, recording what
 * it sent in a {@link PushLedger}. Only users and groups in the ledger (created or adopted by the
 * push) are ever changed or deleted in Identity Center.
 *
 * <p>A single change ({@link #pushUser}, {@link #pushGroup}) trusts the ledger and sends only the
 * writes the change needs, no reads. The {@link #reconcile} reads Identity Center whole (users,
 * groups and, unless turned off, each pushed group's members) and repairs drift on either side.
 */
public final class ScimPush {
    private final ScimClient client;
    private final UserNameSource names;
    private final LeavePolicy onLeave;
    private final boolean checkMembers;

    public ScimPush(ScimClient client, UserNameSource names, LeavePolicy onLeave) {
        this(client, names, onLeave, true);
    }

    private ScimPush(ScimClient client, UserNameSource names, LeavePolicy onLeave, boolean checkMembers) {
        this.client = Objects.requireNonNull(client, "client");
        this.names = Objects.requireNonNull(names, "names");
        this.onLeave = Objects.requireNonNull(onLeave, "onLeave");
        this.checkMembers = checkMembers;
    }

    /**
     * Whether the reconcile reads each pushed group's members from Identity Center (ListUsers with
     * {@code groups.value eq}, pages of 50) to repair memberships changed there. On by default; off,
     * memberships are repaired against the ledger only, saving about one read per 50 memberships.
     */
    public ScimPush withMembershipCheck(boolean check) {
        return new ScimPush(client, names, onLeave, check);
    }

    /**
     * Full repair both ways: creates what is missing, updates what differs (from the ledger's
     * fingerprint or from what Identity Center holds), applies the {@link LeavePolicy} to users who
     * left the scope, deletes groups no longer chosen, adopts users and groups that already exist
     * with the same {@code userName} / {@code displayName}. An unchanged realm costs reads only.
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     */
    public PushResult reconcile(PushSource source, PushLedger ledger) {
        PushRun run = new PushRun(client, names, onLeave, source, ledger);
        new Reconcile(run, checkMembers).run();
        return run.result();
    }

    /**
     * Pushes one user's change: created, updated, disabled, deleted or left the scope, and the
     * user's memberships of chosen groups as a diff against the ledger.
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     */
    public PushResult pushUser(String keycloakUserId, PushSource source, PushLedger ledger) {
        PushRun run = new PushRun(client, names, onLeave, source, ledger);
        Optional<KeycloakUser> user = source.user(keycloakUserId);
        Optional<PushedUser> known = ledger.user(keycloakUserId);
        if (user.isEmpty()) {
            known.ifPresent(run::leave);
            return run.result();
        }
        Optional<PushedUser> pushed = run.document(user.get())
                .flatMap(document -> run.upsertUser(user.get(), document, known.orElse(null)));
        if (pushed.isEmpty()) {
            return run.result();
        }
        String scimId = pushed.get().scimId();
        Set<String> wanted = source.groupIdsOf(keycloakUserId);
        Set<String> had = ledger.groupsOf(keycloakUserId);
        for (String groupId : wanted) {
            if (had.contains(groupId)) {
                continue;
            }
            Optional<SourceGroup> group = source.group(groupId);
            Optional<PushedGroup> pushedGroup = ledger.group(groupId);
            if (group.isEmpty()) {
                continue;
            }
            if (pushedGroup.isEmpty()
                    || !run.changeMembers(pushedGroup.get(), group.get().displayName(), Map.of(keycloakUserId, scimId), Map.of())) {
                // Not pushed yet, or gone from Identity Center: the whole group goes, this user with it.
                pushedGroup.ifPresent(g -> ledger.forgetGroups(List.of(g.keycloakId())));
                pushGroup(run, group.get());
            }
        }
        for (String groupId : had) {
            if (wanted.contains(groupId)) {
                continue;
            }
            Optional<PushedGroup> pushedGroup = ledger.group(groupId);
            // A group no longer chosen is deleted by its own push; removing members first would be wasted.
            if (pushedGroup.isPresent() && source.group(groupId).isPresent()) {
                if (!run.changeMembers(pushedGroup.get(), null, Map.of(), Map.of(keycloakUserId, scimId))) {
                    ledger.removeMembers(groupId, List.of(keycloakUserId));
                }
            }
        }
        return run.result();
    }

    /**
     * Pushes one group's change: created, renamed, deleted or no longer chosen, and its
     * membership as a diff against the ledger (members not yet pushed are created first; members
     * who left the scope with it get the {@link LeavePolicy}).
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     */
    public PushResult pushGroup(String keycloakGroupId, PushSource source, PushLedger ledger) {
        PushRun run = new PushRun(client, names, onLeave, source, ledger);
        Optional<SourceGroup> group = source.group(keycloakGroupId);
        if (group.isPresent()) {
            pushGroup(run, group.get());
            return run.result();
        }
        Optional<PushedGroup> known = ledger.group(keycloakGroupId);
        if (known.isPresent()) {
            Set<String> members = ledger.members(keycloakGroupId);
            if (run.deleteGroup(known.get())) {
                for (String member : members) {
                    if (source.user(member).isEmpty()) {
                        ledger.user(member).ifPresent(run::leave);
                    }
                }
            }
        }
        return run.result();
    }

    private void pushGroup(PushRun run, SourceGroup group) {
        Optional<ScimGroupDocument> document = run.document(group);
        if (document.isEmpty()) {
            return;
        }
        Optional<PushedGroup> pushed = ensureGroup(run, group, document.get());
        if (pushed.isPresent() && !syncMembers(run, group, pushed.get())) {
            // Gone from Identity Center while we patched it: create it again, with all its members.
            run.ledger.forgetGroups(List.of(group.id()));
            run.createGroup(group, document.get()).ifPresent(created -> syncMembers(run, group, created));
        }
    }

    private static Optional<PushedGroup> ensureGroup(PushRun run, SourceGroup group, ScimGroupDocument document) {
        Optional<PushedGroup> known = run.ledger.group(group.id());
        if (known.isEmpty()) {
            return run.createGroup(group, document);
        }
        if (known.get().fingerprint().equals(fingerprint(document))) {
            run.mark(PushFailure.GROUP, group.id(), PushRun.Outcome.UNCHANGED);
            return known;
        }
        Optional<PushedGroup> renamed = run.renameGroup(known.get(), document);
        if (renamed.isPresent()) {
            return renamed;
        }
        if (run.failed(PushFailure.GROUP, group.id())) {
            // Refused (the name is taken): the group keeps its old name, its members still follow Keycloak.
            return known;
        }
        run.ledger.forgetGroups(List.of(group.id()));
        return run.createGroup(group, document);
    }

    /** @return false when the group is gone from Identity Center */
    private static boolean syncMembers(PushRun run, SourceGroup group, PushedGroup pushed) {
        Set<String> wanted = run.source.memberIds(group.id());
        Set<String> had = run.ledger.members(group.id());
        Set<String> adds = new LinkedHashSet<>(wanted);
        adds.removeAll(had);
        Set<String> removes = new LinkedHashSet<>(had);
        removes.removeAll(wanted);
        if (adds.isEmpty() && removes.isEmpty()) {
            return true;
        }
        Set<String> changed = new LinkedHashSet<>(adds);
        changed.addAll(removes);
        Map<String, PushedUser> users = run.pushedUsers(changed);

        Map<String, String> add = new LinkedHashMap<>();
        for (String userId : adds) {
            PushedUser user = users.get(userId);
            if (user == null || user.left()) {
                // A member not in Identity Center yet (or deactivated when they left): push the user first.
                PushedUser known = user;
                user = run.source.user(userId)
                        .flatMap(u -> run.document(u).flatMap(d -> run.upsertUser(u, d, known)))
                        .orElse(null);
            }
            if (user != null) {
                add.put(userId, user.scimId());
            }
        }
        Map<String, String> remove = new LinkedHashMap<>();
        List<PushedUser> leavers = new java.util.ArrayList<>();
        for (String userId : removes) {
            PushedUser user = users.get(userId);
            // A user added above may have adopted this one's Identity Center user (same userName, the
            // old Keycloak user gone): that Identity Center user is the new member now, not a leaver.
            if (user != null && add.containsValue(user.scimId())) {
                run.ledger.removeMembers(group.id(), List.of(userId));
                continue;
            }
            if (user == null) {
                run.ledger.removeMembers(group.id(), List.of(userId));
                continue;
            }
            boolean left = run.source.user(userId).isEmpty();
            if (left) {
                leavers.add(user);
            }
            // DeleteUser takes the user out of every group: a PatchGroup first would be wasted.
            if (!(left && run.onLeave == LeavePolicy.DELETE)) {
                remove.put(userId, user.scimId());
            }
        }
        if (!run.changeMembers(pushed, group.displayName(), add, remove)) {
            return false;
        }
        for (PushedUser leaver : leavers) {
            run.leave(leaver);
        }
        return true;
    }

    /** What the ledger keeps of a user document: equal documents, equal fingerprints. */
    public static String fingerprint(ScimUserDocument user) {
        return hash(ScimJson.write(user.toJson()));
    }

    /** What the ledger keeps of a group document. */
    public static String fingerprint(ScimGroupDocument group) {
        return hash(ScimJson.write(group.toJson()));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
