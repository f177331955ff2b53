package dev.kcaws.testsupport.awsscim;

/** A request the fake refuses, with the rule it broke; becomes AWS's error answer. */
public final class ScimRejection extends RuntimeException {
    private final ScimRule rule;

    public ScimRejection(ScimRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public ScimRule rule() {
        return rule;
    }

    static void require(boolean condition, ScimRule rule, String detail) {
        if (!condition) {
            throw new ScimRejection(rule, detail);
        }
    }
}
