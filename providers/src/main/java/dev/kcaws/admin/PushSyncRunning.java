package dev.kcaws.admin;

/** The answer of {@code POST push/sync} (202) when the reconcile still runs: its run shows as {@code lastReconcile} when done. */
public record PushSyncRunning(boolean running) {
}
