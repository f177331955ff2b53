package dev.kcaws.testsupport.awssp;

/** AWS refused the sign-in. The message starts with what AWS would show the user, then names the rule. */
public final class AwsSamlRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final AwsSamlRule rule;
    private final String detail;

    AwsSamlRejection(AwsSamlRule rule, String detail) {
        super(rule.awsMessage().text() + " [rule " + rule.name() + ": " + rule.description() + "; " + detail + "]");
        this.rule = rule;
        this.detail = detail;
    }

    /** Exactly the text AWS sign-in would show. */
    public String awsMessage() {
        return rule.awsMessage().text();
    }

    /** The broken rule's name, e.g. {@code ROLE_ATTRIBUTE_REPEATED}. */
    public String rule() {
        return rule.name();
    }

    public AwsSamlRule brokenRule() {
        return rule;
    }

    /** What in this response broke the rule. */
    public String detail() {
        return detail;
    }
}
