package dev.kcaws.scim;

import java.util.List;

/**
 * The outcome of one push or reconcile. Counts are of users and groups (a membership change
 * counts its group as updated); {@code requests} is every SCIM request sent, reads included.
 */
public record PushResult(int created, int updated, int deactivated, int deleted, int unchanged, int requests,
                         List<PushFailure> failures) {

    public PushResult {
        failures = List.copyOf(failures);
    }

    public static PushResult empty() {
        return new PushResult(0, 0, 0, 0, 0, 0, List.of());
    }

    /** No failure: everything in scope is in Identity Center as Keycloak holds it. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
