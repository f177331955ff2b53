package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.Rejections.INVALID_RESPONSE;
import static dev.kcaws.testsupport.awssp.Rejections.SIGNATURE_INVALID;
import static dev.kcaws.testsupport.awssp.Rejections.assertRejected;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ENTITY_ID;
import static dev.kcaws.testsupport.awssp.SignedResponseFactory.SIGNIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The assertion must be signed, and every signature must verify with a metadata key. */
class SignatureRulesTest {
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static TestSigningKey otherKey;

    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final AwsLikeServiceProvider aws = realm.serviceProvider();

    @BeforeAll
    static void generateAnotherKey() {
        otherKey = TestSigningKey.generate(2048, "attacker");
    }

    @Test
    void refusesAnUnsignedAssertionEvenInsideASignedResponse() {
        String posted = realm.validResponse().signAssertion(false).signResponse(true).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ASSERTION_NOT_SIGNED, SIGNATURE_INVALID);
    }

    @Test
    void refusesAResponseWithNoSignatureAtAll() {
        String posted = realm.validResponse().signAssertion(false).signResponse(false).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ASSERTION_NOT_SIGNED, SIGNATURE_INVALID);
    }

    @Test
    void refusesAnAssertionSignedByAKeyNotInTheMetadata() {
        String posted = realm.validResponse().signResponse(false).assertionSignedWith(otherKey).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.ASSERTION_SIGNATURE_INVALID, SIGNATURE_INVALID);
    }

    @Test
    void refusesAResponseSignatureByAKeyNotInTheMetadataEvenWhenTheAssertionIsGood() {
        String posted = realm.validResponse().responseSignedWith(otherKey).base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.RESPONSE_SIGNATURE_INVALID, SIGNATURE_INVALID);
    }

    @Test
    void refusesAnAttributeTamperedWithAfterSigning() throws Exception {
        String signed = realm.validResponse().signResponse(false).xml();
        String tampered = signed.replace("role/ReadOnly", "role/Admin");
        assertThat(tampered).isNotEqualTo(signed);
        assertThat(aws.accept(ResponseSpec.base64(signed), SIGNIN).rolePairs().get(0).roleName()).isEqualTo("ReadOnly");

        assertRejected(() -> aws.accept(ResponseSpec.base64(tampered), SIGNIN), AwsSamlRule.ASSERTION_SIGNATURE_INVALID, SIGNATURE_INVALID);
    }

    @Test
    void refusesTamperingCaughtByTheResponseSignatureFirst() {
        String tampered = realm.validResponse().xml().replace("role/ReadOnly", "role/Admin");

        assertRejected(() -> aws.accept(ResponseSpec.base64(tampered), SIGNIN), AwsSamlRule.RESPONSE_SIGNATURE_INVALID, SIGNATURE_INVALID);
    }

    @Test
    void refusesAValidSignatureByAKeyUnder1024Bits() {
        SignedResponseFactory weakRealm = new SignedResponseFactory(ENTITY_ID, TestSigningKey.generate(512, "weak"));
        AwsLikeServiceProvider trustingWeakKey = weakRealm.serviceProvider();

        AwsSamlRejection rejection = assertRejected(() -> trustingWeakKey.accept(weakRealm.validResponse().base64(), SIGNIN),
                AwsSamlRule.SIGNING_KEY_TOO_WEAK, SIGNATURE_INVALID);
        assertThat(rejection.detail()).contains("512-bit");
    }

    @Test
    void refusesAnAssertionSignatureWhoseReferencePointsAtAnotherElement() {
        String posted = realm.validResponse().signResponse(false).assertionSignatureReferencesResponse().base64();

        AwsSamlRejection rejection = assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SIGNATURE_PROFILE_INVALID, SIGNATURE_INVALID);
        assertThat(rejection.detail()).contains("_response-0001");
    }

    @Test
    void refusesASignedIdThatIsNotUniqueInTheDocument() {
        String posted = realm.validResponse().signResponse(false).ids("_same", "_same").base64();

        assertRejected(() -> aws.accept(posted, SIGNIN), AwsSamlRule.SIGNED_ID_NOT_UNIQUE, SIGNATURE_INVALID);
    }

    @Test
    void refusesSignatureWrappingWithTheGenuineAssertionHiddenInExtensions() throws Exception {
        // XSW: the forged assertion sits where the SP reads; the signed original hides in Extensions
        Document doc = parse(realm.validResponse().signResponse(false).xml());
        Element response = doc.getDocumentElement();
        Element genuine = (Element) doc.getElementsByTagNameNS(SAML, "Assertion").item(0);
        Element forged = (Element) genuine.cloneNode(true);
        forged.setAttribute("ID", "_forged");
        forged.getElementsByTagNameNS(SAML, "AttributeValue").item(0)
                .setTextContent("arn:aws:iam::123456789012:role/Admin,arn:aws:iam::123456789012:saml-provider/Keycloak");
        Element extensions = doc.createElementNS(SAMLP, "saml2p:Extensions");
        response.replaceChild(forged, genuine);
        extensions.appendChild(genuine);
        response.insertBefore(extensions, doc.getElementsByTagNameNS(SAMLP, "Status").item(0));

        AwsSamlRejection rejection = assertRejected(() -> aws.accept(ResponseSpec.base64(serialize(doc)), SIGNIN),
                AwsSamlRule.NOT_EXACTLY_ONE_ASSERTION, INVALID_RESPONSE);
        assertThat(rejection.detail()).contains("2 in the document");
    }

    @Test
    void refusesAnAssertionSignedWithTheEncryptionKeyOfTheMetadata() {
        TestSigningKey encryptionKey = otherKey;
        String metadata = SignedResponseFactory.metadataXml(ENTITY_ID, List.of(realm.key()), List.of(encryptionKey));
        AwsLikeServiceProvider sp = AwsLikeServiceProvider.trustingIdpMetadata(metadata).withClock(SignedResponseFactory.FIXED_CLOCK);

        String posted = realm.validResponse().signResponse(false).assertionSignedWith(encryptionKey).base64();

        assertRejected(() -> sp.accept(posted, SIGNIN), AwsSamlRule.ASSERTION_SIGNATURE_INVALID, SIGNATURE_INVALID);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialize(Document doc) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }
}
