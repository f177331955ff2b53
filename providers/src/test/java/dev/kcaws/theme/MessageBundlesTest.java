package dev.kcaws.theme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' message bundles (theme-resources/messages): English and Korean say the same things, every
 * key is the bundle's own ({@code kcaws...}), every text is a valid MessageFormat pattern with the same
 * parameters in both languages, and every key the code and templates name exists.
 */
class MessageBundlesTest {

    private static final String DIR = "theme-resources/messages/";

    static Properties bundle(String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(DIR + "messages_" + locale + ".properties")) {
            assertThat(in).as("messages_" + locale + ".properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndKoreanHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("ko").stringPropertyNames())).isEqualTo(new TreeSet<>(bundle("en").stringPropertyNames()));
    }

    @Test
    void everyKeyIsPrefixedAndEveryTextFormatsWithTheSameParameters() throws IOException {
        Properties en = bundle("en");
        Properties ko = bundle("ko");
        for (String key : en.stringPropertyNames()) {
            assertThat(key).startsWith("kcaws");
            MessageFormat english = new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            MessageFormat korean = new MessageFormat(ko.getProperty(key), Locale.KOREAN);
            assertThat(korean.getFormatsByArgumentIndex().length).as(key + " parameters").isEqualTo(english.getFormatsByArgumentIndex().length);
            // A lone apostrophe swallows the rest of the text in MessageFormat; it must be doubled.
            assertThat(english.format(new Object[] {"a", "b", "c"})).as(key).doesNotContain("{");
            assertThat(korean.format(new Object[] {"a", "b", "c"})).as(key).doesNotContain("{");
        }
    }

    @Test
    void everyKeyTheCodeAndTemplatesNameExists() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern key = Pattern.compile("\"(kcaws(?!Admin)[A-Z][A-Za-z]+)\"");
        for (String root : new String[] {"src/main/java", "src/main/resources/theme-resources/templates"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(file));
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        // Looked up by the admin console in the admin theme's messages (ProtocolMapperConfigException), not by these pages.
        named.remove("kcawsInvalidMapperConfig");
        // The prefix of the rules' keys (AdminPageView writes them all); AwsRuleKeysTest checks each rule's key.
        named.remove("kcawsRule");
        assertThat(named).hasSizeGreaterThan(30);
        assertThat(bundle("en").stringPropertyNames()).containsAll(named);
    }
}
