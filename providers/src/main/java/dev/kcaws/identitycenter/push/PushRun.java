package dev.kcaws.identitycenter.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kcaws.scim.PushFailure;
import dev.kcaws.scim.PushResult;

import java.time.Instant;
import java.util.List;

/**
 * One run as the admin API shows it ({@code lastPush}, {@code lastReconcile}, the answer of
 * {@code POST push/sync}): times in ISO-8601, OK (nothing failed), PARTIAL (some users or groups
 * refused, listed with Identity Center's message) or FAILED (Identity Center could not be used:
 * {@code error} says why; what was not pushed waits in the outbox or for the next reconcile).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PushRun(String startedAt, String finishedAt, String outcome, int created, int updated, int deactivated,
                      int deleted, int unchanged, int requests, List<PushFailure> failures, String error) {

    public static final String OK = "OK";
    public static final String PARTIAL = "PARTIAL";
    public static final String FAILED = "FAILED";

    public PushRun {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    static PushRun of(long startedAt, long finishedAt, PushResult result, String error) {
        String outcome = error != null ? FAILED : result.failures().isEmpty() ? OK : PARTIAL;
        return new PushRun(Instant.ofEpochMilli(startedAt).toString(), Instant.ofEpochMilli(finishedAt).toString(), outcome,
                result.created(), result.updated(), result.deactivated(), result.deleted(), result.unchanged(), result.requests(),
                result.failures(), error);
    }

    /** Two results of one run (the items of one delivery) as one. */
    static PushResult plus(PushResult a, PushResult b) {
        List<PushFailure> failures = new java.util.ArrayList<>(a.failures());
        failures.addAll(b.failures());
        return new PushResult(a.created() + b.created(), a.updated() + b.updated(), a.deactivated() + b.deactivated(),
                a.deleted() + b.deleted(), a.unchanged() + b.unchanged(), a.requests() + b.requests(), failures);
    }
}
