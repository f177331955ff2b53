package dev.kcaws.testsupport.awssp;

import java.time.Duration;
import java.time.Instant;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/** The response must be addressed to the sign-in endpoint it reached, by a live bearer confirmation. */
final class SubjectConfirmationCheck {
    private SubjectConfirmationCheck() {
    }

    static void requireDestination(Response response, String postedTo) throws AwsSamlRejection {
        if (response.getDestination() != null && !response.getDestination().equals(postedTo)) {
            throw AwsSamlRule.DESTINATION_MISMATCH.rejection("Destination " + response.getDestination() + ", posted to " + postedTo);
        }
    }

    static void requireBearerFor(Assertion assertion, String postedTo, Instant now, Duration skew) throws AwsSamlRejection {
        int count = assertion.getSubject() == null ? 0 : assertion.getSubject().getSubjectConfirmations().size();
        if (count != 1) {
            throw AwsSamlRule.SUBJECT_CONFIRMATION_NOT_SINGLE.rejection(count + " SubjectConfirmation elements");
        }
        SubjectConfirmation confirmation = assertion.getSubject().getSubjectConfirmations().get(0);
        if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
            throw AwsSamlRule.SUBJECT_CONFIRMATION_NOT_BEARER.rejection("Method " + confirmation.getMethod());
        }
        SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
        if (data == null || data.getNotOnOrAfter() == null || data.getRecipient() == null) {
            throw AwsSamlRule.SUBJECT_CONFIRMATION_DATA_INCOMPLETE.rejection(data == null ? "no SubjectConfirmationData"
                    : "NotOnOrAfter=" + data.getNotOnOrAfter() + ", Recipient=" + data.getRecipient());
        }
        if (!now.minus(skew).isBefore(data.getNotOnOrAfter())) {
            throw AwsSamlRule.SUBJECT_CONFIRMATION_EXPIRED.rejection("NotOnOrAfter " + data.getNotOnOrAfter() + ", now " + now);
        }
        if (!data.getRecipient().equals(postedTo)) {
            throw AwsSamlRule.RECIPIENT_MISMATCH.rejection("Recipient " + data.getRecipient() + ", posted to " + postedTo);
        }
    }
}
