package dev.kcaws.identitycenter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Keycloak vault expression {@code ${vault.key}}, the form Keycloak's own vault transcriber resolves. */
final class VaultReference {

    private static final Pattern PATTERN = Pattern.compile("^\\$\\{vault\\.(.+)}$");

    private VaultReference() {
    }

    static boolean is(String value) {
        return value != null && PATTERN.matcher(value.strip()).matches();
    }

    /** The key inside the reference (not a secret: the reference is what the admin typed). */
    static String key(String reference) {
        Matcher matcher = PATTERN.matcher(reference.strip());
        return matcher.matches() ? matcher.group(1) : "";
    }
}
