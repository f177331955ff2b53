package dev.kcaws.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The administrator's choice of Identity Center ABAC attributes: each {@code key} filled from one
 * Keycloak user attribute. Checked as a whole, since STS refuses a sign-in with more than
 * {@link AwsLimits#MAX_SESSION_TAGS} tags or with one key twice (keys are case-insensitive).
 */
public final class AccessControlMappings {

    /** One {@code AccessControl:<key>} attribute and the user attribute that fills it. */
    public record Mapping(String key, String userAttribute) {
    }

    /** Keycloak stores a user attribute name in a 255-character column. */
    public static final int MAX_USER_ATTRIBUTE_CHARS = 255;

    private AccessControlMappings() {
    }

    /**
     * Every rule each mapping breaks, named {@code <field>[i].key} or {@code <field>[i].userAttribute},
     * and {@code <field>} for the count; empty when all may be used.
     */
    public static List<AwsRuleViolation> problems(String field, List<Mapping> mappings) {
        List<AwsRuleViolation> found = new ArrayList<>();
        if (mappings.size() > AwsLimits.MAX_SESSION_TAGS) {
            found.add(new AwsRuleViolation(field, AwsRule.IC_ATTRIBUTES_MAX, AwsLimits.MAX_SESSION_TAGS, mappings.size()));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            Mapping m = mappings.get(i);
            String at = field + "[" + i + "]";
            try {
                AccessControlAttribute.checkKey(at + ".key", m.key());
                if (!keys.add(m.key().toLowerCase(Locale.ROOT))) {
                    found.add(new AwsRuleViolation(at + ".key", AwsRule.IC_ATTRIBUTE_TWICE, m.key()));
                }
            } catch (AwsRuleViolation e) {
                found.add(e);
            }
            String attribute = m.userAttribute();
            if (attribute == null || attribute.isBlank()) {
                found.add(new AwsRuleViolation(at + ".userAttribute", AwsRule.MISSING));
            } else if (attribute.length() > MAX_USER_ATTRIBUTE_CHARS || !Text.isPrintable(attribute)
                    || attribute.contains("=") || attribute.contains("#") || attribute.contains(",") || !attribute.equals(attribute.strip())) {
                // '=', '#' and ',' separate the entries where the mapper stores them.
                found.add(new AwsRuleViolation(at + ".userAttribute", AwsRule.IC_USER_ATTRIBUTE,
                        MAX_USER_ATTRIBUTE_CHARS, Shown.value(attribute)));
            }
        }
        return found;
    }
}
