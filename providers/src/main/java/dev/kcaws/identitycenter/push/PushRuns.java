package dev.kcaws.identitycenter.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.scim.PushFailure;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The last run of each kind per realm ({@link RunRecord}), written by the pushers, read by the status endpoint. */
final class PushRuns {

    /** A delivery of outbox changes. */
    static final String PUSH = "PUSH";
    /** A full reconcile (scheduled, sync now, or asked for by a realm import). */
    static final String RECONCILE = "RECONCILE";
    /** Not a run: the realm's user-storage syncs the last reconcile read the realm after ({@link UserStorageSyncs#mark}), in STARTED_AT. */
    static final String SYNCS_SEEN = "SYNCS_SEEN";

    private static final Logger LOG = Logger.getLogger(PushRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FAILURES_LENGTH = 25500;
    private static final int ERROR_LENGTH = 2000;

    private final EntityManager em;
    private final String realmId;

    PushRuns(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    void record(String kind, long startedAt, PushRun run) {
        RunRecord row = em.find(RunRecord.class, new RunRecord.Key(realmId, kind));
        boolean fresh = row == null;
        if (fresh) {
            row = new RunRecord(realmId, kind);
        }
        row.setStartedAt(startedAt);
        row.setFinishedAt(Instant.parse(run.finishedAt()).toEpochMilli());
        row.setOutcome(run.outcome());
        row.setCreated(run.created());
        row.setUpdated(run.updated());
        row.setDeactivated(run.deactivated());
        row.setDeleted(run.deleted());
        row.setUnchanged(run.unchanged());
        row.setRequests(run.requests());
        row.setFailures(failuresJson(run.failures()));
        row.setError(run.error() == null || run.error().length() <= ERROR_LENGTH ? run.error() : run.error().substring(0, ERROR_LENGTH - 1) + "…");
        if (fresh) {
            em.persist(row);
        }
        em.flush();
    }

    Optional<PushRun> last(String kind) {
        return em.createQuery("select r from KcawsScimRun r where r.realmId = :realm and r.kind = :kind", RunRecord.class)
                .setParameter("realm", realmId).setParameter("kind", kind).getResultStream().findFirst()
                .map(r -> new PushRun(Instant.ofEpochMilli(r.getStartedAt()).toString(), Instant.ofEpochMilli(r.getFinishedAt()).toString(),
                        r.getOutcome(), r.getCreated(), r.getUpdated(), r.getDeactivated(), r.getDeleted(), r.getUnchanged(),
                        r.getRequests(), failures(r.getFailures()), r.getError()));
    }

    /** When the last reconcile started, 0 if none ran. */
    long lastReconcileStart() {
        return em.createQuery("select r.startedAt from KcawsScimRun r where r.realmId = :realm and r.kind = :kind", Long.class)
                .setParameter("realm", realmId).setParameter("kind", RECONCILE).getResultStream().findFirst().orElse(0L);
    }

    /** The user-storage sync mark the last reconcile saw, 0 if none was recorded. */
    long syncsSeen() {
        return em.createQuery("select r.startedAt from KcawsScimRun r where r.realmId = :realm and r.kind = :kind", Long.class)
                .setParameter("realm", realmId).setParameter("kind", SYNCS_SEEN).getResultStream().findFirst().orElse(0L);
    }

    /** Records the sync mark a reconcile reads the realm after (called under the realm's lease: one writer). */
    void syncsSeen(long mark) {
        RunRecord row = em.find(RunRecord.class, new RunRecord.Key(realmId, SYNCS_SEEN));
        if (row == null) {
            row = new RunRecord(realmId, SYNCS_SEEN);
            row.setOutcome("MARK");
            row.setStartedAt(mark);
            em.persist(row);
        } else {
            row.setStartedAt(mark);
        }
    }

    /** As many failures as the column holds, in order (a run with thousands of them keeps the first). */
    private static String failuresJson(List<PushFailure> failures) {
        List<PushFailure> kept = new ArrayList<>(failures);
        try {
            String json = JSON.writeValueAsString(kept);
            while (json.length() > FAILURES_LENGTH && !kept.isEmpty()) {
                kept = kept.subList(0, kept.size() / 2);
                json = JSON.writeValueAsString(kept);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PushFailure> failures(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<PushFailure>>() { });
        } catch (JsonProcessingException e) {
            LOG.warn("unreadable failures of an Identity Center push run", e);
            return List.of();
        }
    }
}
