package dev.kcaws.testsupport.awssp;

import java.util.ArrayList;
import java.util.List;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The assertion must be signed; a response signature is optional but, when present, must be good
 * too. Every signature must verify with a metadata signing key of at least 1024 bits.
 */
final class SignatureCheck {
    static final int MIN_RSA_BITS = 1024;

    private final List<IdpMetadata.TrustedSigningKey> trustedKeys;

    SignatureCheck(List<IdpMetadata.TrustedSigningKey> trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    void requireSigned(Response response, Assertion assertion) throws AwsSamlRejection {
        if (response.getSignature() != null) {
            requireValid(response, AwsSamlRule.RESPONSE_SIGNATURE_INVALID);
        }
        if (assertion.getSignature() == null) {
            throw AwsSamlRule.ASSERTION_NOT_SIGNED.rejection("Assertion " + assertion.getID() + " has no ds:Signature"
                    + (response.getSignature() != null ? " (a Response signature alone is not enough)" : ""));
        }
        requireValid(assertion, AwsSamlRule.ASSERTION_SIGNATURE_INVALID);
    }

    private void requireValid(SignableSAMLObject signed, AwsSamlRule invalid) throws AwsSamlRejection {
        String what = signed.getElementQName().getLocalPart();
        Signature signature = signed.getSignature();
        requireUniqueId(signed, what);
        try {
            // one Reference, pointing at this very element, only the allowed transforms
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw AwsSamlRule.SIGNATURE_PROFILE_INVALID.rejection(what + " signature: " + e.getMessage()
                    + " (Reference URI(s) " + referenceUris(signature) + ", " + what + " ID " + signed.getSignatureReferenceID() + ")");
        }
        Integer weakKeyBits = null;
        for (IdpMetadata.TrustedSigningKey key : trustedKeys) {
            if (verifies(signature, key)) {
                if (key.rsaBits() >= MIN_RSA_BITS) {
                    return;
                }
                weakKeyBits = key.rsaBits();
            }
        }
        if (weakKeyBits != null) {
            throw AwsSamlRule.SIGNING_KEY_TOO_WEAK.rejection(what + " signed with a " + weakKeyBits + "-bit RSA key");
        }
        throw invalid.rejection(what + " signature verifies with none of the " + trustedKeys.size() + " metadata signing key(s)");
    }

    private static boolean verifies(Signature signature, IdpMetadata.TrustedSigningKey key) {
        try {
            SignatureValidator.validate(signature, key.credential());
            return true;
        } catch (SignatureException e) {
            return false;
        }
    }

    private static List<String> referenceUris(Signature signature) {
        List<String> uris = new ArrayList<>();
        if (signature.getDOM() != null) {
            NodeList references = signature.getDOM().getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "Reference");
            for (int i = 0; i < references.getLength(); i++) {
                uris.add(((Element) references.item(i)).getAttribute("URI"));
            }
        }
        return uris;
    }

    /** A duplicated ID lets getElementById pick either twin; refuse instead of guessing. */
    private static void requireUniqueId(SignableSAMLObject signed, String what) throws AwsSamlRejection {
        String id = signed.getSignatureReferenceID();
        if (id == null || id.isEmpty()) {
            throw AwsSamlRule.SIGNATURE_PROFILE_INVALID.rejection(what + " has no ID to sign");
        }
        int count = countAttributeValue(signed.getDOM().getOwnerDocument().getDocumentElement(), id);
        if (count != 1) {
            throw AwsSamlRule.SIGNED_ID_NOT_UNIQUE.rejection(what + " ID '" + id + "' appears on " + count + " elements");
        }
    }

    private static int countAttributeValue(Element element, String id) {
        int count = 0;
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getLocalName();
            if (("ID".equals(name) || "Id".equals(name) || "id".equals(name)) && id.equals(attributes.item(i).getNodeValue())) {
                count++;
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                count += countAttributeValue(child, id);
            }
        }
        return count;
    }
}
