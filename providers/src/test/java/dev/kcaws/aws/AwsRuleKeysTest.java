package dev.kcaws.aws;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule a violation can name has its text in English and Korean, and no code makes a violation
 * without a rule except the few places listed here (which may only shrink): a new rule written as
 * English text instead of an {@link AwsRule} fails this test.
 */
class AwsRuleKeysTest {

    /**
     * Violations still made from English text, per file (not yet sent by the admin page's forms of
     * accounts, permission sets, assignments and clients). Lower a count when converting; never raise one.
     */
    private static final Map<String, Integer> WITHOUT_KEY_YET = Map.ofEntries(
            Map.entry("dev/kcaws/access/AccessStore.java", 4),
            Map.entry("dev/kcaws/access/ModelFormat.java", 10),
            Map.entry("dev/kcaws/admin/IdentityCenterAssignments.java", 1),
            Map.entry("dev/kcaws/aws/IdentityCenterMetadata.java", 2),
            Map.entry("dev/kcaws/iac/IdentityCenterCloudFormation.java", 2),
            Map.entry("dev/kcaws/iac/IdentityCenterModel.java", 3),
            Map.entry("dev/kcaws/identitycenter/AccessControlConfig.java", 2),
            Map.entry("dev/kcaws/identitycenter/ScimSettingsRules.java", 1),
            Map.entry("dev/kcaws/setup/ModelGuard.java", 1));

    /** {@code new AwsRuleViolation(<field>, <second argument>}: the field may hold one level of parentheses. */
    private static final Pattern CONSTRUCTION = Pattern.compile("new AwsRuleViolation\\(\\s*((?:[^,()]|\\([^()]*\\))+),\\s*([^\\s,)]+)");

    private static Properties bundle(String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AwsRuleKeysTest.class.getClassLoader()
                .getResourceAsStream("theme-resources/messages/messages_" + locale + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyRuleHasItsTextInEnglishAndKoreanWithTheSameValues() throws IOException {
        Properties en = bundle("en");
        Properties ko = bundle("ko");
        for (AwsRule rule : AwsRule.values()) {
            assertThat(rule.key()).as(rule.name()).startsWith("kcawsRule");
            assertThat(en.getProperty(rule.key())).as(rule.key() + " in English").isNotBlank();
            assertThat(ko.getProperty(rule.key())).as(rule.key() + " in Korean").isNotBlank();
            int values = new MessageFormat(en.getProperty(rule.key()), Locale.ENGLISH).getFormatsByArgumentIndex().length;
            assertThat(new MessageFormat(ko.getProperty(rule.key()), Locale.KOREAN).getFormatsByArgumentIndex().length)
                    .as(rule.key() + " values").isEqualTo(values);
        }
    }

    @Test
    void everyRuleTextInTheBundlesBelongsToARule() throws IOException {
        Set<String> keys = Arrays.stream(AwsRule.values()).map(AwsRule::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).hasSize(AwsRule.values().length);
        Set<String> inBundle = new TreeSet<>();
        bundle("en").stringPropertyNames().stream().filter(k -> k.startsWith("kcawsRule")).forEach(inBundle::add);
        assertThat(inBundle).isEqualTo(keys);
    }

    @Test
    void aViolationCarriesItsKeyAndValuesAndTheEnglishTextAsBefore() {
        AwsRuleViolation v = new AwsRuleViolation("permissionSet.sessionDuration", AwsRule.SESSION_DURATION_RANGE, 60);
        assertThat(v.key()).isEqualTo("kcawsRuleSessionDurationRange");
        assertThat(v.params()).containsExactly("60");
        assertThat(v.getMessage()).isEqualTo("permissionSet.sessionDuration: must be 900 to 43200 seconds (15 minutes to 12 hours), was 60");
        // Numbers are values as written, not formatted (no "43,200").
        assertThat(new AwsRuleViolation("x", AwsRule.MAX_CHARS_WAS, 240, 43200).rule()).isEqualTo("must be at most 240 characters (was 43200)");
        assertThat(v.withField("sessionDuration").key()).isEqualTo(v.key());
    }

    @Test
    void noViolationIsMadeWithoutARuleOutsideTheListedFiles() throws IOException {
        Map<String, Integer> withoutKey = new TreeMap<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.equals("dev/kcaws/aws/AwsRuleViolation.java")) {
                    continue;
                }
                Matcher m = CONSTRUCTION.matcher(Files.readString(file));
                while (m.find()) {
                    String second = m.group(2);
                    if (!second.startsWith("AwsRule.") && !second.equals("rule")) {
                        withoutKey.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(withoutKey).as("violations made from English text instead of an AwsRule").isNotEmpty();
        withoutKey.forEach((file, count) -> assertThat(count)
                .as(file + ": a violation without a rule (add an AwsRule and its texts in messages_en/_ko)")
                .isLessThanOrEqualTo(WITHOUT_KEY_YET.getOrDefault(file, 0)));
    }
}
