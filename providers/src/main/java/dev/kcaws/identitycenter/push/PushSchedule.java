package dev.kcaws.identitycenter.push;

import dev.kcaws.identitycenter.IdentityCenterSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.time.Duration;
import java.util.List;

/**
 * This node's push timer: how often it ticks, and the interval of the scheduled reconcile. Both
 * come from the server's configuration of the push's provider (the same on every node of a
 * cluster), never from a realm: an admin's interval is still checked against
 * {@code ScimSettingsRules}' range, and without these options production keeps its defaults (a
 * tick every 10 s, each realm's own interval).
 *
 * <ul>
 *   <li>{@code --spi-events-listener--kcaws-identity-center-push--timer-seconds=N}: the tick;</li>
 *   <li>{@code --spi-events-listener--kcaws-identity-center-push--scheduled-reconcile-seconds=N}:
 *       every realm whose push has a scheduled reconcile (interval not 0) reconciles every N
 *       seconds instead. For tests and demonstrations: a full reconcile lists every user and group,
 *       and AWS throttles a tenant that lists too often.</li>
 * </ul>
 */
final class PushSchedule {

    static final String TIMER_SECONDS = "timer-seconds";
    static final String SCHEDULED_RECONCILE_SECONDS = "scheduled-reconcile-seconds";
    static final Duration DEFAULT_TICK = Duration.ofSeconds(10);

    // Server configuration, read once at start-up (the provider factory's init): the same on every node.
    private static volatile Duration tick = DEFAULT_TICK;
    private static volatile Duration reconcileOverride;

    private PushSchedule() {
    }

    /** Reads the options; a value that is not a positive whole number stops the server's start, naming the option. */
    static void configure(Config.Scope config) {
        Duration configuredTick = seconds(config, TIMER_SECONDS);
        tick = configuredTick == null ? DEFAULT_TICK : configuredTick;
        reconcileOverride = seconds(config, SCHEDULED_RECONCILE_SECONDS);
    }

    static Duration tick() {
        return tick;
    }

    /** How long after the last reconcile started the realm's next scheduled one is due; 0 or less: none is scheduled. */
    static Duration reconcileInterval(IdentityCenterSettings settings) {
        return reconcileInterval(settings.reconcileInterval());
    }

    /** {@code own}, the realm's interval (0: on demand only), or the configured override of a scheduled one. */
    static Duration reconcileInterval(Duration own) {
        Duration override = reconcileOverride;
        return override == null || own.isZero() || own.isNegative() ? own : override;
    }

    /** Whether the realm's scheduled reconcile is due: it has one, and its interval has passed since the last one started. */
    static boolean reconcileDue(IdentityCenterSettings settings, long lastReconcileStart, long now) {
        Duration interval = reconcileInterval(settings);
        return !interval.isZero() && !interval.isNegative() && lastReconcileStart + interval.toMillis() <= now;
    }

    static List<ProviderConfigProperty> configMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(TIMER_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds between two ticks of the IAM Identity Center push timer (default 10)").add()
                .property().name(SCHEDULED_RECONCILE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("For tests: seconds between scheduled reconciles of every realm whose push has a scheduled reconcile,"
                        + " instead of the realm's interval in minutes").add()
                .build();
    }

    private static Duration seconds(Config.Scope config, String option) {
        String value = config.get(option);
        if (value == null || value.isBlank()) {
            return null;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--spi-events-listener--" + PushEventListenerProviderFactory.PROVIDER_ID + "--" + option
                    + " must be a whole number of seconds, at least 1");
        }
        return Duration.ofSeconds(seconds);
    }
}
