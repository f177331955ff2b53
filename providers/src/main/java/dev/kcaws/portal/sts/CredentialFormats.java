package dev.kcaws.portal.sts;

import dev.kcaws.aws.RolePair;
import java.util.regex.Pattern;

/**
 * Temporary credentials as users paste them: shell exports, PowerShell variables and a profile for
 * {@code ~/.aws/credentials}, the way IAM Identity Center's portal shows them. Pure functions; every
 * value is quoted for its target so that no character can end the string or run a command.
 */
public final class CredentialFormats {

    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    /**
     * What a credentials-file value may not contain: a line break or other control character (would
     * start a new setting) or whitespace (AWS's parsers read " #" and " ;" as a trailing comment).
     */
    private static final Pattern BREAKS_INI = Pattern.compile("[\\p{Cntrl}\\s\\p{Z}]");
    /** Profile names we emit: account ID, underscore, role name (IAM's role-name characters). */
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_+=,.@-]+");

    private CredentialFormats() {
    }

    /**
     * Three lines for bash, zsh and other POSIX shells:
     * {@code export AWS_ACCESS_KEY_ID='ASIA...'}. Single quotes: nothing inside is special; a quote
     * in a value becomes {@code '\''}.
     */
    public static String bash(TemporaryCredentials c) {
        return "export " + ACCESS_KEY_ID + "=" + posixQuoted(c.accessKeyId()) + "\n"
                + "export " + SECRET_ACCESS_KEY + "=" + posixQuoted(c.secretAccessKey()) + "\n"
                + "export " + SESSION_TOKEN + "=" + posixQuoted(c.sessionToken()) + "\n";
    }

    /**
     * Three lines for PowerShell: {@code $Env:AWS_ACCESS_KEY_ID="ASIA..."}. Inside double quotes
     * PowerShell expands {@code $} and reads a backtick as escape; both, and every character
     * PowerShell takes as a double quote (also the typographic ones), are escaped with a backtick.
     */
    public static String powerShell(TemporaryCredentials c) {
        return "$Env:" + ACCESS_KEY_ID + "=" + powerShellQuoted(c.accessKeyId()) + "\n"
                + "$Env:" + SECRET_ACCESS_KEY + "=" + powerShellQuoted(c.secretAccessKey()) + "\n"
                + "$Env:" + SESSION_TOKEN + "=" + powerShellQuoted(c.sessionToken()) + "\n";
    }

    /** {@code <account id>_<role name>}, Identity Center's profile naming. The role's IAM path is left out. */
    public static String profileName(RolePair pair) {
        String role = pair.roleName();
        role = role.substring(role.lastIndexOf('/') + 1);
        return pair.account().value() + "_" + role;
    }

    /** A profile for {@code ~/.aws/credentials} named {@link #profileName(RolePair)}. */
    public static String credentialsFile(RolePair pair, TemporaryCredentials c) {
        return credentialsFile(profileName(pair), c);
    }

    /**
     * A profile for {@code ~/.aws/credentials}. The file format has no quoting (a value runs to the
     * end of its line), so a value with a line break, other control character or whitespace is
     * refused rather than written: it could add settings to the profile or be cut at a comment.
     *
     * @throws IllegalArgumentException when the profile name or a value cannot be written safely
     */
    public static String credentialsFile(String profileName, TemporaryCredentials c) {
        if (profileName == null || !PROFILE_NAME.matcher(profileName).matches()) {
            throw new IllegalArgumentException("profile name must be letters, digits and _+=,.@- (was '" + profileName + "')");
        }
        return "[" + profileName + "]\n"
                + "aws_access_key_id=" + iniValue("aws_access_key_id", c.accessKeyId()) + "\n"
                + "aws_secret_access_key=" + iniValue("aws_secret_access_key", c.secretAccessKey()) + "\n"
                + "aws_session_token=" + iniValue("aws_session_token", c.sessionToken()) + "\n";
    }

    static String posixQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String powerShellQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                // backtick (escape), dollar (expansion), and PowerShell's double quotes: " “ ” „
                case '`', '$', '"', '\u201C', '\u201D', '\u201E' -> out.append('`').append(ch);
                case '\0' -> out.append("`0");
                case '\n' -> out.append("`n");
                case '\r' -> out.append("`r");
                case '\t' -> out.append("`t");
                default -> out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    private static String iniValue(String key, String value) {
        if (BREAKS_INI.matcher(value).find()) {
            throw new IllegalArgumentException(key + " contains whitespace or a control character");
        }
        return value;
    }
}
