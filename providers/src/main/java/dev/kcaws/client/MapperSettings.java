package dev.kcaws.client;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.SessionTag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The role-pair mapper's configuration, parsed once from its {@code ProviderConfigProperty} values. */
public record MapperSettings(String roleSessionNameAttribute, List<TagSource> principalTags, boolean principalTagsRequired,
                             List<String> transitiveTagKeys, String sourceIdentityAttribute, boolean sourceIdentityRequired) {

    public static final String ROLE_SESSION_NAME_ATTRIBUTE = "roleSessionName.attribute";
    public static final String PRINCIPAL_TAGS = "principalTags";
    public static final String PRINCIPAL_TAGS_REQUIRED = "principalTags.required";
    public static final String TRANSITIVE_TAG_KEYS = "transitiveTagKeys";
    public static final String SOURCE_IDENTITY_ATTRIBUTE = "sourceIdentity.attribute";
    public static final String SOURCE_IDENTITY_REQUIRED = "sourceIdentity.required";

    /** Keycloak stores a multivalued string property as its values joined by this separator. */
    static final String MULTIVALUED_SEPARATOR = "##";

    /** {@code TagKey=userAttribute}: a session tag filled from a user attribute. */
    public record TagSource(String key, String userAttribute) {
    }

    /**
     * Parses and checks the settings; a setting AWS or this mapper cannot use is an
     * {@link AwsRuleViolation} naming it, so that an import or an admin save is refused with the
     * setting instead of every later login failing.
     */
    public static MapperSettings from(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        List<TagSource> tags = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String entry : multivalued(c.get(PRINCIPAL_TAGS))) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq >= entry.length() - 1) {
                throw new AwsRuleViolation(PRINCIPAL_TAGS, AwsRule.MAPPER_TAG_ENTRY, entry);
            }
            TagSource tag = new TagSource(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            try {
                new SessionTag(tag.key(), "");
            } catch (AwsRuleViolation e) {
                throw e.withField(PRINCIPAL_TAGS);
            }
            // STS treats tag keys case-insensitively and refuses a repeated one.
            if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw new AwsRuleViolation(PRINCIPAL_TAGS, AwsRule.MAPPER_TAG_TWICE, tag.key());
            }
            tags.add(tag);
        }
        List<String> transitive = multivalued(c.get(TRANSITIVE_TAG_KEYS));
        for (String key : transitive) {
            if (tags.stream().noneMatch(t -> t.key().equals(key))) {
                throw new AwsRuleViolation(TRANSITIVE_TAG_KEYS, AwsRule.MAPPER_TRANSITIVE_KEY, key, PRINCIPAL_TAGS);
            }
        }
        return new MapperSettings(blankToNull(c.get(ROLE_SESSION_NAME_ATTRIBUTE)), List.copyOf(tags),
                flag(c, PRINCIPAL_TAGS_REQUIRED), transitive,
                blankToNull(c.get(SOURCE_IDENTITY_ATTRIBUTE)), flag(c, SOURCE_IDENTITY_REQUIRED));
    }

    /** true or false; empty means false. Anything else would silently read as false. */
    private static boolean flag(Map<String, String> config, String name) {
        String raw = config.get(name);
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new AwsRuleViolation(name, AwsRule.MAPPER_SWITCH, raw);
    }

    public static MapperSettings defaults() {
        return from(Map.of());
    }

    private static List<String> multivalued(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : raw.split(MULTIVALUED_SEPARATOR + "|,")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return List.copyOf(values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
