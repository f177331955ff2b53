package dev.kcaws.saml;

import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.RoleSessionName;
import dev.kcaws.aws.SessionTag;
import dev.kcaws.aws.SourceIdentity;

/**
 * An upper bound of the base64 SAMLResponse Keycloak will post, computed before it is built, so a
 * login AWS would reject (over 100,000 characters) is refused with a clear page instead. The
 * per-element sizes are Keycloak 26.7.3's serialisation; ResponseSizeIT checks them on real responses.
 */
public final class ResponseSizeEstimate {

    /** {@code <saml:Attribute Name="" NameFormat="...basic"></saml:Attribute>} */
    static final int ATTRIBUTE_XML_BYTES = 104;
    /** {@code <saml:AttributeValue xmlns:xs=... xmlns:xsi=... xsi:type="xs:string"></saml:AttributeValue>} */
    static final int VALUE_XML_BYTES = 162;

    private ResponseSizeEstimate() {
    }

    public static int base64Chars(AssertionPlan plan, ResponseEnvelope envelope) {
        long bytes = envelope.bytes();
        bytes += attribute(RolePair.ATTRIBUTE);
        for (RolePair pair : plan.rolePairs()) {
            bytes += value(pair.attributeValue());
        }
        bytes += attribute(RoleSessionName.ATTRIBUTE) + value(plan.roleSessionName().value());
        if (plan.sessionDuration() != null) {
            bytes += attribute("https://aws.amazon.com/SAML/Attributes/SessionDuration") + value(Integer.toString(plan.sessionDuration().seconds()));
        }
        for (SessionTag tag : plan.principalTags()) {
            bytes += attribute(tag.attributeName()) + value(tag.value());
        }
        if (!plan.transitiveTagKeys().isEmpty()) {
            bytes += attribute(SessionTag.TRANSITIVE_KEYS_ATTRIBUTE);
            for (String key : plan.transitiveTagKeys()) {
                bytes += value(key);
            }
        }
        if (plan.sourceIdentity() != null) {
            bytes += attribute(SourceIdentity.ATTRIBUTE) + value(plan.sourceIdentity().value());
        }
        return ResponseEnvelope.base64Chars((int) Math.min(Integer.MAX_VALUE / 2, bytes));
    }

    private static int attribute(String name) {
        return ATTRIBUTE_XML_BYTES + name.length();
    }

    /** Escaping can grow a character to six bytes ({@code &quot;}); non-ASCII UTF-8 to four. */
    private static int value(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') ? 6 : c < 0x80 ? 1 : 4;
        }
        return VALUE_XML_BYTES + bytes;
    }

}
