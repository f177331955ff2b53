package dev.kcaws.identitycenter.push;

import java.time.Duration;

/**
 * How long a change waits after a failed attempt while Identity Center is unreachable, throttling
 * or refusing the token: 5 s, doubled per attempt, at most 5 minutes. Never given up: the change
 * stays in the outbox until it is delivered.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1 = the first). */
    static Duration after(int attempts) {
        if (attempts <= 1) {
            return FIRST;
        }
        int doublings = Math.min(attempts - 1, 20);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
