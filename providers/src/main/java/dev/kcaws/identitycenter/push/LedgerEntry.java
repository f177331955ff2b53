package dev.kcaws.identitycenter.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** What was pushed of one user or group: its Identity Center ID and a fingerprint of the last document sent. */
@Entity(name = "KcawsScimLedger")
@Table(name = "KCAWS_SCIM_LEDGER")
@IdClass(LedgerEntry.Key.class)
public class LedgerEntry {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Id
    @Column(name = "KIND", length = 16)
    private String kind;

    @Id
    @Column(name = "KEYCLOAK_ID", length = 255)
    private String keycloakId;

    @Column(name = "SCIM_ID", length = 255, nullable = false)
    private String scimId;

    @Column(name = "FINGERPRINT", length = 255)
    private String fingerprint;

    /** A user who left the scope and was deactivated in Identity Center (still pushed, so still ours). */
    @Column(name = "LEFT_SCOPE", nullable = false)
    private boolean leftScope;

    public LedgerEntry() {
    }

    public LedgerEntry(String realmId, String kind, String keycloakId, String scimId, String fingerprint, boolean leftScope) {
        this.realmId = realmId;
        this.kind = kind;
        this.keycloakId = keycloakId;
        this.scimId = scimId;
        this.fingerprint = fingerprint;
        this.leftScope = leftScope;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getKind() {
        return kind;
    }

    public String getKeycloakId() {
        return keycloakId;
    }

    public String getScimId() {
        return scimId;
    }

    public void setScimId(String scimId) {
        this.scimId = scimId;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public boolean isLeftScope() {
        return leftScope;
    }

    public void setLeftScope(boolean leftScope) {
        this.leftScope = leftScope;
    }

    /** The primary key: realm, kind (USER or GROUP), Keycloak ID. */
    public static class Key implements Serializable {
        private String realmId;
        private String kind;
        private String keycloakId;

        public Key() {
        }

        public Key(String realmId, String kind, String keycloakId) {
            this.realmId = realmId;
            this.kind = kind;
            this.keycloakId = keycloakId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(kind, k.kind) && Objects.equals(keycloakId, k.keycloakId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, kind, keycloakId);
        }
    }
}
