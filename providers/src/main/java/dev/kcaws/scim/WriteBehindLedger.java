package dev.kcaws.scim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A {@link PushLedger} for a long run (a full reconcile: thousands of requests, minutes at AWS's
 * latency) that must not hold one database transaction open: it is read once from the durable
 * ledger into memory, answers every read from that view (its own writes included), and journals
 * the writes, handing them to a {@link Flush} — on Keycloak a short transaction of its own — every
 * {@code flushWrites} writes or {@code flushInterval}, whichever comes first, and when the caller
 * {@link #flush()}es at the end.
 *
 * <p>A run cut short (a node killed, the database gone) loses at most the writes not flushed yet:
 * requests Identity Center accepted but the durable ledger does not know of. The next reconcile
 * finds those users and groups in Identity Center by {@code userName} / {@code displayName} and
 * adopts them, and reads each group's members there, so nothing is created twice.
 *
 * <p>The durable ledger must not be written by anyone else while this one is in use (on Keycloak
 * the realm's lease keeps other pushers out). Not thread-safe: one run, one thread.
 */
public final class WriteBehindLedger implements PushLedger {

    /**
     * Applies journaled writes to the durable ledger. Called with the writes in the order they
     * were made (possibly none, when only the interval passed: the caller may renew what it holds).
     * Throwing keeps the writes journaled and ends the run.
     */
    @FunctionalInterface
    public interface Flush {
        void flush(Consumer<PushLedger> writes);
    }

    private final InMemoryPushLedger view = new InMemoryPushLedger();
    private final List<Consumer<PushLedger>> journal = new ArrayList<>();
    private final Flush flush;
    private final int flushWrites;
    private final long flushIntervalNanos;
    private final LongSupplier nanoClock;
    private int pendingWrites;
    private long lastFlush;
    private int flushes;
    private long flushedWrites;

    private WriteBehindLedger(Flush flush, int flushWrites, Duration flushInterval, LongSupplier nanoClock) {
        if (flushWrites < 1) {
            throw new IllegalArgumentException("flushWrites must be at least 1");
        }
        this.flush = Objects.requireNonNull(flush, "flush");
        this.flushWrites = flushWrites;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.lastFlush = nanoClock.getAsLong();
    }

    /**
     * A write-behind ledger starting from what {@code durable} holds now (read here, once: call
     * within the transaction that reads it), flushing through {@code flush}.
     */
    public static WriteBehindLedger over(PushLedger durable, Flush flush, int flushWrites, Duration flushInterval, LongSupplier nanoClock) {
        WriteBehindLedger ledger = new WriteBehindLedger(flush, flushWrites, flushInterval, nanoClock);
        ledger.view.saveUsers(durable.users());
        List<PushedGroup> groups = durable.groups();
        ledger.view.saveGroups(groups);
        for (PushedGroup group : groups) {
            Set<String> members = durable.members(group.keycloakId());
            if (!members.isEmpty()) {
                ledger.view.addMembers(group.keycloakId(), members);
            }
        }
        return ledger;
    }

    /** As {@link #over(PushLedger, Flush, int, Duration, LongSupplier)} on {@link System#nanoTime()}. */
    public static WriteBehindLedger over(PushLedger durable, Flush flush, int flushWrites, Duration flushInterval) {
        return over(durable, flush, flushWrites, flushInterval, System::nanoTime);
    }

    /** Hands every journaled write to the {@link Flush} now (none: it is called all the same). */
    public void flush() {
        List<Consumer<PushLedger>> writes = List.copyOf(journal);
        flush.flush(durable -> writes.forEach(write -> write.accept(durable)));
        journal.clear();
        flushedWrites += pendingWrites;
        pendingWrites = 0;
        flushes++;
        lastFlush = nanoClock.getAsLong();
    }

    /** Writes made since the last flush (lost if the run dies now). */
    public int pendingWrites() {
        return pendingWrites;
    }

    /** Flushes done so far. */
    public int flushes() {
        return flushes;
    }

    /** Writes handed to the durable ledger so far. */
    public long flushedWrites() {
        return flushedWrites;
    }

    // ---- reads: from the view, after a flush if the interval passed ----

    @Override
    public Optional<PushedUser> user(String keycloakUserId) {
        flushIfDue();
        return view.user(keycloakUserId);
    }

    @Override
    public List<PushedUser> users() {
        flushIfDue();
        return view.users();
    }

    @Override
    public Optional<PushedGroup> group(String keycloakGroupId) {
        flushIfDue();
        return view.group(keycloakGroupId);
    }

    @Override
    public List<PushedGroup> groups() {
        flushIfDue();
        return view.groups();
    }

    @Override
    public Set<String> members(String keycloakGroupId) {
        flushIfDue();
        return view.members(keycloakGroupId);
    }

    @Override
    public Set<String> groupsOf(String keycloakUserId) {
        flushIfDue();
        return view.groupsOf(keycloakUserId);
    }

    // ---- writes: to the view at once, to the durable ledger at the next flush ----

    @Override
    public void saveUsers(Collection<PushedUser> users) {
        List<PushedUser> copy = List.copyOf(users);
        view.saveUsers(copy);
        write(durable -> durable.saveUsers(copy));
    }

    @Override
    public void forgetUsers(Collection<String> keycloakUserIds) {
        List<String> copy = List.copyOf(keycloakUserIds);
        view.forgetUsers(copy);
        write(durable -> durable.forgetUsers(copy));
    }

    @Override
    public void saveGroups(Collection<PushedGroup> groups) {
        List<PushedGroup> copy = List.copyOf(groups);
        view.saveGroups(copy);
        write(durable -> durable.saveGroups(copy));
    }

    @Override
    public void forgetGroups(Collection<String> keycloakGroupIds) {
        List<String> copy = List.copyOf(keycloakGroupIds);
        view.forgetGroups(copy);
        write(durable -> durable.forgetGroups(copy));
    }

    @Override
    public void addMembers(String keycloakGroupId, Collection<String> keycloakUserIds) {
        List<String> copy = List.copyOf(keycloakUserIds);
        view.addMembers(keycloakGroupId, copy);
        write(durable -> durable.addMembers(keycloakGroupId, copy));
    }

    @Override
    public void removeMembers(String keycloakGroupId, Collection<String> keycloakUserIds) {
        List<String> copy = List.copyOf(keycloakUserIds);
        view.removeMembers(keycloakGroupId, copy);
        write(durable -> durable.removeMembers(keycloakGroupId, copy));
    }

    private void write(Consumer<PushLedger> write) {
        journal.add(write);
        pendingWrites++;
        if (pendingWrites >= flushWrites) {
            flush();
        } else {
            flushIfDue();
        }
    }

    private void flushIfDue() {
        if (nanoClock.getAsLong() - lastFlush >= flushIntervalNanos) {
            flush();
        }
    }
}
