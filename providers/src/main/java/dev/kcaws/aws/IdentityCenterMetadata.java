package dev.kcaws.aws;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Reads Identity Center's service-provider metadata (the file its console offers under
 * "Service provider metadata") into an {@link IdentityCenterSp}: the entity ID is the issuer, the
 * HTTP-POST assertion consumer services are the ACS URLs.
 *
 * <p>The text comes from an administrator's paste or upload, so it is parsed as untrusted XML: the
 * JDK's own parser with DOCTYPEs refused outright (no entities, no external DTD or schema, no
 * XInclude), secure processing on, and a size limit, so no entity expansion or external fetch
 * can happen whatever the document says.
 */
public final class IdentityCenterMetadata {

    public static final String FIELD = "metadata";
    /** Identity Center's file is a few kilobytes, one ACS URL per Region and stack. */
    public static final int MAX_CHARS = 256 * 1024;

    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private IdentityCenterMetadata() {
    }

    public static IdentityCenterSp parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new AwsRuleViolation(FIELD, AwsRule.MISSING);
        }
        if (xml.length() > MAX_CHARS) {
            throw new AwsRuleViolation(FIELD, AwsRule.MAX_CHARS_WAS, MAX_CHARS, xml.length());
        }
        String text = xml.charAt(0) == '\uFEFF' ? xml.substring(1) : xml;
        if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new AwsRuleViolation(FIELD, AwsRule.METADATA_DOCTYPE);
        }
        Element entity = entityDescriptor(document(text).getDocumentElement());
        String entityId = entity.getAttribute("entityID");
        String issuer;
        try {
            issuer = IdentityCenterSp.issuer(FIELD, entityId);
        } catch (AwsRuleViolation e) {
            throw new AwsRuleViolation(FIELD, AwsRule.METADATA_ENTITY_ID, e);
        }
        Element sp = spDescriptor(entity);
        List<Element> services = new ArrayList<>();
        for (Element acs : children(sp, "AssertionConsumerService")) {
            if (HTTP_POST.equals(acs.getAttribute("Binding"))) {
                services.add(acs);
            }
        }
        if (services.isEmpty()) {
            throw new AwsRuleViolation(FIELD, AwsRule.METADATA_NO_POST_ACS);
        }
        // The default first (where IdP-initiated sign-in posts), then by index, then as written.
        services.sort(Comparator.comparing((Element e) -> !"true".equals(e.getAttribute("isDefault").strip()))
                .thenComparingInt(IdentityCenterMetadata::index));
        Set<String> urls = new LinkedHashSet<>();
        for (Element acs : services) {
            try {
                urls.add(IdentityCenterSp.acsUrl(FIELD, acs.getAttribute("Location")));
            } catch (AwsRuleViolation e) {
                throw new AwsRuleViolation(FIELD, AwsRule.METADATA_ACS_LOCATION, e);
            }
        }
        if (urls.size() > IdentityCenterSp.MAX_ACS_URLS) {
            throw new AwsRuleViolation(FIELD, AwsRule.METADATA_ACS_URLS_MAX, urls.size(), IdentityCenterSp.MAX_ACS_URLS);
        }
        return new IdentityCenterSp(issuer, List.copyOf(urls));
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(Silent.INSTANCE);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not accepted");
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        } catch (SAXParseException e) {
            throw new AwsRuleViolation(FIELD, AwsRule.METADATA_XML_AT, e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new AwsRuleViolation(FIELD, AwsRule.METADATA_XML);
        }
    }

    // Identity Center's file is one EntityDescriptor; a one-entity EntitiesDescriptor is accepted too.
    private static Element entityDescriptor(Element root) {
        if (is(root, "EntityDescriptor")) {
            return root;
        }
        if (is(root, "EntitiesDescriptor")) {
            List<Element> entities = children(root, "EntityDescriptor");
            if (entities.size() == 1 && children(root, "EntitiesDescriptor").isEmpty()) {
                return entities.get(0);
            }
        }
        throw new AwsRuleViolation(FIELD, AwsRule.METADATA_ROOT, Shown.value(root.getLocalName()));
    }

    private static Element spDescriptor(Element entity) {
        for (Element sp : children(entity, "SPSSODescriptor")) {
            if (List.of(sp.getAttribute("protocolSupportEnumeration").trim().split("\\s+")).contains(SAML2_PROTOCOL)) {
                return sp;
            }
        }
        AwsRule rule = children(entity, "IDPSSODescriptor").isEmpty() ? AwsRule.METADATA_NO_SP : AwsRule.METADATA_IDP;
        throw new AwsRuleViolation(FIELD, rule);
    }

    private static int index(Element acs) {
        try {
            return Integer.parseInt(acs.getAttribute("index").strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static boolean is(Element element, String localName) {
        return MD.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, localName)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Parse errors become the field's violation; the default handler would print them to stderr. */
    private enum Silent implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
