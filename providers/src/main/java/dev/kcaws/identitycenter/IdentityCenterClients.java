package dev.kcaws.identitycenter;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlProtocol;

import java.util.Comparator;
import java.util.Optional;

/** Recognises a realm's Identity Center client: a SAML client carrying the bundle's Identity Center NameID mapper. */
public final class IdentityCenterClients {

    private IdentityCenterClients() {
    }

    public static boolean isIdentityCenterClient(ClientModel client) {
        return mapperOf(client, IdentityCenterNameIdMapper.PROVIDER_ID).isPresent();
    }

    /** The realm's Identity Center client; the first by client ID should someone have made two. */
    public static Optional<ClientModel> of(RealmModel realm) {
        return realm.getClientsStream()
                .filter(IdentityCenterClients::isIdentityCenterClient)
                .min(Comparator.comparing(ClientModel::getClientId));
    }

    public static Optional<ProtocolMapperModel> accessControlMapperOf(ClientModel client) {
        return mapperOf(client, IdentityCenterAccessControlMapper.PROVIDER_ID);
    }

    private static Optional<ProtocolMapperModel> mapperOf(ClientModel client, String providerId) {
        if (client == null || !SamlProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
            return Optional.empty();
        }
        return client.getProtocolMappersStream().filter(m -> providerId.equals(m.getProtocolMapper())).findFirst();
    }
}
