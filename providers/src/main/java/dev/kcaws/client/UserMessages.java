package dev.kcaws.client;

import dev.kcaws.aws.AwsRuleViolation;
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
 * A {@code kcaws*} message as text, for answers that are not a page (the portal's script, the CLI)
 * and for a value of a page's message that is itself a message (a broken AWS rule):
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

    /**
     * A broken AWS rule in the user's language, named by its field as the request named it
     * ("destination: …"); a rule broken inside a part of the value is said in that language too.
     */
    public static String violation(KeycloakSession session, RealmModel realm, UserModel user, AwsRuleViolation violation) {
        String rule = rule(session, realm, user, violation);
        return violation.field() == null ? rule : violation.field() + ": " + rule;
    }

    /** The broken rule's text alone, in the user's language. */
    public static String rule(KeycloakSession session, RealmModel realm, UserModel user, AwsRuleViolation violation) {
        Object[] values = violation.params().stream()
                .map(p -> p instanceof AwsRuleViolation nested ? rule(session, realm, user, nested) : p).toArray();
        return text(session, realm, user, violation.key(), values);
    }
}
