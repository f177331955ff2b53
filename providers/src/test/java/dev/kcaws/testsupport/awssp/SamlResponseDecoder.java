package dev.kcaws.testsupport.awssp;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Response;
import org.w3c.dom.Document;

/** From the posted SAMLResponse form value to an OpenSAML Response that keeps its DOM (signatures need it). */
final class SamlResponseDecoder {
    /** AssumeRoleWithSAML's SAMLAssertion length limits, in base64 characters. */
    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 100_000;

    private SamlResponseDecoder() {
    }

    static Response decode(String samlResponseBase64) throws AwsSamlRejection {
        byte[] xml = base64Decoded(requireSize(samlResponseBase64));
        requireUtf8(xml);
        Document doc = parse(xml);
        if (doc.getXmlEncoding() != null && !"UTF-8".equalsIgnoreCase(doc.getXmlEncoding())) {
            throw AwsSamlRule.NOT_UTF8.rejection("XML declaration says encoding=" + doc.getXmlEncoding());
        }
        return response(doc);
    }

    private static String requireSize(String base64) throws AwsSamlRejection {
        int length = base64 == null ? 0 : base64.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw AwsSamlRule.RESPONSE_SIZE.rejection("length " + length);
        }
        return base64;
    }

    private static byte[] base64Decoded(String base64) throws AwsSamlRejection {
        try {
            // form posts may wrap base64 at 76 columns; nothing else is tolerated
            return Base64.getDecoder().decode(base64.replaceAll("[\\r\\n]", ""));
        } catch (IllegalArgumentException e) {
            throw AwsSamlRule.NOT_BASE64.rejection(e.getMessage());
        }
    }

    private static void requireUtf8(byte[] xml) throws AwsSamlRejection {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(xml));
        } catch (CharacterCodingException e) {
            throw AwsSamlRule.NOT_UTF8.rejection("bytes are not valid UTF-8: " + e);
        }
    }

    private static Document parse(byte[] xml) throws AwsSamlRejection {
        try {
            return OpenSaml.parse(new ByteArrayInputStream(xml));
        } catch (XMLParserException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw AwsSamlRule.XML_REJECTED.rejection(cause.getMessage());
        }
    }

    private static Response response(Document doc) throws AwsSamlRejection {
        var element = doc.getDocumentElement();
        if (!SAMLConstants.SAML20P_NS.equals(element.getNamespaceURI()) || !"Response".equals(element.getLocalName())) {
            throw AwsSamlRule.NOT_A_SAML2_RESPONSE.rejection("root is {" + element.getNamespaceURI() + "}" + element.getLocalName());
        }
        XMLObject root;
        try {
            root = OpenSaml.unmarshall(doc.getDocumentElement());
        } catch (UnmarshallingException e) {
            throw AwsSamlRule.NOT_A_SAML2_RESPONSE.rejection("cannot unmarshall: " + e.getMessage());
        }
        if (!(root instanceof Response response)) {
            throw AwsSamlRule.NOT_A_SAML2_RESPONSE.rejection("root is " + doc.getDocumentElement().getNodeName());
        }
        if (response.getVersion() == null || !SAMLVersion.VERSION_20.equals(response.getVersion())) {
            throw AwsSamlRule.NOT_A_SAML2_RESPONSE.rejection("Version is " + response.getVersion());
        }
        return response;
    }
}
