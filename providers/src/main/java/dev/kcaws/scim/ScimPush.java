package dev.kcaws.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Pushes Keycloak's users and groups to Identity Center over a {@link ScimClient}, recording what
 * it sent in a {@link PushLedger}. Not yet implemented: this is the contract's skeleton.
 */
public final class ScimPush {
    private final ScimClient client;
    private final UserNameSource names;
    private final LeavePolicy onLeave;

    public ScimPush(ScimClient client, UserNameSource names, LeavePolicy onLeave) {
        this.client = Objects.requireNonNull(client, "client");
        this.names = Objects.requireNonNull(names, "names");
        this.onLeave = Objects.requireNonNull(onLeave, "onLeave");
    }

    /**
     * Full repair both ways: creates what is missing, updates what differs, applies the
     * {@link LeavePolicy} to users who left the scope, deletes groups no longer chosen, adopts
     * users and groups that already exist with the same {@code userName} / {@code displayName}.
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     */
    public PushResult reconcile(PushSource source, PushLedger ledger) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Pushes one user's change: created, updated, disabled, deleted or left the scope.
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     */
    public PushResult pushUser(String keycloakUserId, PushSource source, PushLedger ledger) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Pushes one group's change: created, renamed, deleted or no longer chosen, and its
     * membership as a diff against the ledger.
     *
     * @throws ScimUnavailableException Identity Center unreachable, throttling or refusing the token
     */
    public PushResult pushGroup(String keycloakGroupId, PushSource source, PushLedger ledger) {
        throw new UnsupportedOperationException("not yet implemented");
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
