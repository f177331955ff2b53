package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcaws.scim.PushLedger.PushedGroup;
import dev.kcaws.scim.PushLedger.PushedUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The write-behind ledger: reads see its own pending writes, the flush cadence, and the same answers as {@link InMemoryPushLedger}. */
class WriteBehindLedgerTest {
    private final InMemoryPushLedger durable = new InMemoryPushLedger();
    private final AtomicLong nanos = new AtomicLong();
    private final List<Integer> flushedBatches = new ArrayList<>();

    /** Flushes into {@link #durable}, counting the writes of each flush. */
    private WriteBehindLedger over(int flushWrites, Duration interval) {
        return WriteBehindLedger.over(durable, writes -> {
            AtomicInteger count = new AtomicInteger();
            writes.accept(new CountingLedger(durable, count));
            flushedBatches.add(count.get());
        }, flushWrites, interval, nanos::get);
    }

    private static PushedUser user(String id) {
        return new PushedUser(id, "scim-" + id, "fp-" + id, false);
    }

    private static PushedGroup group(String id) {
        return new PushedGroup(id, "scim-" + id, "fp-" + id);
    }

    @Test
    void startsFromWhatTheDurableLedgerHolds() {
        durable.saveUsers(List.of(user("u1"), user("u2")));
        durable.saveGroups(List.of(group("g1")));
        durable.addMembers("g1", List.of("u1", "u2"));

        WriteBehindLedger ledger = over(100, Duration.ofHours(1));

        assertThat(ledger.users()).containsExactlyInAnyOrder(user("u1"), user("u2"));
        assertThat(ledger.groups()).containsExactly(group("g1"));
        assertThat(ledger.members("g1")).containsExactlyInAnyOrder("u1", "u2");
        assertThat(ledger.groupsOf("u2")).containsExactly("g1");
        assertThat(flushedBatches).isEmpty();
    }

    @Test
    void readsSeeThePendingWritesBeforeTheDurableLedgerDoes() {
        durable.saveUsers(List.of(user("u1")));
        durable.saveGroups(List.of(group("g1")));
        durable.addMembers("g1", List.of("u1"));
        WriteBehindLedger ledger = over(100, Duration.ofHours(1));

        ledger.saveUsers(List.of(user("u2")));
        ledger.addMembers("g1", List.of("u2"));
        ledger.saveGroups(List.of(new PushedGroup("g1", "scim-g1", "renamed")));
        ledger.forgetUsers(List.of("u1"));

        assertThat(ledger.user("u2")).contains(user("u2"));
        assertThat(ledger.user("u1")).isEmpty();
        assertThat(ledger.members("g1")).containsExactly("u2");
        assertThat(ledger.group("g1").orElseThrow().fingerprint()).isEqualTo("renamed");
        assertThat(ledger.pendingWrites()).isEqualTo(4);
        // Not in the database yet.
        assertThat(durable.user("u2")).isEmpty();
        assertThat(durable.user("u1")).isPresent();
        assertThat(durable.members("g1")).containsExactly("u1");

        ledger.flush();

        assertThat(flushedBatches).containsExactly(4);
        assertThat(durable.users()).containsExactly(user("u2"));
        assertThat(durable.members("g1")).containsExactly("u2");
        assertThat(durable.group("g1").orElseThrow().fingerprint()).isEqualTo("renamed");
        assertThat(ledger.pendingWrites()).isZero();
    }

    @Test
    void flushesEveryNWrites() {
        WriteBehindLedger ledger = over(3, Duration.ofHours(1));

        ledger.saveUsers(List.of(user("u1")));
        ledger.saveUsers(List.of(user("u2")));
        assertThat(flushedBatches).isEmpty();
        ledger.saveGroups(List.of(group("g1")));
        assertThat(flushedBatches).containsExactly(3);
        assertThat(durable.users()).hasSize(2);

        for (int i = 3; i <= 8; i++) {
            ledger.saveUsers(List.of(user("u" + i)));
        }
        assertThat(flushedBatches).containsExactly(3, 3, 3);
        assertThat(ledger.flushedWrites()).isEqualTo(9);
        assertThat(ledger.pendingWrites()).isZero();
    }

    @Test
    void flushesWhenTheIntervalPassedAtTheNextReadOrWriteEvenWithNothingToWrite() {
        WriteBehindLedger ledger = over(100, Duration.ofSeconds(15));

        ledger.saveUsers(List.of(user("u1")));
        nanos.addAndGet(Duration.ofSeconds(14).toNanos());
        ledger.users();
        assertThat(flushedBatches).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        ledger.user("u1");
        assertThat(flushedBatches).containsExactly(1);
        assertThat(durable.user("u1")).isPresent();

        // Only reads for a while: the flush still comes (the caller renews its lease in it).
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        ledger.groups();
        assertThat(flushedBatches).containsExactly(1, 0);
        assertThat(ledger.flushes()).isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        ledger.addMembers("g1", List.of("u1"));
        assertThat(flushedBatches).containsExactly(1, 0, 1);
    }

    @Test
    void aFailedFlushKeepsItsWritesForTheNext() {
        AtomicInteger calls = new AtomicInteger();
        WriteBehindLedger ledger = WriteBehindLedger.over(durable, writes -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            writes.accept(durable);
        }, 2, Duration.ofHours(1), nanos::get);

        ledger.saveUsers(List.of(user("u1")));
        assertThatThrownBy(() -> ledger.saveUsers(List.of(user("u2")))).hasMessage("database gone");
        assertThat(ledger.pendingWrites()).isEqualTo(2);
        assertThat(ledger.user("u2")).isPresent();

        ledger.flush();

        assertThat(durable.users()).containsExactlyInAnyOrder(user("u1"), user("u2"));
        assertThat(ledger.pendingWrites()).isZero();
    }

    @Test
    void theCallersCollectionsAreCopiedWhenWritten() {
        WriteBehindLedger ledger = over(100, Duration.ofHours(1));
        List<String> members = new ArrayList<>(List.of("u1"));

        ledger.addMembers("g1", members);
        members.add("u2");
        ledger.flush();

        assertThat(durable.members("g1")).containsExactly("u1");
    }

    /**
     * Random writes (forget and remove included: a user's or group's memberships go with it, a
     * removal of what is not there changes nothing) on the write-behind ledger and on an
     * {@link InMemoryPushLedger}: every read answers the same, during the run and from the
     * durable ledger after the last flush.
     */
    @Test
    void answersAsTheInMemoryLedgerDoesForAnySequenceOfWrites() {
        Random random = new Random(20261130);
        InMemoryPushLedger reference = new InMemoryPushLedger();
        for (PushLedger seed : List.of(reference, durable)) {
            seed.saveUsers(List.of(user("u0"), user("u1"), user("u2")));
            seed.saveGroups(List.of(group("g0"), group("g1")));
            seed.addMembers("g0", List.of("u0", "u1"));
            seed.addMembers("g1", List.of("u1", "u2"));
        }
        WriteBehindLedger ledger = over(7, Duration.ofHours(1));

        for (int step = 0; step < 3000; step++) {
            String u = "u" + random.nextInt(8);
            String g = "g" + random.nextInt(4);
            List<String> someUsers = List.of(u, "u" + random.nextInt(8));
            int op = step % 6 == 0 ? random.nextInt(6) : random.nextInt(4); // forgets less often, so the ledger fills up
            for (PushLedger target : List.of(reference, ledger)) {
                switch (op) {
                    case 0 -> target.saveUsers(List.of(new PushedUser(u, "scim-" + u + "-" + (step % 3), "fp" + step % 5, step % 2 == 0)));
                    case 1 -> target.saveGroups(List.of(new PushedGroup(g, "scim-" + g, "fp" + step % 5)));
                    case 2 -> target.addMembers(g, someUsers);
                    case 3 -> target.removeMembers(g, someUsers);
                    case 4 -> target.forgetUsers(someUsers);
                    default -> target.forgetGroups(List.of(g));
                }
            }
            assertSameReads(reference, ledger, "step " + step);
        }
        ledger.flush();
        assertSameReads(reference, durable, "durable ledger after the last flush");
        assertThat(flushedBatches).hasSizeGreaterThan(100);
    }

    private static void assertSameReads(PushLedger expected, PushLedger actual, String when) {
        assertThat(Set.copyOf(actual.users())).as(when + ": users").isEqualTo(Set.copyOf(expected.users()));
        assertThat(Set.copyOf(actual.groups())).as(when + ": groups").isEqualTo(Set.copyOf(expected.groups()));
        for (int i = 0; i < 8; i++) {
            assertThat(actual.user("u" + i)).as(when + ": user u" + i).isEqualTo(expected.user("u" + i));
            assertThat(actual.groupsOf("u" + i)).as(when + ": groupsOf u" + i).isEqualTo(expected.groupsOf("u" + i));
        }
        for (int i = 0; i < 4; i++) {
            assertThat(actual.group("g" + i)).as(when + ": group g" + i).isEqualTo(expected.group("g" + i));
            assertThat(actual.members("g" + i)).as(when + ": members of g" + i).isEqualTo(expected.members("g" + i));
        }
    }

    /** Counts the write calls a flush makes, passing them on. */
    private record CountingLedger(PushLedger target, AtomicInteger count) implements PushLedger {
        @Override public java.util.Optional<PushedUser> user(String id) { return target.user(id); }
        @Override public List<PushedUser> users() { return target.users(); }
        @Override public java.util.Optional<PushedGroup> group(String id) { return target.group(id); }
        @Override public List<PushedGroup> groups() { return target.groups(); }
        @Override public Set<String> members(String groupId) { return target.members(groupId); }
        @Override public Set<String> groupsOf(String userId) { return target.groupsOf(userId); }
        @Override public void saveUsers(java.util.Collection<PushedUser> users) { count.incrementAndGet(); target.saveUsers(users); }
        @Override public void forgetUsers(java.util.Collection<String> ids) { count.incrementAndGet(); target.forgetUsers(ids); }
        @Override public void saveGroups(java.util.Collection<PushedGroup> groups) { count.incrementAndGet(); target.saveGroups(groups); }
        @Override public void forgetGroups(java.util.Collection<String> ids) { count.incrementAndGet(); target.forgetGroups(ids); }
        @Override public void addMembers(String groupId, java.util.Collection<String> ids) { count.incrementAndGet(); target.addMembers(groupId, ids); }
        @Override public void removeMembers(String groupId, java.util.Collection<String> ids) { count.incrementAndGet(); target.removeMembers(groupId, ids); }
    }
}
