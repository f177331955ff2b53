package dev.kcaws.portal;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * A {@code kcaws*} message as text, for answers that are not a page (the portal's script, the CLI):
 * from the realm's login theme (with the realm's own overrides), in the user's language as Keycloak
 * resolves it for its pages (the stored locale, else what the request and realm say).
 */
public final class UserMessages {

    private UserMessages() {
    }

    /** {@code user} may be null (not signed in): the request's language then. */
    public static String text(KeycloakSession session, RealmModel realm, UserModel user, String messageKey, Object... parameters) {
        Locale locale = session.getContext().resolveLocale(user);
        Properties messages;
        try {
            messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("The login theme's messages could not be read", e);
        }
        return new MessageFormat(messages.getProperty(messageKey, messageKey), locale).format(parameters);
    }
}
