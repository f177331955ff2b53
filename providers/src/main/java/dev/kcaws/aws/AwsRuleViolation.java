package dev.kcaws.aws;

import java.util.Arrays;
import java.util.List;

/**
 * A value that AWS would reject. Carries the field it belongs to so that every caller (admin API,
 * realm import, login) can tell the person which field broke which rule; a violation of a
 * {@link AwsRule} also carries the rule's message key and the values of its text, so a page can
 * say it in the admin's language.
 */
public final class AwsRuleViolation extends IllegalArgumentException {

    private final String field;
    private final AwsRule rule;
    private final List<String> params;

    /** A violation of {@code rule}; the values are shown as text (no number formatting). */
    public AwsRuleViolation(String field, AwsRule rule, Object... params) {
        this(field, rule, texts(params));
    }

    private AwsRuleViolation(String field, AwsRule rule, List<String> params) {
        super(field + ": " + rule.english(params.toArray(String[]::new)));
        this.field = field;
        this.rule = rule;
        this.params = params;
    }

    /** A violation whose text has no key yet (English only). */
    public AwsRuleViolation(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = null;
        this.params = List.of();
    }

    public String field() {
        return field;
    }

    /** The rule alone, without the field name. */
    public String rule() {
        return getMessage().substring(field.length() + 2);
    }

    /** The message key of the rule, or null for a violation without one. */
    public String key() {
        return rule == null ? null : rule.key();
    }

    /** The values of the rule's text, {0} first. */
    public List<String> params() {
        return params;
    }

    /** The same rule broken by the same value, named by another field. */
    public AwsRuleViolation withField(String otherField) {
        return rule == null ? new AwsRuleViolation(otherField, rule()) : new AwsRuleViolation(otherField, rule, params);
    }

    private static List<String> texts(Object[] params) {
        return Arrays.stream(params).map(String::valueOf).toList();
    }
}
