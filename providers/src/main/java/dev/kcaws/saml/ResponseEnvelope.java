package dev.kcaws.saml;

/**
 * The parts of a signed Keycloak SAML response that do not depend on the attributes, measured in
 * characters: they decide how many role pairs still fit under AWS's cap. The skeleton (element
 * names, namespaces, timestamps, IDs, digests) was measured on Keycloak 26.7.3 responses with
 * both response and assertion signed; ResponseSizeIT re-measures it on every build.
 */
public record ResponseEnvelope(int issuerChars, int destinationChars, int audienceChars, int certificateChars,
                               int signatureChars, int keyNameChars) {

    static final int SKELETON_BYTES = 3_180;
    /** A persistent NameID is 38 characters; room for an e-mail or attribute-based one. */
    static final int NAME_ID_ALLOWANCE = 256;
    static final int SESSION_INDEX_ALLOWANCE = 128;

    /** A realm with a 2048-bit RSA key on http://localhost:8080, posting to the global endpoint. */
    public static final ResponseEnvelope TYPICAL = new ResponseEnvelope(37, 34, 22, 900, 344, 43);

    /** Both the response and the assertion carry the issuer, a signature, the certificate and key name. */
    public int bytes() {
        return SKELETON_BYTES + 2 * issuerChars + 2 * destinationChars + audienceChars
                + 2 * (certificateChars + signatureChars + keyNameChars) + NAME_ID_ALLOWANCE + SESSION_INDEX_ALLOWANCE;
    }

    static int base64Chars(int bytes) {
        return 4 * ((bytes + 2) / 3);
    }
}
