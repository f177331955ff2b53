package dev.kcaws.testsupport.awssp;

import static dev.kcaws.testsupport.awssp.SignedResponseFactory.ENTITY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the SP keeps from the IdP metadata, and the metadata IAM would refuse to upload. */
class IdpMetadataTest {
    private final SignedResponseFactory realm = SignedResponseFactory.realm();

    @Test
    void keepsTheEntityIdAndOnlyTheSigningCertificates() {
        TestSigningKey encryption = TestSigningKey.generate(1024, "enc");
        IdpMetadata metadata = IdpMetadata.parse(SignedResponseFactory.metadataXml(ENTITY_ID, List.of(realm.key()), List.of(encryption)));

        assertThat(metadata.entityId()).isEqualTo(ENTITY_ID);
        assertThat(metadata.signingKeys()).singleElement()
                .satisfies(k -> assertThat(k.credential().getEntityCertificate()).isEqualTo(realm.key().certificate()))
                .satisfies(k -> assertThat(k.rsaBits()).isEqualTo(2048));
    }

    @Test
    void aKeyDescriptorWithoutUseCountsAsSigning() {
        String xml = realm.metadataXml().replace("<md:KeyDescriptor use=\"signing\">", "<md:KeyDescriptor>");

        assertThat(IdpMetadata.parse(xml).signingKeys()).hasSize(1);
    }

    @Test
    void acceptsAnEntitiesDescriptorHoldingOneEntity() {
        String xml = realm.metadataXml().replaceFirst("<\\?xml[^>]*\\?>", "");
        String wrapped = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + xml + "</md:EntitiesDescriptor>";

        assertThat(IdpMetadata.parse(wrapped).entityId()).isEqualTo(ENTITY_ID);
    }

    @Test
    void refusesMetadataWithoutIdpRole() {
        String spMetadata = """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:amazon:webservices">
                  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:AssertionConsumerService index="1" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                        Location="https://signin.aws.amazon.com/saml"/>
                  </md:SPSSODescriptor>
                </md:EntityDescriptor>""";

        assertThatThrownBy(() -> IdpMetadata.parse(spMetadata))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SAML 2.0 IDPSSODescriptor");
    }

    @Test
    void refusesMetadataWithoutSigningCertificate() {
        String xml = SignedResponseFactory.metadataXml(ENTITY_ID, List.of(), List.of(realm.key()));

        assertThatThrownBy(() -> IdpMetadata.parse(xml))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no RSA signing certificate");
    }

    @Test
    void refusesMoreThanTenSigningKeys() {
        String xml = SignedResponseFactory.metadataXml(ENTITY_ID, Collections.nCopies(11, realm.key()), List.of());

        assertThat(IdpMetadata.parse(SignedResponseFactory.metadataXml(ENTITY_ID, Collections.nCopies(10, realm.key()), List.of()))
                .signingKeys()).hasSize(10);
        assertThatThrownBy(() -> IdpMetadata.parse(xml))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10");
    }

    @Test
    void refusesAByteOrderMark() {
        assertThatThrownBy(() -> IdpMetadata.parse("\uFEFF" + realm.metadataXml()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte order mark");
    }

    @Test
    void refusesADoctype() {
        String xml = realm.metadataXml().replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]>");

        assertThatThrownBy(() -> IdpMetadata.parse(xml))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse");
    }

    @Test
    void theServiceProviderFactoryRefusesBrokenMetadataUpFront() {
        assertThatThrownBy(() -> AwsLikeServiceProvider.trustingIdpMetadata("<not-metadata/>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
