package dev.kcaws.identitycenter.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who in the cluster is pushing to a realm's Identity Center now (a delivery or a reconcile), until
 * when: one row per realm, taken by a conditional UPDATE, so one node at a time pushes a realm and
 * a node that dies mid-push gives the realm back when its lease runs out.
 */
@Entity(name = "KcawsScimLease")
@Table(name = "KCAWS_SCIM_LEASE")
public class RealmLease {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "HOLDER", length = 36)
    private String holder;

    @Column(name = "PURPOSE", length = 16)
    private String purpose;

    @Column(name = "HELD_UNTIL", nullable = false)
    private long heldUntil;

    public RealmLease() {
    }

    public RealmLease(String realmId) {
        this.realmId = realmId;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getHolder() {
        return holder;
    }

    public String getPurpose() {
        return purpose;
    }

    public long getHeldUntil() {
        return heldUntil;
    }
}
