package dev.kcaws.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    public static MapperSettings from(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        List<TagSource> tags = new ArrayList<>();
        for (String entry : multivalued(c.get(PRINCIPAL_TAGS))) {
            int eq = entry.indexOf('=');
            if (eq > 0 && eq < entry.length() - 1) {
                tags.add(new TagSource(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()));
            } else {
                throw new IllegalArgumentException("principalTags entry \"" + entry + "\" must be TagKey=userAttribute");
            }
        }
        return new MapperSettings(blankToNull(c.get(ROLE_SESSION_NAME_ATTRIBUTE)), List.copyOf(tags),
                Boolean.parseBoolean(c.get(PRINCIPAL_TAGS_REQUIRED)), multivalued(c.get(TRANSITIVE_TAG_KEYS)),
                blankToNull(c.get(SOURCE_IDENTITY_ATTRIBUTE)), Boolean.parseBoolean(c.get(SOURCE_IDENTITY_REQUIRED)));
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
