package dev.kcaws.testsupport.awssp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * What IAM keeps from the IdP metadata uploaded to a SAML provider: the entity ID and the RSA
 * signing certificates. A broken metadata document is a test set-up error, hence unchecked exceptions.
 */
record IdpMetadata(String entityId, List<TrustedSigningKey> signingKeys) {

    /** IAM accepts at most this many signing keys per SAML provider. */
    static final int MAX_SIGNING_KEYS = 10;

    IdpMetadata {
        signingKeys = List.copyOf(signingKeys);
    }

    static IdpMetadata parse(String metadataXml) {
        if (metadataXml == null || metadataXml.isBlank()) {
            throw new IllegalArgumentException("IdP metadata is empty");
        }
        if (metadataXml.charAt(0) == '\uFEFF') {
            throw new IllegalArgumentException("IAM wants IdP metadata in UTF-8 without a byte order mark");
        }
        EntityDescriptor entity = entityDescriptor(unmarshall(metadataXml));
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (idp == null) {
            throw new IllegalArgumentException("metadata of " + entity.getEntityID() + " has no SAML 2.0 IDPSSODescriptor");
        }
        List<TrustedSigningKey> keys = new ArrayList<>();
        for (KeyDescriptor kd : idp.getKeyDescriptors()) {
            if (isForSigning(kd)) {
                keys.addAll(rsaCertificates(kd));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("metadata of " + entity.getEntityID() + " has no RSA signing certificate");
        }
        if (keys.size() > MAX_SIGNING_KEYS) {
            throw new IllegalArgumentException("IAM accepts at most " + MAX_SIGNING_KEYS + " signing keys, metadata has " + keys.size());
        }
        return new IdpMetadata(entity.getEntityID(), keys);
    }

    private static XMLObject unmarshall(String metadataXml) {
        try {
            var doc = OpenSaml.parse(new ByteArrayInputStream(metadataXml.getBytes(StandardCharsets.UTF_8)));
            return OpenSaml.unmarshall(doc.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalArgumentException("IdP metadata does not parse: " + e.getMessage(), e);
        }
    }

    // Keycloak serves a bare EntityDescriptor; accept a one-entity EntitiesDescriptor as well.
    private static EntityDescriptor entityDescriptor(XMLObject root) {
        if (root instanceof EntityDescriptor ed) {
            return ed;
        }
        if (root instanceof EntitiesDescriptor eds && eds.getEntityDescriptors().size() == 1
                && eds.getEntitiesDescriptors().isEmpty()) {
            return eds.getEntityDescriptors().get(0);
        }
        throw new IllegalArgumentException("IdP metadata root must be one EntityDescriptor, was " + root.getElementQName());
    }

    private static boolean isForSigning(KeyDescriptor kd) {
        return kd.getUse() == null || kd.getUse() == UsageType.SIGNING || kd.getUse() == UsageType.UNSPECIFIED;
    }

    private static List<TrustedSigningKey> rsaCertificates(KeyDescriptor kd) {
        List<X509Certificate> certs;
        try {
            certs = kd.getKeyInfo() == null ? List.of() : KeyInfoSupport.getCertificates(kd.getKeyInfo());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable X509Certificate in IdP metadata", e);
        }
        List<TrustedSigningKey> keys = new ArrayList<>();
        for (X509Certificate cert : certs) {
            // AWS only verifies RSA signatures; other key types can never validate a response.
            if (cert.getPublicKey() instanceof RSAPublicKey rsa) {
                keys.add(new TrustedSigningKey(new BasicX509Credential(cert), rsa.getModulus().bitLength()));
            }
        }
        return keys;
    }

    /** A metadata certificate; its size is kept so a weak key is refused when it is the one that verifies. */
    record TrustedSigningKey(BasicX509Credential credential, int rsaBits) {
    }
}
