package dev.kcaws.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity Center's issuer, ACS and access portal URLs, and reading its service-provider metadata safely. */
class IdentityCenterSpTest {

    static final String ISSUER = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367000000";
    static final String ACS_IPV4 = "https://eu-west-1.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String ACS_DUAL = "https://eu-west-1.sso.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String ACS_OLD = "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";
    static final String ACS_OTHER_REGION = "https://us-east-2.signin.aws/platform/saml/acs/75732d656173742d312d059231ef-7dc0-44bb-8ebe";

    @Test
    void theDocumentedFormsAreAccepted() {
        assertThat(IdentityCenterSp.issuer("issuer", ISSUER)).isEqualTo(ISSUER);
        assertThat(IdentityCenterSp.issuer("issuer", "https://us-east-1.signin.aws/platform/saml/d-90662bc4fb")).isNotNull();
        for (String acs : List.of(ACS_IPV4, ACS_DUAL, ACS_OLD, ACS_OTHER_REGION)) {
            assertThat(IdentityCenterSp.acsUrl("acsUrl", acs)).isEqualTo(acs);
        }
        assertThat(new IdentityCenterSp(ISSUER, List.of(ACS_DUAL, ACS_IPV4)).primaryAcsUrl()).isEqualTo(ACS_DUAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367000000",   // not https
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/",               // no id
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93/extra",     // more path
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-936?x=1",      // query
            "https://eu-west-1.signin.aws.amazon.com:8443/platform/saml/d-936",     // port
            "https://evil.example/platform/saml/d-9367000000",                      // another host
            "https://eu-west-1.signin.aws.amazon.com.evil.example/platform/saml/d-9", // suffix trick
            "https://signin.aws.amazon.com/saml",                                   // IAM's endpoint, not Identity Center
            "urn:amazon:webservices",
            "https://eu-moon-1.signin.aws.amazon.com/platform/saml/d-9367000000",   // no such region
            "https://us-gov-west-1.signin.aws.amazon.com/platform/saml/d-9367000000", // GovCloud: no documented form
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs"              // the ACS path without an id
    })
    void anythingElseIsNotAnIssuer(String value) {
        assertThatThrownBy(() -> IdentityCenterSp.issuer("issuer", value))
                .isInstanceOfSatisfying(AwsRuleViolation.class, e -> assertThat(e.field()).isEqualTo("issuer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://eu-west-1.signin.aws/platform/saml/acs/",
            "https://eu-west-1.signin.aws/platform/saml/acs/id/more",
            "https://eu-west-1.signin.aws/platform/saml/acs/id#fragment",
            "https://eu-west-1.evil.aws/platform/saml/acs/4ac38751",
            "https://eu-west-1.sso.signin.aws.amazon.com/platform/saml/acs/4ac38751",
            "https://signin.aws.amazon.com/saml",
            "https://cn-north-1.signin.aws/platform/saml/acs/4ac38751",
            "javascript:alert(1)"
    })
    void anythingElseIsNotAnAcsUrl(String value) {
        assertThatThrownBy(() -> IdentityCenterSp.acsUrl("acsUrl", value))
                .isInstanceOfSatisfying(AwsRuleViolation.class, e -> assertThat(e.field()).isEqualTo("acsUrl"));
    }

    @Test
    void swappedUrlsAreNamedAsSuch() {
        assertThatThrownBy(() -> IdentityCenterSp.acsUrl("acsUrl", ISSUER)).hasMessageContaining("this is the issuer URL");
        assertThatThrownBy(() -> IdentityCenterSp.issuer("issuer", ACS_IPV4)).hasMessageContaining("this is an ACS URL");
    }

    @Test
    void missingAndOverlongValuesAreRefused() {
        assertThatThrownBy(() -> IdentityCenterSp.issuer("issuer", null)).hasMessage("issuer: is missing");
        assertThatThrownBy(() -> IdentityCenterSp.acsUrl("acsUrl", " ")).hasMessage("acsUrl: is missing");
        String longId = "a".repeat(400);
        assertThatThrownBy(() -> IdentityCenterSp.acsUrl("acsUrl", ACS_IPV4 + longId)).hasMessageContaining("at most 300 characters");
    }

    @Test
    void accessPortalUrls() {
        for (String ok : List.of("https://d-9367000000.awsapps.com/start", "https://d-9367000000.awsapps.com/start/",
                "https://mycompany.awsapps.com/start#/", "https://ssoins-111111h2222j33pp.eu-west-1.portal.amazonaws.com",
                "https://ssoins-111111h2222j33pp.portal.eu-west-1.app.aws")) {
            assertThat(IdentityCenterSp.accessPortalUrl("accessPortalUrl", ok)).isEqualTo(ok);
        }
        for (String bad : List.of("https://awsapps.com/start", "https://d-93.awsapps.com/start?next=https://evil.example",
                "https://d-93.awsapps.com.evil.example/start", "http://d-93.awsapps.com/start",
                "https://ssoins-1.eu-moon-1.portal.amazonaws.com", "https://evil.example/")) {
            assertThatThrownBy(() -> IdentityCenterSp.accessPortalUrl("accessPortalUrl", bad)).as(bad)
                    .isInstanceOfSatisfying(AwsRuleViolation.class, e -> assertThat(e.field()).isEqualTo("accessPortalUrl"));
        }
    }

    // ---- metadata ----

    static String metadata(String entityId, String... acsElements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" \
                entityID="%s"><md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" \
                protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\
                <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>%s\
                </md:SPSSODescriptor></md:EntityDescriptor>""".formatted(entityId, String.join("", acsElements));
    }

    static String acs(String location, int index, boolean isDefault) {
        return "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"%s\" index=\"%d\"%s/>"
                .formatted(location, index, isDefault ? " isDefault=\"true\"" : "");
    }

    @Test
    void metadataGivesTheIssuerAndEveryPostAcsUrlDefaultFirst() {
        IdentityCenterSp sp = IdentityCenterMetadata.parse(metadata(ISSUER,
                acs(ACS_IPV4, 1, false),
                "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://x.example/\" index=\"5\"/>",
                acs(ACS_DUAL, 0, true),
                acs(ACS_OTHER_REGION, 2, false),
                acs(ACS_IPV4, 3, false)));
        assertThat(sp.issuer()).isEqualTo(ISSUER);
        assertThat(sp.acsUrls()).containsExactly(ACS_DUAL, ACS_IPV4, ACS_OTHER_REGION);
        assertThat(sp.primaryAcsUrl()).isEqualTo(ACS_DUAL);
    }

    @Test
    void metadataWithoutDefaultTakesTheLowestIndexAndAByteOrderMarkIsTolerated() {
        IdentityCenterSp sp = IdentityCenterMetadata.parse("\uFEFF" + metadata(ISSUER, acs(ACS_IPV4, 2, false), acs(ACS_OLD, 1, false)));
        assertThat(sp.acsUrls()).containsExactly(ACS_OLD, ACS_IPV4);
    }

    @Test
    void metadataThatIsNotIdentityCentersIsRefusedWithTheReason() {
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(metadata("https://idp.example/realms/x", acs(ACS_IPV4, 0, true))))
                .hasMessageStartingWith("metadata: entityID must be Identity Center's issuer URL");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(metadata(ISSUER, acs("https://evil.example/acs", 0, true))))
                .hasMessageStartingWith("metadata: AssertionConsumerService Location must be an Identity Center ACS URL");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(metadata(ISSUER)))
                .hasMessage("metadata: has no AssertionConsumerService with the HTTP-POST binding");
        String idp = """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">\
                <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>"""
                .formatted(ISSUER);
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(idp)).hasMessageContaining("identity provider's metadata");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse("<html><body>login</body></html>"))
                .hasMessageStartingWith("metadata: must be SAML 2.0 metadata");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse("<md:EntityDescriptor")).hasMessageStartingWith("metadata: is not well-formed XML");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse("")).hasMessage("metadata: is missing");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse("x".repeat(IdentityCenterMetadata.MAX_CHARS + 1)))
                .hasMessageContaining("at most");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM "%s">]>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&xxe;"/>""".formatted(secret.toUri());
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(xxe))
                .isInstanceOf(AwsRuleViolation.class)
                .hasMessage("metadata: must not contain a DOCTYPE (DTDs and entities are not accepted)")
                .hasMessageNotContaining("TOP-SECRET");
        String laughs = """
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&lol2;"/>""";
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(laughs)).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anXIncludeIsNotFollowed(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("acs.txt"), ACS_IPV4);
        // Were XInclude processed, the included text would become the ACS Location and be accepted.
        String include = metadata(ISSUER).replace("</md:SPSSODescriptor>",
                "<md:AssertionConsumerService xmlns:xi=\"http://www.w3.org/2001/XInclude\" Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                        + " index=\"0\"><xi:include href=\"" + secret.toUri() + "\" parse=\"text\"/></md:AssertionConsumerService></md:SPSSODescriptor>");
        assertThatThrownBy(() -> IdentityCenterMetadata.parse(include)).hasMessageContaining("Location");
    }
}
