package dev.kcaws.testsupport.awssp;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Document;

/** Success status and exactly one cleartext Assertion, the Response's own child. */
final class ResponseStructureCheck {
    private ResponseStructureCheck() {
    }

    static void requireSuccess(Response response) throws AwsSamlRejection {
        StatusCode code = response.getStatus() == null ? null : response.getStatus().getStatusCode();
        String value = code == null ? null : code.getValue();
        if (!StatusCode.SUCCESS.equals(value)) {
            throw AwsSamlRule.STATUS_NOT_SUCCESS.rejection("StatusCode is " + value);
        }
    }

    /**
     * Counting Assertion elements in the whole document, not only the Response's children, means a
     * signed assertion hidden elsewhere (Extensions, Advice, ds:Object) cannot ride along next to a
     * forged one: the signature-wrapping layouts all need two.
     */
    static Assertion singleCleartextAssertion(Response response) throws AwsSamlRejection {
        if (!response.getEncryptedAssertions().isEmpty()) {
            throw AwsSamlRule.ENCRYPTED_ASSERTION_UNSUPPORTED.rejection(
                    response.getEncryptedAssertions().size() + " EncryptedAssertion element(s)");
        }
        Document doc = response.getDOM().getOwnerDocument();
        int inDocument = doc.getElementsByTagNameNS(SAMLConstants.SAML20_NS, Assertion.DEFAULT_ELEMENT_LOCAL_NAME).getLength();
        if (response.getAssertions().size() != 1 || inDocument != 1) {
            throw AwsSamlRule.NOT_EXACTLY_ONE_ASSERTION.rejection(
                    response.getAssertions().size() + " Assertion child(ren) of the Response, " + inDocument + " in the document");
        }
        return response.getAssertions().get(0);
    }
}
