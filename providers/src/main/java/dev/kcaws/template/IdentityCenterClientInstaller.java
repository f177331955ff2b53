package dev.kcaws.template;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.client.PortalClient;
import dev.kcaws.identitycenter.IdentityCenterClients;
import dev.kcaws.keycloak.ClientCreation;
import dev.kcaws.keycloak.ModelLock;
import dev.kcaws.saml.AwsAccessCheck;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.Map;

/** Creates the Identity Center client in a realm, with what its sign-in needs around it. */
public final class IdentityCenterClientInstaller {

    private IdentityCenterClientInstaller() {
    }

    /**
     * Whether installing also changes the realm: it enables the access check required action, which
     * Keycloak's own API lets only a realm manager do.
     */
    public static boolean changesRealm(RealmModel realm) {
        RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(AwsAccessCheck.PROVIDER_ID);
        return model == null || !model.isEnabled();
    }

    /**
     * One Identity Center client per realm: a realm is the identity source of one Identity Center
     * instance, whose users the SCIM push provisions. A second is a {@link AwsClientInstaller.Conflict}.
     */
    public static ClientModel install(KeycloakSession session, RealmModel realm, IdentityCenterClientOptions options) {
        ClientRepresentation rep = IdentityCenterClientTemplate.render(realm.getName(), options);
        // Serialises creates of the realm's Identity Center client on every node (on the portal
        // client's row, which the tile needs anyway). The realm's client list is then read through
        // Keycloak's cache, which another node's create reaches a moment after its commit; the
        // issuer, the client ID, is unique in the database whatever the cache says.
        ModelLock.acquire(session, realm, PortalClient.CLIENT_ID, PortalClient::ensure);
        IdentityCenterClients.of(realm).ifPresent(existing -> {
            throw new AwsClientInstaller.Conflict("issuer", AwsRule.IC_CLIENT_EXISTS, existing.getClientId());
        });
        if (realm.getClientByClientId(rep.getClientId()) != null) {
            throw new AwsClientInstaller.Conflict("issuer", AwsRule.CLIENT_ID_EXISTS, rep.getClientId());
        }
        boolean urlNameTaken = session.clients().searchClientsByAttributes(realm,
                Map.of(SamlProtocol.SAML_IDP_INITIATED_SSO_URL_NAME, options.urlName()), 0, 1).findAny().isPresent();
        if (urlNameTaken) {
            throw new AwsClientInstaller.Conflict("urlName", AwsRule.URL_NAME_TAKEN, options.urlName());
        }
        ClientModel client = ClientCreation.create(session, realm, rep);
        // The same required action refuses an Identity Center sign-in without a NameID or with a bad ABAC value.
        AwsClientInstaller.enableAccessCheck(realm);
        return client;
    }
}
