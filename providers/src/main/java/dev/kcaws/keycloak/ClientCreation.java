package dev.kcaws.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

/**
 * Creates a client from its representation exactly as the admin API's {@code POST /clients} does
 * (protocol mappers, default client scopes, roles), for the AWS client template.
 *
 * <p>Keycloak internal used: {@code ClientManager.createClient(KeycloakSession, RealmModel,
 * ClientRepresentation)} (keycloak-services, public static; same in 26.4.7, 26.5.6 and 26.7.x).
 */
public final class ClientCreation {

    private ClientCreation() {
    }

    public static ClientModel create(KeycloakSession session, RealmModel realm, ClientRepresentation rep) {
        return ClientManager.createClient(session, realm, rep);
    }
}
