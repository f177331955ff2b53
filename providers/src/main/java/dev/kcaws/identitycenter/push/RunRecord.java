package dev.kcaws.identitycenter.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * The last run of one kind (PUSH: a delivery of outbox changes; RECONCILE: a full reconcile) of a
 * realm, for the status endpoint; the failures are kept as JSON.
 */
@Entity(name = "KcawsScimRun")
@Table(name = "KCAWS_SCIM_RUN")
@IdClass(RunRecord.Key.class)
public class RunRecord {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Id
    @Column(name = "KIND", length = 16)
    private String kind;

    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    @Column(name = "FINISHED_AT", nullable = false)
    private long finishedAt;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "CREATED", nullable = false)
    private int created;

    @Column(name = "UPDATED", nullable = false)
    private int updated;

    @Column(name = "DEACTIVATED", nullable = false)
    private int deactivated;

    @Column(name = "DELETED", nullable = false)
    private int deleted;

    @Column(name = "UNCHANGED", nullable = false)
    private int unchanged;

    @Column(name = "REQUESTS", nullable = false)
    private int requests;

    @Column(name = "FAILURES", length = 25500)
    private String failures;

    @Column(name = "ERROR", length = 2000)
    private String error;

    public RunRecord() {
    }

    public RunRecord(String realmId, String kind) {
        this.realmId = realmId;
        this.kind = kind;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getKind() {
        return kind;
    }

    public long getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(long startedAt) {
        this.startedAt = startedAt;
    }

    public long getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(long finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public int getCreated() {
        return created;
    }

    public void setCreated(int created) {
        this.created = created;
    }

    public int getUpdated() {
        return updated;
    }

    public void setUpdated(int updated) {
        this.updated = updated;
    }

    public int getDeactivated() {
        return deactivated;
    }

    public void setDeactivated(int deactivated) {
        this.deactivated = deactivated;
    }

    public int getDeleted() {
        return deleted;
    }

    public void setDeleted(int deleted) {
        this.deleted = deleted;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public void setUnchanged(int unchanged) {
        this.unchanged = unchanged;
    }

    public int getRequests() {
        return requests;
    }

    public void setRequests(int requests) {
        this.requests = requests;
    }

    public String getFailures() {
        return failures;
    }

    public void setFailures(String failures) {
        this.failures = failures;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    /** The primary key: realm and kind. */
    public static class Key implements Serializable {
        private String realmId;
        private String kind;

        public Key() {
        }

        public Key(String realmId, String kind) {
            this.realmId = realmId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, kind);
        }
    }
}
