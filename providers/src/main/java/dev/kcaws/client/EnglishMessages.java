package dev.kcaws.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The bundle's English texts, for the places that speak to an administrator in English as Keycloak's
 * own admin API does (JSON error messages, logs). Read from the same file the pages use, so a text is
 * written once; pages get the user's language through the theme instead.
 */
public final class EnglishMessages {

    static final String BUNDLE = "theme-resources/messages/messages_en.properties";
    private static final Properties TEXTS = load();

    private EnglishMessages() {
    }

    /** The text of {@code key} with its parameters filled in as Keycloak's pages fill them; the key itself when unknown. */
    public static String format(String key, Object... parameters) {
        String pattern = TEXTS.getProperty(key);
        return pattern == null ? key : new MessageFormat(pattern, Locale.ENGLISH).format(parameters);
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (InputStream in = EnglishMessages.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is missing from the providers jar");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
