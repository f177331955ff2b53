package dev.kcaws.identitycenter.push;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The push timer's server options: production keeps its defaults; the test override shortens only scheduled reconciles. */
class PushScheduleTest {

    private static final String PREFIX = "kcaws.test.push-schedule.";

    @AfterEach
    void clear() {
        System.clearProperty(PREFIX + PushSchedule.TIMER_SECONDS);
        System.clearProperty(PREFIX + PushSchedule.SCHEDULED_RECONCILE_SECONDS);
        PushSchedule.configure(scope());
    }

    private static Config.Scope scope() {
        return new Config.SystemPropertiesScope(PREFIX);
    }

    @Test
    void withoutOptionsTheTickIsTenSecondsAndEachRealmKeepsItsInterval() {
        PushSchedule.configure(scope());
        assertThat(PushSchedule.tick()).isEqualTo(Duration.ofSeconds(10));
        assertThat(PushSchedule.reconcileInterval(Duration.ofMinutes(60))).isEqualTo(Duration.ofMinutes(60));
        assertThat(PushSchedule.reconcileInterval(Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theOverrideReplacesAScheduledIntervalButNeverSchedulesAnOnDemandRealm() {
        System.setProperty(PREFIX + PushSchedule.TIMER_SECONDS, "2");
        System.setProperty(PREFIX + PushSchedule.SCHEDULED_RECONCILE_SECONDS, "20");
        PushSchedule.configure(scope());
        assertThat(PushSchedule.tick()).isEqualTo(Duration.ofSeconds(2));
        assertThat(PushSchedule.reconcileInterval(Duration.ofMinutes(60))).isEqualTo(Duration.ofSeconds(20));
        assertThat(PushSchedule.reconcileInterval(Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(20));
        assertThat(PushSchedule.reconcileInterval(Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aValueThatIsNotAPositiveWholeNumberStopsTheStartNamingTheOption() {
        for (String bad : new String[] {"0", "-5", "ten", "1.5"}) {
            System.setProperty(PREFIX + PushSchedule.SCHEDULED_RECONCILE_SECONDS, bad);
            assertThatThrownBy(() -> PushSchedule.configure(scope())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--spi-events-listener--kcaws-identity-center-push--scheduled-reconcile-seconds");
        }
    }
}
