package dev.kcaws.testsupport.awssp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each rule the Identity Center-like SP enforces, refused on its own; and what it accepts. */
class IdentityCenterLikeServiceProviderTest {
    static final String ISSUER = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367000000";
    static final String ACS = "https://eu-west-1.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String ACS_DUAL = "https://eu-west-1.sso.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String ALICE = "alice@example.com";

    private final SignedResponseFactory realm = SignedResponseFactory.realm();
    private final IdentityCenterLikeServiceProvider identityCenter = IdentityCenterLikeServiceProvider.instance(ISSUER, ACS, ACS_DUAL)
            .trustingIdpMetadata(realm.metadataXml()).withClock(SignedResponseFactory.FIXED_CLOCK).withProvisionedUsers(List.of(ALICE));

    /** What a correct IdP sends Identity Center: email NameID, its issuer as audience, addressed to the ACS URL. */
    private ResponseSpec valid() {
        return realm.validResponse().withoutAttribute(SignedResponseFactory.ROLE).withoutAttribute(SignedResponseFactory.ROLE_SESSION_NAME)
                .withoutAttribute(SignedResponseFactory.SESSION_DURATION)
                .nameId(ALICE, IdentityCenterLikeServiceProvider.NAME_ID_EMAIL).audiences(ISSUER).postedTo(ACS);
    }

    private static IdentityCenterRejection refused(ThrowingCallable accept, IdentityCenterRule rule, AwsSamlRule samlRule) {
        IdentityCenterRejection[] caught = new IdentityCenterRejection[1];
        assertThatThrownBy(accept).isInstanceOfSatisfying(IdentityCenterRejection.class, r -> {
            caught[0] = r;
            assertThat(r.rule()).as(r.getMessage()).isEqualTo(rule);
            assertThat(r.samlRule()).as(r.getMessage()).isEqualTo(samlRule);
        });
        return caught[0];
    }

    @Test
    void acceptsAValidResponseAndSignsInTheProvisionedUser() throws Exception {
        IdentityCenterSignIn signIn = identityCenter.accept(valid().base64(), null, ACS);
        assertThat(signIn.userName()).isEqualTo(ALICE);
        assertThat(signIn.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(signIn.inResponseTo()).isNull();
        assertThat(signIn.accessControl()).isEmpty();
        // Any ACS URL of the instance, when the response is addressed to it.
        assertThat(identityCenter.accept(valid().postedTo(ACS_DUAL).base64(), null, ACS_DUAL).userName()).isEqualTo(ALICE);
    }

    @Test
    void theNameIdMustBeInEmailFormat() {
        refused(() -> identityCenter.accept(valid().nameId(ALICE, "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent").base64(), null, ACS),
                IdentityCenterRule.NAME_ID_FORMAT_NOT_EMAIL, null);
        refused(() -> identityCenter.accept(valid().nameId(ALICE, "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified").base64(), null, ACS),
                IdentityCenterRule.NAME_ID_FORMAT_NOT_EMAIL, null);
    }

    @Test
    void theNameIdMustBeAProvisionedUserName() {
        refused(() -> identityCenter.accept(valid().nameId("bob@example.com", IdentityCenterLikeServiceProvider.NAME_ID_EMAIL).base64(), null, ACS),
                IdentityCenterRule.NAME_ID_NOT_PROVISIONED, null);
        // Exactly the userName: another case is another user.
        refused(() -> identityCenter.accept(valid().nameId("Alice@Example.com", IdentityCenterLikeServiceProvider.NAME_ID_EMAIL).base64(), null, ACS),
                IdentityCenterRule.NAME_ID_NOT_PROVISIONED, null);
        refused(() -> identityCenter.accept(valid().nameId(null, null).base64(), null, ACS), IdentityCenterRule.SAML_RESPONSE, AwsSamlRule.NAME_ID_MISSING);
        refused(() -> identityCenter.accept(valid().nameId("", IdentityCenterLikeServiceProvider.NAME_ID_EMAIL).base64(), null, ACS),
                IdentityCenterRule.SAML_RESPONSE, AwsSamlRule.NAME_ID_MISSING);
    }

    @Test
    void theNameIdMustBeAnAddress() {
        IdentityCenterLikeServiceProvider withPlainNames = identityCenter.withProvisionedUsers(List.of("alice", ALICE));
        refused(() -> withPlainNames.accept(valid().nameId("alice", IdentityCenterLikeServiceProvider.NAME_ID_EMAIL).base64(), null, ACS),
                IdentityCenterRule.NAME_ID_NOT_AN_ADDRESS, null);
    }

    @Test
    void theAudienceMustBeTheIssuer() {
        refused(() -> identityCenter.accept(valid().audiences("urn:amazon:webservices").base64(), null, ACS),
                IdentityCenterRule.SAML_RESPONSE, AwsSamlRule.AUDIENCE_MISMATCH);
    }

    @Test
    void theResponseMustBeAddressedToTheAcsUrlPostedTo() {
        refused(() -> identityCenter.accept(valid().destination(ACS_DUAL).base64(), null, ACS), IdentityCenterRule.SAML_RESPONSE,
                AwsSamlRule.DESTINATION_MISMATCH);
        refused(() -> identityCenter.accept(valid().recipient(ACS_DUAL).base64(), null, ACS), IdentityCenterRule.SAML_RESPONSE,
                AwsSamlRule.RECIPIENT_MISMATCH);
        refused(() -> identityCenter.accept(valid().postedTo(SignedResponseFactory.SIGNIN).base64(), null, SignedResponseFactory.SIGNIN),
                IdentityCenterRule.ACS_UNKNOWN, null);
    }

    @Test
    void theAssertionMustBeSignedByTheUploadedIdpKey() {
        refused(() -> identityCenter.accept(valid().signAssertion(false).base64(), null, ACS), IdentityCenterRule.SAML_RESPONSE,
                AwsSamlRule.ASSERTION_NOT_SIGNED);
        TestSigningKey other = TestSigningKey.generate(2048, "other");
        refused(() -> identityCenter.accept(valid().assertionSignedWith(other).signResponse(false).base64(), null, ACS),
                IdentityCenterRule.SAML_RESPONSE, AwsSamlRule.ASSERTION_SIGNATURE_INVALID);
        refused(() -> identityCenter.accept(valid().issuers("https://other.example/realms/x", "https://other.example/realms/x").base64(), null, ACS),
                IdentityCenterRule.SAML_RESPONSE, AwsSamlRule.RESPONSE_ISSUER_MISMATCH);
    }

    @Test
    void accessControlAttributesArePassedWhenTheyKeepStsTagRules() throws Exception {
        String prefix = IdentityCenterLikeServiceProvider.ACCESS_CONTROL_PREFIX;
        IdentityCenterSignIn signIn = identityCenter.accept(valid().attribute(prefix + "CostCenter", "blue")
                .attribute(prefix + "Team name", "Platform Eng").base64(), null, ACS);
        assertThat(signIn.accessControl()).containsExactly(java.util.Map.entry("CostCenter", "blue"), java.util.Map.entry("Team name", "Platform Eng"));

        refused(() -> identityCenter.accept(valid().attribute(prefix + "CostCenter", "blue").attribute(prefix + "costcenter", "red").base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_KEY_REPEATED, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "CostCenter", "blue", "red").base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_INVALID, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "CostCenter", "v".repeat(257)).base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_INVALID, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "CostCenter", "<b>").base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_INVALID, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "k".repeat(129), "v").base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_INVALID, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "aws:team", "v").base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_INVALID, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "CostCenter", "blue").customize(r -> r.getAssertions().get(0)
                        .getAttributeStatements().get(0).getAttributes().get(0).setNameFormat("urn:example:generic")).base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_NAME_FORMAT, null);
        refused(() -> identityCenter.accept(valid().attribute(prefix + "CostCenter", "blue").customize(r -> {
                    var attribute = r.getAssertions().get(0).getAttributeStatements().get(0).getAttributes().get(0);
                    var builder = (org.opensaml.core.xml.schema.impl.XSAnyBuilder) org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport
                            .getBuilderFactory().<org.opensaml.core.xml.schema.XSAny>getBuilderOrThrow(org.opensaml.core.xml.schema.XSAny.TYPE_NAME);
                    var value = builder.buildObject(org.opensaml.saml.saml2.core.AttributeValue.DEFAULT_ELEMENT_NAME);
                    var child = builder.buildObject("urn:example", "team", "ex");
                    child.setTextContent("blue");
                    value.getUnknownXMLObjects().add(child);
                    attribute.getAttributeValues().clear();
                    attribute.getAttributeValues().add(value);
                }).base64(), null, ACS),
                IdentityCenterRule.ACCESS_CONTROL_INVALID, null);
        ResponseSpec many = valid();
        for (int i = 0; i <= 50; i++) {
            many.attribute(prefix + "Key" + i, "v");
        }
        refused(() -> identityCenter.accept(many.base64(), null, ACS), IdentityCenterRule.ACCESS_CONTROL_TOO_MANY, null);
    }

    @Test
    void aResponseToAnAuthnRequestMustAnswerOneItSentOnce() throws Exception {
        String url = identityCenter.authnRequestUrl("https://idp.example/realms/r/protocol/saml", ACS, "https://portal.example/");
        String requestXml = inflate(query(url, "SAMLRequest"));
        assertThat(requestXml).contains("AssertionConsumerServiceURL=\"" + ACS + "\"").contains(ISSUER).contains(IdentityCenterLikeServiceProvider.NAME_ID_EMAIL);
        assertThat(query(url, "RelayState")).isEqualTo("https://portal.example/");
        String id = requestXml.replaceAll("(?s).*\\sID=\"([^\"]+)\".*", "$1");

        ResponseSpec answer = valid().customize(r -> {
            r.setInResponseTo(id);
            r.getAssertions().get(0).getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData().setInResponseTo(id);
        });
        assertThat(identityCenter.accept(answer.base64(), "https://portal.example/", ACS).inResponseTo()).isEqualTo(id);
        refused(() -> identityCenter.accept(answer.base64(), null, ACS), IdentityCenterRule.IN_RESPONSE_TO_UNKNOWN, null);
        refused(() -> identityCenter.accept(valid().customize(r -> r.setInResponseTo("_never-sent")).base64(), null, ACS),
                IdentityCenterRule.IN_RESPONSE_TO_UNKNOWN, null);
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static String inflate(String base64) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InflaterOutputStream inflater = new InflaterOutputStream(out, new Inflater(true))) {
            inflater.write(Base64.getDecoder().decode(base64));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
