package dev.kcaws.aws;

/** A console session length AWS accepts: 900..43200 seconds. */
public record SessionDuration(int seconds) implements Comparable<SessionDuration> {

    public static final SessionDuration ONE_HOUR = new SessionDuration(3600);

    public SessionDuration {
        if (seconds < AwsLimits.MIN_SESSION_SECONDS || seconds > AwsLimits.MAX_SESSION_SECONDS) {
            throw new AwsRuleViolation("permissionSet.sessionDuration", AwsRule.SESSION_DURATION_RANGE, seconds);
        }
    }

    public static SessionDuration parse(String text) {
        try {
            return new SessionDuration(Integer.parseInt(text.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new AwsRuleViolation("permissionSet.sessionDuration", AwsRule.SESSION_DURATION_NUMBER, Shown.value(text));
        }
    }

    /**
     * This duration, shortened so a session started at {@code nowMillis} ends by {@code end} (the
     * end of the access it is for; null: none): {@code min(this, max(900, seconds until end))}.
     * AWS takes nothing under 900 seconds, so an access ending sooner gets 900: it outlives the
     * access by less than 15 minutes, where the full duration could be 12 hours.
     */
    public SessionDuration endingBy(java.time.Instant end, long nowMillis) {
        if (end == null) {
            return this;
        }
        long until = Math.floorDiv(end.toEpochMilli() - nowMillis, 1000L);
        long capped = Math.min(seconds, Math.max(AwsLimits.MIN_SESSION_SECONDS, until));
        return capped == seconds ? this : new SessionDuration((int) capped);
    }

    @Override
    public int compareTo(SessionDuration other) {
        return Integer.compare(seconds, other.seconds);
    }
}
