package dev.kcaws.testsupport.awssp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;

/**
 * A fluent description of one SAML Response for {@link SignedResponseFactory}. Defaults describe a
 * response AWS accepts; each test changes the one thing it is about.
 */
final class ResponseSpec {
    /** One Attribute element. */
    record Attr(String name, List<String> values) {
    }

    private final SignedResponseFactory factory;

    String responseId = "_response-0001";
    String assertionId = "_assertion-0001";
    Instant issueInstant = SignedResponseFactory.NOW;
    String responseIssuer;
    String assertionIssuer;
    String destination = SignedResponseFactory.SIGNIN;
    String recipient = SignedResponseFactory.SIGNIN;
    String statusCode = "urn:oasis:names:tc:SAML:2.0:status:Success";
    List<String> audiences = List.of(AwsLikeServiceProvider.DEFAULT_AUDIENCE);
    Instant notBefore = SignedResponseFactory.NOW;
    Instant notOnOrAfter = SignedResponseFactory.NOW.plus(Duration.ofMinutes(5));
    Instant subjectNotOnOrAfter = SignedResponseFactory.NOW.plus(Duration.ofMinutes(5));
    String nameId = "alice";
    String nameIdFormat = NameIDType.PERSISTENT;
    final List<Attr> attributes = new ArrayList<>();
    boolean signAssertion = true;
    boolean signResponse = true;
    TestSigningKey assertionKey;
    TestSigningKey responseKey;
    boolean assertionSignatureReferencesResponse;
    final List<Consumer<Response>> customizers = new ArrayList<>();

    ResponseSpec(SignedResponseFactory factory) {
        this.factory = factory;
        this.responseIssuer = factory.entityId();
        this.assertionIssuer = factory.entityId();
        this.assertionKey = factory.key();
        this.responseKey = factory.key();
        attribute(SignedResponseFactory.ROLE, SignedResponseFactory.READ_ONLY_PAIR);
        attribute(SignedResponseFactory.ROLE_SESSION_NAME, "alice@example.com");
        attribute(SignedResponseFactory.SESSION_DURATION, "3600");
    }

    // ---- attributes ----

    /** Adds one more Attribute element (never merges: repeating a name makes a second element). */
    ResponseSpec attribute(String name, String... values) {
        attributes.add(new Attr(name, List.of(values)));
        return this;
    }

    ResponseSpec withoutAttribute(String name) {
        attributes.removeIf(a -> a.name().equals(name));
        return this;
    }

    /** Replaces every element of that name with one element holding these values, in place. */
    ResponseSpec replaceAttribute(String name, String... values) {
        int at = -1;
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                at = i;
                break;
            }
        }
        withoutAttribute(name);
        attributes.add(at < 0 ? attributes.size() : at, new Attr(name, Arrays.asList(values)));
        return this;
    }

    ResponseSpec roles(String... roleValues) {
        return replaceAttribute(SignedResponseFactory.ROLE, roleValues);
    }

    // ---- envelope and subject ----

    ResponseSpec ids(String responseId, String assertionId) {
        this.responseId = responseId;
        this.assertionId = assertionId;
        return this;
    }

    ResponseSpec issuers(String responseIssuer, String assertionIssuer) {
        this.responseIssuer = responseIssuer;
        this.assertionIssuer = assertionIssuer;
        return this;
    }

    ResponseSpec destination(String destination) {
        this.destination = destination;
        return this;
    }

    ResponseSpec recipient(String recipient) {
        this.recipient = recipient;
        return this;
    }

    /** Destination and Recipient together: what a correctly configured IdP sends for that endpoint. */
    ResponseSpec postedTo(String endpoint) {
        return destination(endpoint).recipient(endpoint);
    }

    ResponseSpec statusCode(String statusCode) {
        this.statusCode = statusCode;
        return this;
    }

    ResponseSpec audiences(String... audiences) {
        this.audiences = List.of(audiences);
        return this;
    }

    ResponseSpec conditions(Instant notBefore, Instant notOnOrAfter) {
        this.notBefore = notBefore;
        this.notOnOrAfter = notOnOrAfter;
        return this;
    }

    ResponseSpec subjectNotOnOrAfter(Instant subjectNotOnOrAfter) {
        this.subjectNotOnOrAfter = subjectNotOnOrAfter;
        return this;
    }

    ResponseSpec nameId(String value, String format) {
        this.nameId = value;
        this.nameIdFormat = format;
        return this;
    }

    // ---- signatures ----

    ResponseSpec signAssertion(boolean sign) {
        this.signAssertion = sign;
        return this;
    }

    ResponseSpec signResponse(boolean sign) {
        this.signResponse = sign;
        return this;
    }

    ResponseSpec assertionSignedWith(TestSigningKey key) {
        this.assertionKey = key;
        return this;
    }

    ResponseSpec responseSignedWith(TestSigningKey key) {
        this.responseKey = key;
        return this;
    }

    /** The assertion's signature covers the whole Response instead of the assertion itself. */
    ResponseSpec assertionSignatureReferencesResponse() {
        this.assertionSignatureReferencesResponse = true;
        return this;
    }

    /** Free-form change to the OpenSAML tree, applied before marshalling and signing. */
    ResponseSpec customize(Consumer<Response> customizer) {
        customizers.add(customizer);
        return this;
    }

    // ---- output ----

    /** The signed Response as XML text. */
    String xml() {
        return factory.signedXml(this);
    }

    /** The signed Response as the browser posts it. */
    String base64() {
        return base64(xml());
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
