package dev.kcaws.testsupport.awssts;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Where a SAML response was addressed. STS receives the assertion out of band, not by a browser
 * POST, so "posted to" is what the response itself names: the Response's {@code Destination}, else
 * the bearer {@code SubjectConfirmationData}'s {@code Recipient}. The service provider then checks
 * it is an AWS sign-in endpoint and that the Recipient (IAM's {@code SAML:aud}) equals it.
 */
final class AssertionAddress {
    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    private AssertionAddress() {
    }

    /** Empty when the response cannot be read at all (the service provider then says why). */
    static Optional<String> of(String samlResponseBase64) {
        try {
            byte[] xml = Base64.getDecoder().decode(samlResponseBase64.replaceAll("[\\r\\n]", ""));
            Element root = parse(xml).getDocumentElement();
            if (PROTOCOL_NS.equals(root.getNamespaceURI()) && root.hasAttribute("Destination")) {
                return Optional.of(root.getAttribute("Destination"));
            }
            NodeList data = root.getElementsByTagNameNS(ASSERTION_NS, "SubjectConfirmationData");
            for (int i = 0; i < data.getLength(); i++) {
                Element e = (Element) data.item(i);
                if (e.hasAttribute("Recipient")) {
                    return Optional.of(e.getAttribute("Recipient"));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // quiet: the service provider reports what is wrong
        return builder.parse(new ByteArrayInputStream(xml));
    }
}
