package dev.kcaws.saml;

import dev.kcaws.access.AccessKey;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;

import java.util.Optional;

/**
 * Which role pairs one login may name: all the user holds (plain IdP-initiated login) or exactly
 * one (shortcut link, launcher). It rides the login as a client note of the authentication session,
 * one per browser tab, which Keycloak copies to the client session the mapper reads.
 */
public record LaunchChoice(AccountId account, PermissionSetName permissionSet) {

    /** Client note name. Absent or {@link #ALL_VALUE}: every pair the user holds. */
    public static final String NOTE = "kcaws.launch";
    static final String ALL_VALUE = "*";
    public static final LaunchChoice ALL = new LaunchChoice(null, null);

    public static LaunchChoice one(AccountId account, PermissionSetName set) {
        return new LaunchChoice(account, set);
    }

    public boolean isAll() {
        return account == null;
    }

    public String noteValue() {
        return isAll() ? ALL_VALUE : AccessKey.of(account.value(), permissionSet.value());
    }

    /** Reads a note written by {@link #noteValue()}; anything else is no valid choice at all. */
    public static Optional<LaunchChoice> fromNote(String note) {
        if (note == null || ALL_VALUE.equals(note)) {
            return Optional.of(ALL);
        }
        int colon = note.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String account = note.substring(0, colon);
        String set = note.substring(colon + 1);
        if (!AccountId.isValid(account) || !PermissionSetName.isValid(set)) {
            return Optional.empty();
        }
        return Optional.of(one(new AccountId(account), new PermissionSetName(set)));
    }
}
