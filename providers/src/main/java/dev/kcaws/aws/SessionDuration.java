package dev.kcaws.aws;

/** A console session length AWS accepts: 900..43200 seconds. */
public record SessionDuration(int seconds) implements Comparable<SessionDuration> {

    public static final SessionDuration ONE_HOUR = new SessionDuration(3600);

    public SessionDuration {
        if (seconds < AwsLimits.MIN_SESSION_SECONDS || seconds > AwsLimits.MAX_SESSION_SECONDS) {
            throw new AwsRuleViolation("permissionSet.sessionDuration",
                    "must be 900 to 43200 seconds (15 minutes to 12 hours), was " + seconds);
        }
    }

    public static SessionDuration parse(String text) {
        try {
            return new SessionDuration(Integer.parseInt(text.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new AwsRuleViolation("permissionSet.sessionDuration",
                    "must be a whole number of seconds from 900 to 43200 (was " + Shown.value(text) + ")");
        }
    }

    @Override
    public int compareTo(SessionDuration other) {
        return Integer.compare(seconds, other.seconds);
    }
}
