package dev.kcaws.aws;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that AWS (or the bundle) would reject. Carries the field it belongs to so that every
 * caller (admin API, realm import, login) can tell the person which field broke which rule, the
 * rule's message key and the values of its text, so a page can say it in the admin's language.
 * There is no violation without an {@link AwsRule}: an English-only error cannot be made.
 */
public final class AwsRuleViolation extends IllegalArgumentException {

    private final String field;
    private final AwsRule rule;
    private final List<Object> params;

    /**
     * A violation of {@code rule}; the values are shown as text (no number formatting), except a
     * violation given as a value, which stands for its rule's text (said in the reader's language
     * too): how a rule broken inside a part of the field is said with that part's name.
     */
    public AwsRuleViolation(String field, AwsRule rule, Object... params) {
        this(field, rule, values(params));
    }

    private AwsRuleViolation(String field, AwsRule rule, List<Object> params) {
        super(message(field, rule.english(params.stream().map(AwsRuleViolation::english).toArray(String[]::new))));
        this.field = field;
        this.rule = rule;
        this.params = params;
    }

    /** A violation that names no field (a thing not found, a conflict): its message is the rule's text alone. */
    public static AwsRuleViolation of(AwsRule rule, Object... params) {
        return new AwsRuleViolation(null, rule, values(params));
    }

    /** The field at fault, or null when the violation names none. */
    public String field() {
        return field;
    }

    /** The rule alone, in English, without the field name. */
    public String rule() {
        return field == null ? getMessage() : getMessage().substring(field.length() + 2);
    }

    /** The message key of the rule. */
    public String key() {
        return rule.key();
    }

    /** The values of the rule's text, {0} first: texts, or violations whose rule's text is the value. */
    public List<Object> params() {
        return params;
    }

    /** The same rule broken by the same value, named by another field. */
    public AwsRuleViolation withField(String otherField) {
        return new AwsRuleViolation(otherField, rule, params);
    }

    /**
     * The values as the admin API's errors carry them ({@code params}): texts, and for a rule's text
     * an object with its own {@code messageKey} and {@code params}.
     */
    public Object[] paramsForJson() {
        return params.stream().map(p -> p instanceof AwsRuleViolation nested ? (Object) nested.keyAndParams() : p).toArray();
    }

    private Map<String, Object> keyAndParams() {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("messageKey", key());
        text.put("params", List.of(paramsForJson()));
        return text;
    }

    private static String message(String field, String text) {
        return field == null ? text : field + ": " + text;
    }

    private static List<Object> values(Object[] params) {
        return Arrays.stream(params).map(p -> p instanceof AwsRuleViolation ? p : (Object) String.valueOf(p)).toList();
    }

    private static String english(Object value) {
        return value instanceof AwsRuleViolation nested ? nested.rule() : (String) value;
    }
}
