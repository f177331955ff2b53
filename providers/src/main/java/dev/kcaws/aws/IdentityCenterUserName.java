package dev.kcaws.aws;

import java.util.regex.Pattern;

/**
 * What IAM Identity Center accepts as the NameID of a sign-in through an external IdP (its user
 * guide, troubleshooting "An unexpected error has occurred"): the email-address format, a value
 * that is an RFC 2822 address ({@code user@domain.com}), exactly the {@code userName} of a
 * provisioned user. Its SCIM API takes any userName of at most 128 characters, so a username that
 * is not an address provisions but can never sign in: checked here so the sign-in says so.
 */
public final class IdentityCenterUserName {

    /** Identity Center's userName limit (SCIM CreateUser). */
    public static final int MAX_CHARS = 128;

    // RFC 2822 addr-spec in its dot-atom form: atext runs separated by single dots, on both sides of one @.
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern ADDRESS = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + ATOM + "(?:\\." + ATOM + ")*");

    private IdentityCenterUserName() {
    }

    public static boolean isValidNameId(String value) {
        return value != null && value.length() <= MAX_CHARS && ADDRESS.matcher(value).matches();
    }
}
