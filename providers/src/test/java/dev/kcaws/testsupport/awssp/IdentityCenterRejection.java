package dev.kcaws.testsupport.awssp;

/** Identity Center refused the sign-in: which rule, and for {@link IdentityCenterRule#SAML_RESPONSE} which AWS SAML rule. */
public final class IdentityCenterRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final IdentityCenterRule rule;
    private final AwsSamlRule samlRule;
    private final String detail;

    IdentityCenterRejection(IdentityCenterRule rule, AwsSamlRule samlRule, String detail) {
        super("Identity Center refuses the sign-in [rule " + rule.name() + (samlRule == null ? "" : "/" + samlRule.name()) + ": "
                + (samlRule == null ? rule.description() : samlRule.description()) + "; " + detail + "]");
        this.rule = rule;
        this.samlRule = samlRule;
        this.detail = detail;
    }

    static IdentityCenterRejection of(AwsSamlRejection saml) {
        return new IdentityCenterRejection(IdentityCenterRule.SAML_RESPONSE, saml.brokenRule(), saml.detail());
    }

    public IdentityCenterRule rule() {
        return rule;
    }

    /** The AWS SAML rule broken, for {@link IdentityCenterRule#SAML_RESPONSE}; else null. */
    public AwsSamlRule samlRule() {
        return samlRule;
    }

    public String detail() {
        return detail;
    }
}
