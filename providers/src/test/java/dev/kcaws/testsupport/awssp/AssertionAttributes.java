package dev.kcaws.testsupport.awssp;

import java.util.ArrayList;
import java.util.List;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;

/** Every Attribute element of the assertion, in document order, with its values as text. */
final class AssertionAttributes {
    static final String AWS = "https://aws.amazon.com/SAML/Attributes/";
    static final String ROLE = AWS + "Role";
    static final String ROLE_SESSION_NAME = AWS + "RoleSessionName";
    static final String SESSION_DURATION = AWS + "SessionDuration";
    static final String PRINCIPAL_TAG_PREFIX = AWS + "PrincipalTag:";
    static final String TRANSITIVE_TAG_KEYS = AWS + "TransitiveTagKeys";
    static final String SOURCE_IDENTITY = AWS + "SourceIdentity";

    /** One Attribute element; names compare case-sensitively, as AWS does. */
    record Element(String name, List<String> values) {
    }

    private final List<Element> elements;

    private AssertionAttributes(List<Element> elements) {
        this.elements = List.copyOf(elements);
    }

    static AssertionAttributes of(Assertion assertion) {
        List<Element> elements = new ArrayList<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                elements.add(new Element(attribute.getName(), attribute.getAttributeValues().stream().map(AssertionAttributes::text).toList()));
            }
        }
        return new AssertionAttributes(elements);
    }

    // The DOM text works whatever xsi:type the value carries (xs:string, xs:anyType, none).
    private static String text(XMLObject value) {
        if (value.getDOM() != null) {
            return value.getDOM().getTextContent();
        }
        return value instanceof XSString s && s.getValue() != null ? s.getValue() : "";
    }

    List<String> names() {
        return elements.stream().map(Element::name).toList();
    }

    List<Element> named(String name) {
        return elements.stream().filter(e -> name.equals(e.name())).toList();
    }

    List<Element> prefixed(String prefix) {
        return elements.stream().filter(e -> e.name() != null && e.name().startsWith(prefix)).toList();
    }
}
