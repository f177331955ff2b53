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

    @Override
    public int compareTo(SessionDuration other) {
        return Integer.compare(seconds, other.seconds);
    }
}
