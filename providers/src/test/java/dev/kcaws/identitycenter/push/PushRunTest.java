package dev.kcaws.identitycenter.push;

import dev.kcaws.scim.PushFailure;
import dev.kcaws.scim.PushResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PushRunTest {

    static final PushResult CLEAN = new PushResult(2, 1, 0, 0, 5, 9, List.of());
    static final PushResult REFUSED = new PushResult(0, 0, 0, 0, 0, 1,
            List.of(new PushFailure(PushFailure.USER, "u1", "bob@example.com", "400 InvalidInput")));

    @Test
    void outcomeIsOkPartialOrFailed() {
        assertThat(PushRun.of(0, 1000, CLEAN, null).outcome()).isEqualTo(PushRun.OK);
        assertThat(PushRun.of(0, 1000, REFUSED, null).outcome()).isEqualTo(PushRun.PARTIAL);
        assertThat(PushRun.of(0, 1000, CLEAN, "503 from Identity Center").outcome()).isEqualTo(PushRun.FAILED);
    }

    @Test
    void timesAreIsoInstantsAndCountsAreTheResults() {
        PushRun run = PushRun.of(1_764_489_600_000L, 1_764_489_601_500L, CLEAN, null);
        assertThat(run.startedAt()).isEqualTo("2025-11-30T08:00:00Z");
        assertThat(run.finishedAt()).isEqualTo("2025-11-30T08:00:01.500Z");
        assertThat(List.of(run.created(), run.updated(), run.deactivated(), run.deleted(), run.unchanged(), run.requests()))
                .containsExactly(2, 1, 0, 0, 5, 9);
        assertThat(run.failures()).isEmpty();
        assertThat(run.error()).isNull();
    }

    @Test
    void theItemsOfOneDeliveryAddUp() {
        PushResult sum = PushRun.plus(CLEAN, REFUSED);
        assertThat(sum.created()).isEqualTo(2);
        assertThat(sum.requests()).isEqualTo(10);
        assertThat(sum.failures()).hasSize(1);
    }
}
