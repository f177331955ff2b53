package dev.kcaws.admin;

import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.representations.idm.ErrorRepresentation;

/**
 * Keycloak's {@link ErrorRepresentation} of one broken rule, plus the rule's message key: as
 * Keycloak's user-profile errors carry a key and {@code params} for its console to translate, but
 * with {@code errorMessage} kept the English text this API has always answered (clients and
 * scripts read it), so the key travels in its own {@code messageKey}. {@code params} are the
 * values of the text, {0} first; the field's name is not one of them (a page names the field by
 * its own label). A value that is itself a rule's text (the rule broken inside a part of the field)
 * is an object with its own {@code messageKey} and {@code params}.
 */
public final class RuleErrorRepresentation extends ErrorRepresentation {

    private String messageKey;

    public RuleErrorRepresentation() {
    }

    RuleErrorRepresentation(AwsRuleViolation violation) {
        super(violation.field(), violation.getMessage(), violation.paramsForJson());
        this.messageKey = violation.key();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public void setMessageKey(String messageKey) {
        this.messageKey = messageKey;
    }
}
