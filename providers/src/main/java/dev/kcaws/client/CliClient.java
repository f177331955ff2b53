package dev.kcaws.client;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OAuth2DeviceConfig;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

import java.util.List;
import java.util.Set;

/**
 * The public OIDC client the command-line tool signs in with: OAuth 2.0 device authorization grant
 * only (the user approves in a browser, through the realm's own browser flow: MFA, brokers), no
 * redirect URIs, no other grant. Its tokens carry nothing but who the user is (client scope
 * {@code basic}: {@code sub}, {@code sid}); the refresh token is an ordinary one, so it ends with
 * the realm's SSO session idle / max. The CLI exchange endpoints accept only tokens issued to it.
 *
 * <p>It lives wherever the bundle's page clients live: created with them when an AWS client is made
 * from the template, and, at start-up, added to every realm that has the portal's client but not
 * this one (realms set up by earlier versions). An administrator switches the CLI off by disabling
 * the client; a deleted one comes back at the next start.
 */
public final class CliClient {

    public static final String CLIENT_ID = "aws-cli";
    /** The one client scope its tokens need: {@code sub} and the session, nothing about the user's profile or roles. */
    static final String BASIC_SCOPE = "basic";
    private static final Logger LOG = Logger.getLogger(CliClient.class);

    private CliClient() {
    }

    /** The client {@link #CLIENT_ID} of the realm, created when missing; an existing one (maybe changed by an admin) is left alone. */
    public static ClientModel ensure(RealmModel realm) {
        ClientModel client = realm.getClientByClientId(CLIENT_ID);
        if (client != null) {
            return client;
        }
        client = realm.addClient(CLIENT_ID);
        client.setName("AWS command line");
        client.setDescription("Device sign-in of the kcaws-aws command-line tool (Keycloak AWS SSO bundle)");
        // Setting the protocol attaches the realm's default client scopes; only basic is kept below.
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setConsentRequired(false);
        client.setFullScopeAllowed(false);
        client.setRedirectUris(Set.of());
        client.setWebOrigins(Set.of());
        client.setAttribute(OAuth2DeviceConfig.OAUTH2_DEVICE_AUTHORIZATION_GRANT_ENABLED, "true");
        for (boolean isDefault : new boolean[] {true, false}) {
            List<ClientScopeModel> attached = List.copyOf(client.getClientScopes(isDefault).values());
            for (ClientScopeModel scope : attached) {
                if (!(isDefault && BASIC_SCOPE.equals(scope.getName()))) {
                    client.removeClientScope(scope);
                }
            }
        }
        return client;
    }

    /** At start-up (after Keycloak's migration), adds the client to every realm that has the portal's client and lacks it. */
    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                addWherePortalIs(migrated.getFactory());
            }
        });
    }

    private static void addWherePortalIs(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                    .filter(realm -> realm.getClientByClientId(PortalClient.CLIENT_ID) != null
                            && realm.getClientByClientId(CLIENT_ID) == null)
                    .forEach(realm -> {
                        ensure(realm);
                        LOG.infof("Created client %s in realm %s for the AWS command-line tool", CLIENT_ID, realm.getName());
                    }));
        } catch (RuntimeException e) {
            // Another node of the cluster created it at the same moment; one client is all that is needed.
            LOG.warnf("Could not create client %s (%s); if another node created it, nothing is wrong", CLIENT_ID, e.getMessage());
        }
    }
}
