package dev.kcaws.identitycenter;

import dev.kcaws.scim.UserNameSource;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.RealmModel;

/**
 * The one per-realm setting that decides both the SAML NameID sent to IAM Identity Center and the
 * {@code userName} the SCIM push provisions: Identity Center signs in the provisioned user whose
 * {@code userName} equals the NameID, so two settings could disagree and lock everyone out.
 * Kept as the realm attribute {@value #ATTRIBUTE} (exported with the realm; not a secret).
 */
public final class UserNameSetting {
    public static final String ATTRIBUTE = "kcaws.identity-center.user-name-source";
    /**
     * The bundle's note of the value the push last took into account: Keycloak's realm API can change
     * {@value #ATTRIBUTE} without saying what it was, so a change is found by comparing with this.
     */
    public static final String IN_EFFECT_ATTRIBUTE = ATTRIBUTE + ".in-effect";

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
            // Refused on every write path (UserNameGuard); kept for a value stored before that guard.
            return UserNameSource.EMAIL;
        }
    }

    /** The stored value when it is not one of {@link UserNameSource}'s (blank is unset, not unknown). */
    public static Optional<String> unknownValue(RealmModel realm) {
        String value = realm.getAttribute(ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            UserNameSource.valueOf(value.strip().toUpperCase(Locale.ROOT));
            return Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.of(value);
        }
    }

    /** Sets and notes the setting: the bundle's API reconciles the realm with every save. */
    public static void set(RealmModel realm, UserNameSource source) {
        realm.setAttribute(ATTRIBUTE, source.name());
        realm.setAttribute(IN_EFFECT_ATTRIBUTE, source.name());
    }

    /**
     * Whether the setting differs from the one last noted (a realm without a note counts as changed),
     * noting the current one: the caller then reconciles the whole realm, since every pushed
     * {@code userName} may change with it while the SAML NameID changes at the next sign-in.
     */
    public static boolean changedSinceNoted(RealmModel realm) {
        String now = of(realm).name();
        if (Objects.equals(realm.getAttribute(IN_EFFECT_ATTRIBUTE), now)) {
            return false;
        }
        realm.setAttribute(IN_EFFECT_ATTRIBUTE, now);
        return true;
    }
}
