package dev.kcaws.testsupport.awssp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The optional session attributes and the required RoleSessionName, with STS's limits. */
final class SessionAttributeCheck {
    /** STS's character set for RoleSessionName and SourceIdentity. */
    private static final Pattern SESSION_NAME = Pattern.compile("[a-zA-Z_0-9+=,.@-]{2,64}");
    /** STS's Tag key/value characters (AssumeRoleWithSAML API model). */
    private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    static final int MIN_SESSION_SECONDS = 900;
    static final int MAX_SESSION_SECONDS = 43_200;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_KEY = 128;
    static final int MAX_TAG_VALUE = 256;

    private SessionAttributeCheck() {
    }

    static String roleSessionName(AssertionAttributes attributes) throws AwsSamlRejection {
        List<AssertionAttributes.Element> elements = attributes.named(AssertionAttributes.ROLE_SESSION_NAME);
        if (elements.isEmpty()) {
            throw AwsSamlRule.ROLE_SESSION_NAME_MISSING.rejection("attribute names sent: " + attributes.names());
        }
        String name = singleValue(elements, AwsSamlRule.ROLE_SESSION_NAME_MALFORMED);
        if (!SESSION_NAME.matcher(name).matches()) {
            throw AwsSamlRule.ROLE_SESSION_NAME_MALFORMED.rejection("'" + name + "' (" + name.length() + " chars)");
        }
        return name;
    }

    /** @return null when the attribute is absent (AWS then uses one hour) */
    static Integer sessionDurationSeconds(AssertionAttributes attributes) throws AwsSamlRejection {
        List<AssertionAttributes.Element> elements = attributes.named(AssertionAttributes.SESSION_DURATION);
        if (elements.isEmpty()) {
            return null;
        }
        String value = singleValue(elements, AwsSamlRule.SESSION_DURATION_INVALID);
        int seconds;
        try {
            seconds = value.matches("\\d{1,9}") ? Integer.parseInt(value) : -1;
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
            throw AwsSamlRule.SESSION_DURATION_INVALID.rejection("'" + value + "'");
        }
        return seconds;
    }

    static Map<String, String> principalTags(AssertionAttributes attributes) throws AwsSamlRejection {
        List<AssertionAttributes.Element> elements = attributes.prefixed(AssertionAttributes.PRINCIPAL_TAG_PREFIX);
        if (elements.size() > MAX_TAGS) {
            throw AwsSamlRule.PRINCIPAL_TAG_TOO_MANY.rejection(elements.size() + " PrincipalTag attributes");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        // tag keys are case-insensitive in AWS: "Dept" and "dept" are the same key
        Set<String> seenKeys = new HashSet<>();
        for (AssertionAttributes.Element element : elements) {
            String key = element.name().substring(AssertionAttributes.PRINCIPAL_TAG_PREFIX.length());
            if (key.isEmpty() || key.length() > MAX_TAG_KEY || !TAG_CHARS.matcher(key).matches()) {
                throw AwsSamlRule.PRINCIPAL_TAG_INVALID.rejection("key '" + key + "' (" + key.length() + " chars)");
            }
            if (!seenKeys.add(key.toLowerCase(Locale.ROOT))) {
                throw AwsSamlRule.PRINCIPAL_TAG_INVALID.rejection("key '" + key + "' sent twice (keys are case-insensitive)");
            }
            if (element.values().size() != 1) {
                throw AwsSamlRule.PRINCIPAL_TAG_INVALID.rejection("key '" + key + "' has " + element.values().size() + " values");
            }
            String value = element.values().get(0);
            if (value.length() > MAX_TAG_VALUE || !TAG_CHARS.matcher(value).matches()) {
                throw AwsSamlRule.PRINCIPAL_TAG_INVALID.rejection("key '" + key + "' value of " + value.length() + " chars: '" + value + "'");
            }
            tags.put(key, value);
        }
        return tags;
    }

    static List<String> transitiveTagKeys(AssertionAttributes attributes, Map<String, String> principalTags) throws AwsSamlRejection {
        List<String> keys = new ArrayList<>();
        for (AssertionAttributes.Element element : attributes.named(AssertionAttributes.TRANSITIVE_TAG_KEYS)) {
            keys.addAll(element.values());
        }
        for (String key : keys) {
            if (!principalTags.containsKey(key)) {
                throw AwsSamlRule.TRANSITIVE_TAG_KEY_NOT_SENT.rejection("'" + key + "' not among PrincipalTag keys " + principalTags.keySet());
            }
        }
        return keys;
    }

    /** @return null when absent */
    static String sourceIdentity(AssertionAttributes attributes) throws AwsSamlRejection {
        List<AssertionAttributes.Element> elements = attributes.named(AssertionAttributes.SOURCE_IDENTITY);
        if (elements.isEmpty()) {
            return null;
        }
        String value = singleValue(elements, AwsSamlRule.SOURCE_IDENTITY_INVALID);
        if (value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw AwsSamlRule.SOURCE_IDENTITY_RESERVED_PREFIX.rejection("'" + value + "'");
        }
        if (!SESSION_NAME.matcher(value).matches()) {
            throw AwsSamlRule.SOURCE_IDENTITY_INVALID.rejection("'" + value + "' (" + value.length() + " chars)");
        }
        return value;
    }

    private static String singleValue(List<AssertionAttributes.Element> elements, AwsSamlRule rule) throws AwsSamlRejection {
        if (elements.size() != 1) {
            throw rule.rejection(elements.size() + " Attribute elements named " + elements.get(0).name());
        }
        List<String> values = elements.get(0).values();
        if (values.size() != 1) {
            throw rule.rejection(values.size() + " values for " + elements.get(0).name());
        }
        return values.get(0);
    }
}
