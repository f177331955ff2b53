package dev.kcaws.testsupport.awssp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;

/**
 * Test fixture playing a Keycloak realm: one RSA signing key, the realm's IdP metadata, and signed
 * SAML Responses built with OpenSAML from a {@link ResponseSpec}.
 */
final class SignedResponseFactory {
    static final String ENTITY_ID = "https://keycloak.example.test/realms/aws";
    static final String SIGNIN = "https://signin.aws.amazon.com/saml";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    static final String ROLE_SESSION_NAME = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    static final String SESSION_DURATION = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
    static final String PRINCIPAL_TAG = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
    static final String TRANSITIVE_TAG_KEYS = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";
    static final String SOURCE_IDENTITY = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";

    static final String ACCOUNT = "123456789012";
    static final String READ_ONLY_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/ReadOnly";
    static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":saml-provider/Keycloak";
    static final String READ_ONLY_PAIR = READ_ONLY_ROLE + "," + PROVIDER;

    // RSA key generation is slow: every test shares one realm key unless it asks for another.
    private static TestSigningKey sharedKey;

    private final String entityId;
    private final TestSigningKey key;

    SignedResponseFactory(String entityId, TestSigningKey key) {
        OpenSaml.initialize();
        this.entityId = entityId;
        this.key = key;
    }

    /** The usual realm: {@link #ENTITY_ID}, a 2048-bit key. */
    static SignedResponseFactory realm() {
        return new SignedResponseFactory(ENTITY_ID, sharedKey());
    }

    static synchronized TestSigningKey sharedKey() {
        if (sharedKey == null) {
            sharedKey = TestSigningKey.generate(2048, "aws");
        }
        return sharedKey;
    }

    String entityId() {
        return entityId;
    }

    TestSigningKey key() {
        return key;
    }

    /** An SP trusting this realm, at the fixture's fixed time. */
    AwsLikeServiceProvider serviceProvider() {
        return AwsLikeServiceProvider.trustingIdpMetadata(metadataXml()).withClock(FIXED_CLOCK);
    }

    ResponseSpec validResponse() {
        return new ResponseSpec(this);
    }

    String metadataXml() {
        return metadataXml(entityId, List.of(key), List.of());
    }

    /** Shaped like Keycloak's /realms/{realm}/protocol/saml/descriptor. */
    static String metadataXml(String entityId, List<TestSigningKey> signingKeys, List<TestSigningKey> encryptionKeys) {
        StringBuilder keyDescriptors = new StringBuilder();
        signingKeys.forEach(k -> keyDescriptors.append(keyDescriptor("signing", k)));
        encryptionKeys.forEach(k -> keyDescriptors.append(keyDescriptor("encryption", k)));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" \
                xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%1$s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                %2$s    <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="%1$s/protocol/saml/resolve" index="0"/>
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%1$s/protocol/saml"/>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%1$s/protocol/saml"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%1$s/protocol/saml"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, keyDescriptors);
    }

    private static String keyDescriptor(String use, TestSigningKey k) {
        return """
                    <md:KeyDescriptor use="%s">
                      <ds:KeyInfo>
                        <ds:KeyName>%s</ds:KeyName>
                        <ds:X509Data>
                          <ds:X509Certificate>%s</ds:X509Certificate>
                        </ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                """.formatted(use, k.certificate().getSerialNumber().toString(16), k.certificateBase64());
    }

    // ---- building and signing ----

    String signedXml(ResponseSpec spec) {
        try {
            Response response = response(spec);
            Assertion assertion = assertion(spec);
            response.getAssertions().add(assertion);
            Signature assertionSignature = spec.signAssertion ? signature(spec.assertionKey) : null;
            if (assertionSignature != null) {
                assertion.setSignature(assertionSignature);
                if (spec.assertionSignatureReferencesResponse) {
                    assertionSignature.getContentReferences().clear();
                    assertionSignature.getContentReferences().add(new SAMLObjectContentReference(response));
                }
            }
            Signature responseSignature = spec.signResponse ? signature(spec.responseKey) : null;
            if (responseSignature != null) {
                response.setSignature(responseSignature);
            }
            spec.customizers.forEach(c -> c.accept(response));
            XMLObjectSupport.marshall(response);
            // inner first: the response signature's digest covers the signed assertion
            if (assertionSignature != null && response.getAssertions().contains(assertion)) {
                Signer.signObject(assertionSignature);
            }
            if (responseSignature != null) {
                Signer.signObject(responseSignature);
            }
            return SerializeSupport.nodeToString(response.getDOM());
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test response", e);
        }
    }

    private Response response(ResponseSpec spec) {
        Response response = build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(spec.responseId);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(spec.issueInstant);
        response.setDestination(spec.destination);
        if (spec.responseIssuer != null) {
            response.setIssuer(issuer(spec.responseIssuer));
        }
        Status status = build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(spec.statusCode);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    /** The assertion of a spec, unsigned; also usable by customizers that add a second one. */
    static Assertion assertion(ResponseSpec spec) {
        Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(spec.assertionId);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(spec.issueInstant);
        if (spec.assertionIssuer != null) {
            assertion.setIssuer(issuer(spec.assertionIssuer));
        }
        assertion.setSubject(subject(spec));
        assertion.setConditions(conditions(spec));
        assertion.getAuthnStatements().add(authnStatement(spec));
        if (!spec.attributes.isEmpty()) {
            AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
            spec.attributes.forEach(a -> statement.getAttributes().add(attribute(a)));
            assertion.getAttributeStatements().add(statement);
        }
        return assertion;
    }

    private static Subject subject(ResponseSpec spec) {
        Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
        if (spec.nameId != null) {
            NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
            nameId.setValue(spec.nameId);
            nameId.setFormat(spec.nameIdFormat);
            subject.setNameID(nameId);
        }
        subject.getSubjectConfirmations().add(bearerConfirmation(spec));
        return subject;
    }

    static SubjectConfirmation bearerConfirmation(ResponseSpec spec) {
        SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setNotOnOrAfter(spec.subjectNotOnOrAfter);
        data.setRecipient(spec.recipient);
        confirmation.setSubjectConfirmationData(data);
        return confirmation;
    }

    private static Conditions conditions(ResponseSpec spec) {
        Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(spec.notBefore);
        conditions.setNotOnOrAfter(spec.notOnOrAfter);
        if (!spec.audiences.isEmpty()) {
            AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            for (String uri : spec.audiences) {
                Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
                audience.setURI(uri);
                restriction.getAudiences().add(audience);
            }
            conditions.getAudienceRestrictions().add(restriction);
        }
        return conditions;
    }

    private static AuthnStatement authnStatement(ResponseSpec spec) {
        AuthnStatement statement = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(spec.issueInstant);
        statement.setSessionIndex("session-1");
        AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(AuthnContext.UNSPECIFIED_AUTHN_CTX);
        context.setAuthnContextClassRef(classRef);
        statement.setAuthnContext(context);
        return statement;
    }

    private static Attribute attribute(ResponseSpec.Attr attr) {
        Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(attr.name());
        attribute.setNameFormat(Attribute.BASIC);
        for (String v : attr.values()) {
            // as Keycloak sends them: <saml:AttributeValue xsi:type="xs:string">
            XSString value = XMLObjectProviderRegistrySupport.getBuilderFactory().<XSString>getBuilderOrThrow(XSString.TYPE_NAME)
                    .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
            value.setValue(v);
            attribute.getAttributeValues().add(value);
        }
        return attribute;
    }

    private static Issuer issuer(String value) {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        return issuer;
    }

    private static Signature signature(TestSigningKey key) throws Exception {
        Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(key.signingCredential());
        signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        signature.setKeyInfo(keyInfo.newInstance().generate(key.signingCredential()));
        return signature;
    }

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName elementName) {
        OpenSaml.initialize();
        return (T) XMLObjectSupport.buildXMLObject(elementName);
    }
}
