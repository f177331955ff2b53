package dev.kcaws.identitycenter.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change waiting to reach Identity Center: a user, a group or (kind {@code REALM}) the whole
 * realm to reconcile. Written in the transaction of the change itself, deleted in the transaction
 * that records its push; while Identity Center is down the row stays with its attempts and the
 * time of the next one. A row being pushed carries the claim of the node pushing it.
 */
@Entity(name = "KcawsScimOutbox")
@Table(name = "KCAWS_SCIM_OUTBOX")
public class OutboxRow {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "KEYCLOAK_ID", length = 255, nullable = false)
    private String keycloakId;

    @Column(name = "ENQUEUED_AT", nullable = false)
    private long enqueuedAt;

    /** How many changes this row stands for (repeated changes of one item are folded into one row). */
    @Column(name = "CHANGES", nullable = false)
    private int changes;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "CLAIM_TOKEN", length = 36)
    private String claimToken;

    @Column(name = "CLAIMED_UNTIL")
    private Long claimedUntil;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getKeycloakId() {
        return keycloakId;
    }

    public void setKeycloakId(String keycloakId) {
        this.keycloakId = keycloakId;
    }

    public long getEnqueuedAt() {
        return enqueuedAt;
    }

    public void setEnqueuedAt(long enqueuedAt) {
        this.enqueuedAt = enqueuedAt;
    }

    public int getChanges() {
        return changes;
    }

    public void setChanges(int changes) {
        this.changes = changes;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public void setClaimToken(String claimToken) {
        this.claimToken = claimToken;
    }

    public Long getClaimedUntil() {
        return claimedUntil;
    }

    public void setClaimedUntil(Long claimedUntil) {
        this.claimedUntil = claimedUntil;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }
}
