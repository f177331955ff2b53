package dev.kcaws.testsupport.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The SAML response Keycloak hands the browser to POST to the service provider (the auto-submit
 * form of saml-post-form.ftl). {@code relayState} is null when Keycloak sent none.
 */
public record SamlPost(String action, String samlResponse, String relayState) {

    /** The response XML, base64-decoded as the service provider would. */
    public String responseXml() {
        return new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }
}
