package dev.kcaws.aws;

import java.util.regex.Pattern;

/**
 * What IAM Identity Center accepts of a permission set and a group, where it is stricter than the
 * bundle's model (which is checked by IAM's rules for direct federation). Sources: the Identity
 * Center API reference ({@code PermissionSet}, {@code CreatePermissionSet}) and the Identity Store
 * API reference ({@code Group}). Each check names the permission set or group in its message, so
 * an admin reading a refusal knows what to change in the realm.
 */
public final class IdentityCenterRules {

    /** Identity Center's session duration range: 1 to 12 hours (the model's upper end, {@link AwsLimits#MAX_SESSION_SECONDS}, is the same). */
    public static final int MIN_SESSION_SECONDS = 3600;
    /** The Identity Store's group DisplayName: 1..1024 characters. */
    public static final int MAX_GROUP_DISPLAY_NAME_CHARS = 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+=,.@-]{1,32}");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern RELAY_STATE = Pattern.compile("[a-zA-Z0-9&$@#\\\\/%?=~\\-_'\"|!:,.;*+\\[\\] (){}]+");
    private static final Pattern GROUP_DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00A0]+");

    private IdentityCenterRules() {
    }

    /** The permission set's name as Identity Center takes it (the model's names are a subset; checked anyway). */
    public static String permissionSetName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AwsRuleViolation("permissionSet.name", AwsRule.IC_SET_NAME, Shown.value(name));
        }
        return name;
    }

    /**
     * The session duration as Identity Center's ISO-8601 value: {@code PT<h>H}, or
     * {@code PT<h>H<m>M} for a part hour. Identity Center takes 1 to 12 hours; the model also
     * allows down to 15 minutes (IAM's minimum for a direct sign-in) and any second.
     */
    public static String sessionDuration(String setName, SessionDuration duration) {
        int seconds = duration.seconds();
        if (seconds < MIN_SESSION_SECONDS || seconds > AwsLimits.MAX_SESSION_SECONDS) {
            throw new AwsRuleViolation("permissionSet.sessionDuration", AwsRule.IC_SESSION_HOURS, setName, seconds);
        }
        if (seconds % 60 != 0) {
            throw new AwsRuleViolation("permissionSet.sessionDuration", AwsRule.IC_SESSION_MINUTES, setName, seconds);
        }
        int hours = seconds / 3600;
        int minutes = seconds % 3600 / 60;
        return "PT" + hours + "H" + (minutes == 0 ? "" : minutes + "M");
    }

    /**
     * The description as Identity Center takes it, or null when there is none to send (Identity
     * Center refuses an empty one). Refused when it has a character outside tab, line breaks,
     * printable ASCII and Latin-1 (the model allows any printable Unicode, e.g. {@code –} or {@code ✓}).
     */
    public static String description(String setName, String description) {
        if (description == null || description.isEmpty()) {
            return null;
        }
        if (description.length() > AwsLimits.MAX_PERMISSION_SET_DESCRIPTION_CHARS) {
            throw new AwsRuleViolation("permissionSet.description", AwsRule.IC_DESCRIPTION_LENGTH, setName,
                    AwsLimits.MAX_PERMISSION_SET_DESCRIPTION_CHARS, description.length());
        }
        if (!DESCRIPTION.matcher(description).matches()) {
            int bad = description.codePoints().filter(c -> !DESCRIPTION.matcher(Character.toString(c)).matches()).findFirst().orElse('?');
            throw new AwsRuleViolation("permissionSet.description", AwsRule.IC_DESCRIPTION_CHARS, setName,
                    String.format("U+%04X", bad));
        }
        return description;
    }

    /** The relay state (a console URL of the model) if Identity Center's pattern admits it: no non-ASCII, {@code <>^`} or the like. */
    public static String relayState(String setName, String relayState) {
        if (relayState.length() > AwsLimits.MAX_RELAY_STATE_CHARS || !RELAY_STATE.matcher(relayState).matches()) {
            throw new AwsRuleViolation("permissionSet.relayState", AwsRule.IC_RELAY_STATE, setName, AwsLimits.MAX_RELAY_STATE_CHARS,
                    "&$@#\\/%?=~-_'\"|!:,.;*+[] (){}");
        }
        return relayState;
    }

    /**
     * A group's display name as the Identity Store takes it: 1..1024 letters, marks, symbols,
     * numbers, punctuation, tab, line breaks, space and no-break space; {@code Administrator} and
     * {@code AWSAdministrators} are reserved.
     */
    public static String groupDisplayName(String displayName, String where) {
        if (displayName == null || displayName.isEmpty() || displayName.length() > MAX_GROUP_DISPLAY_NAME_CHARS
                || !GROUP_DISPLAY_NAME.matcher(displayName).matches()) {
            throw new AwsRuleViolation("group", AwsRule.IC_GROUP_NAME, Shown.value(where));
        }
        if (displayName.equals("Administrator") || displayName.equals("AWSAdministrators")) {
            throw new AwsRuleViolation("group", AwsRule.IC_GROUP_RESERVED, Shown.value(where), displayName);
        }
        return displayName;
    }
}
