package dev.kcaws.identitycenter;

import dev.kcaws.scim.UserNameSource;

import java.util.Locale;

import org.keycloak.models.RealmModel;

/**
 * The one per-realm setting that decides both the SAML NameID sent to IAM Identity Center and the
 * {@code userName} the SCIM push provisions: Identity Center signs in the provisioned user whose
 * {@code userName} equals the NameID, so two settings could disagree and lock everyone out.
 * Kept as the realm attribute {@value #ATTRIBUTE} (exported with the realm; not a secret).
 */
public final class UserNameSetting {
    public static final String ATTRIBUTE = "kcaws.identity-center.user-name-source";

    private UserNameSetting() {
    }

    /** The realm's choice; {@link UserNameSource#EMAIL} when unset (Identity Center's NameID is an email). */
    public static UserNameSource of(RealmModel realm) {
        String value = realm.getAttribute(ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return UserNameSource.EMAIL;
        }
        try {
            return UserNameSource.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // A hand-edited realm file: fall back to the default rather than fail every login;
            // the admin API refuses unknown values, so only an import can get here.
            return UserNameSource.EMAIL;
        }
    }

    public static void set(RealmModel realm, UserNameSource source) {
        realm.setAttribute(ATTRIBUTE, source.name());
    }
}
