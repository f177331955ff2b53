package dev.kcaws.testsupport.awssp;

import java.util.regex.Pattern;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.NameID;

/** AWS wants a NameID whose format is persistent, transient or any other full URI. */
final class NameIdCheck {
    // a URN or URL: scheme, colon, something
    private static final Pattern FULL_URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+");

    private NameIdCheck() {
    }

    static NameID requireNameId(Assertion assertion) throws AwsSamlRejection {
        NameID nameId = assertion.getSubject() == null ? null : assertion.getSubject().getNameID();
        if (nameId == null) {
            boolean encrypted = assertion.getSubject() != null && assertion.getSubject().getEncryptedID() != null;
            throw AwsSamlRule.NAME_ID_MISSING.rejection(encrypted ? "only an EncryptedID" : "Subject has no NameID");
        }
        if (nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw AwsSamlRule.NAME_ID_MISSING.rejection("NameID is empty");
        }
        if (nameId.getFormat() == null || !FULL_URI.matcher(nameId.getFormat()).matches()) {
            throw AwsSamlRule.NAME_ID_FORMAT_NOT_URI.rejection("Format '" + nameId.getFormat() + "'");
        }
        return nameId;
    }
}
