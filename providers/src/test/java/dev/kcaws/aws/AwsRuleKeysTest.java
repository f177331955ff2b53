package dev.kcaws.aws;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule a violation can name has its text in English and Korean; a violation cannot be made
 * without a rule; and the bundle's code writes an error body (admin API, model refusals, CLI) only
 * in the few places that make it from a violation or a message key: a new English-only error fails
 * this test (or does not compile).
 */
class AwsRuleKeysTest {

    /**
     * The only files that may write an error body, by what writes one: each makes it from an
     * {@link AwsRuleViolation} (so from an {@link AwsRule}: a key, values, en+ko texts) or from a
     * message key. Keycloak's own {@code ErrorResponse.error(String, …)} and a bare
     * {@code new ErrorRepresentation(…)} take English text only, so no file may use them.
     */
    private static final Map<String, Set<String>> ERROR_BODY_WRITERS = Map.of(
            "new ErrorRepresentation(", Set.of(),
            "ErrorResponse.error(", Set.of(),
            "extends ErrorRepresentation", Set.of("dev/kcaws/admin/RuleErrorRepresentation.java"),
            "new WebApplicationException(", Set.of("dev/kcaws/admin/AdminErrors.java"),
            "\"errorMessage\"", Set.of("dev/kcaws/access/ModelRefusedException.java"),
            "\"error_description\"", Set.of("dev/kcaws/portal/cli/CliAnswers.java"));

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
    void aViolationCannotBeMadeWithoutARule() {
        for (Constructor<?> made : AwsRuleViolation.class.getConstructors()) {
            assertThat(made.getParameterTypes()).as(made.toString()).contains(AwsRule.class);
        }
        for (Method made : AwsRuleViolation.class.getMethods()) {
            if (Modifier.isStatic(made.getModifiers()) && made.getReturnType() == AwsRuleViolation.class) {
                assertThat(made.getParameterTypes()).as(made.toString()).contains(AwsRule.class);
            }
        }
    }

    @Test
    void aRuleBrokenInAPartOfTheFieldIsSaidWithThePartsNameInEachLanguage() throws IOException {
        AwsRuleViolation inner = new AwsRuleViolation("account.partition", AwsRule.STORED_PARTITION_MISSING);
        AwsRuleViolation v = new AwsRuleViolation(inner.field(), AwsRule.IN_ATTRIBUTE, inner, "kcaws.account.123456789012");
        // The English text as the realm import has always said it.
        assertThat(v.getMessage()).isEqualTo("account.partition: is missing (aws, aws-us-gov or aws-cn) [attribute kcaws.account.123456789012]");
        assertThat(v.key()).isEqualTo("kcawsRuleInAttribute");
        Object[] params = v.paramsForJson();
        assertThat(params[0]).isEqualTo(Map.of("messageKey", "kcawsRuleStoredPartitionMissing", "params", List.of()));
        assertThat(params[1]).isEqualTo("kcaws.account.123456789012");
        Properties ko = bundle("ko");
        String part = new MessageFormat(ko.getProperty("kcawsRuleStoredPartitionMissing"), Locale.KOREAN).format(new Object[0]);
        assertThat(new MessageFormat(ko.getProperty(v.key()), Locale.KOREAN).format(new Object[] {part, params[1]}))
                .isEqualTo("없습니다(aws, aws-us-gov 또는 aws-cn). [속성 kcaws.account.123456789012]");
    }

    @Test
    void aViolationNamingNoFieldIsItsRulesTextAlone() {
        AwsRuleViolation v = AwsRuleViolation.of(AwsRule.UNKNOWN_ACCOUNT, "123456789012");
        assertThat(v.field()).isNull();
        assertThat(v.getMessage()).isEqualTo("AWS account 123456789012 not found");
        assertThat(v.rule()).isEqualTo(v.getMessage());
        assertThat(v.key()).isEqualTo("kcawsRuleUnknownAccount");
    }

    @Test
    void errorBodiesAreWrittenOnlyWhereAKeyIsMandatory() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file);
                ERROR_BODY_WRITERS.keySet().stream().filter(text::contains)
                        .forEach(writer -> found.computeIfAbsent(writer, w -> new TreeSet<>()).add(name));
            }
        }
        found.forEach((writer, files) -> assertThat(files)
                .as(writer + ": an error body written outside the places that make it from an AwsRule or a message key")
                .isSubsetOf(ERROR_BODY_WRITERS.get(writer)));
    }
}
