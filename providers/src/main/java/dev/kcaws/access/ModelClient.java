package dev.kcaws.access;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/** Creates the client that holds the model: an OIDC client nobody can sign in to. */
final class ModelClient {

    private ModelClient() {
    }

    static ClientModel create(RealmModel realm) {
        ClientModel client = realm.addClient(ModelFormat.MODEL_CLIENT_ID);
        client.setName("AWS access");
        client.setDescription("AWS accounts, permission sets and assignments (Keycloak AWS SSO bundle). Do not delete.");
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setBearerOnly(true);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(false);
        return client;
    }
}
