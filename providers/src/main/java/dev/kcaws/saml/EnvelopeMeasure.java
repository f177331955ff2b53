package dev.kcaws.saml;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlProtocol;

import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPublicKey;

/** Measures the response envelope of one realm and client from its active signing key and URLs. */
final class EnvelopeMeasure {

    /** Room for a frontend URL or IdP entity ID longer than the request's base URL. */
    private static final int ISSUER_SLACK = 64;

    private EnvelopeMeasure() {
    }

    static ResponseEnvelope of(KeycloakSession session, RealmModel realm, ClientModel client) {
        String base = session.getContext().getUri() == null ? "" : session.getContext().getUri().getBaseUri().toString();
        int issuer = base.length() + "realms/".length() + realm.getName().length() + ISSUER_SLACK;
        String acs = client.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE);
        int destination = acs == null ? 256 : acs.length();
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256);
        if (key == null || key.getCertificate() == null || !(key.getPublicKey() instanceof RSAPublicKey rsa)) {
            // Unknown key: assume a 4096-bit RSA key and certificate.
            return new ResponseEnvelope(issuer, destination, client.getClientId().length(), 1_900, 684, 64);
        }
        int certificate;
        try {
            certificate = ResponseEnvelope.base64Chars(key.getCertificate().getEncoded().length);
        } catch (CertificateEncodingException e) {
            certificate = 1_900;
        }
        int signature = ResponseEnvelope.base64Chars((rsa.getModulus().bitLength() + 7) / 8);
        int keyName = key.getKid() == null ? 64 : key.getKid().length();
        return new ResponseEnvelope(issuer, destination, client.getClientId().length(), certificate, signature, keyName);
    }
}
