package dev.kcaws.saml;

import java.util.List;

/** Either a plan to send, or a refusal; never both. Warnings are things skipped and logged. */
public record SignInDecision(AssertionPlan plan, SignInRefusal refusal, List<String> warnings) {

    static SignInDecision send(AssertionPlan plan, List<String> warnings) {
        return new SignInDecision(plan, null, List.copyOf(warnings));
    }

    static SignInDecision refuse(String reason, String messageKey, String... parameters) {
        return new SignInDecision(null, new SignInRefusal(reason, messageKey, List.of(parameters)), List.of());
    }

    public boolean refused() {
        return refusal != null;
    }
}
