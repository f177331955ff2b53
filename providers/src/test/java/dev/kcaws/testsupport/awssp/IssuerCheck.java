package dev.kcaws.testsupport.awssp;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.Response;

/** IAM finds the provider's metadata and compares its entityID with the Issuer, exactly. */
final class IssuerCheck {
    private IssuerCheck() {
    }

    static void requireIssuedBy(String entityId, Response response, Assertion assertion) throws AwsSamlRejection {
        // the Response Issuer is optional in SAML, but when sent it must agree
        if (response.getIssuer() != null && !entityId.equals(response.getIssuer().getValue())) {
            throw AwsSamlRule.RESPONSE_ISSUER_MISMATCH.rejection(describe(response.getIssuer(), entityId));
        }
        if (assertion.getIssuer() == null || !entityId.equals(assertion.getIssuer().getValue())) {
            throw AwsSamlRule.ASSERTION_ISSUER_MISMATCH.rejection(describe(assertion.getIssuer(), entityId));
        }
    }

    private static String describe(Issuer issuer, String entityId) {
        return "Issuer " + (issuer == null ? "absent" : "'" + issuer.getValue() + "'") + ", metadata entityID '" + entityId + "'";
    }
}
