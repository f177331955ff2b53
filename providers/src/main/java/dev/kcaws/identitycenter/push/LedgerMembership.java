package dev.kcaws.identitycenter.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One membership Identity Center holds because it was pushed: a group and a user, by their Keycloak IDs. */
@Entity(name = "KcawsScimLedgerMember")
@Table(name = "KCAWS_SCIM_LEDGER_MEMBER")
@IdClass(LedgerMembership.Key.class)
public class LedgerMembership {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Id
    @Column(name = "GROUP_ID", length = 255)
    private String groupId;

    @Id
    @Column(name = "USER_ID", length = 255)
    private String userId;

    public LedgerMembership() {
    }

    public LedgerMembership(String realmId, String groupId, String userId) {
        this.realmId = realmId;
        this.groupId = groupId;
        this.userId = userId;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getUserId() {
        return userId;
    }

    /** The primary key: every column. */
    public static class Key implements Serializable {
        private String realmId;
        private String groupId;
        private String userId;

        public Key() {
        }

        public Key(String realmId, String groupId, String userId) {
            this.realmId = realmId;
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(groupId, k.groupId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, groupId, userId);
        }
    }
}
