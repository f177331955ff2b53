package dev.kcaws.aws;

/**
 * A value that AWS would reject. Carries the field it belongs to so that every caller (admin API,
 * realm import, login) can tell the person which field broke which rule.
 */
public final class AwsRuleViolation extends IllegalArgumentException {

    private final String field;

    public AwsRuleViolation(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The rule alone, without the field name. */
    public String rule() {
        return getMessage().substring(field.length() + 2);
    }
}
