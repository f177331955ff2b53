package dev.kcaws.iac;

import java.util.List;

/**
 * What every account's IAM side shares: the realm (named in descriptions), the realm's SAML IdP
 * metadata (what IAM's SAML provider holds) and the realm's AWS clients.
 */
public record RealmIdentityProvider(String realmName, String metadataXml, List<AwsClientTrust> clients) {

    public RealmIdentityProvider {
        if (realmName == null || realmName.isBlank()) {
            throw new IllegalArgumentException("realmName is required");
        }
        if (metadataXml == null || metadataXml.isBlank()) {
            throw new IllegalArgumentException("the IdP metadata document is required");
        }
        clients = clients == null ? List.of() : List.copyOf(clients);
    }
}
