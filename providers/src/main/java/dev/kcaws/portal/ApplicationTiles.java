package dev.kcaws.portal;

import dev.kcaws.client.PortalClient;

import dev.kcaws.access.ModelFormat;
import dev.kcaws.client.AwsClients;
import dev.kcaws.keycloak.BuiltInClients;
import dev.kcaws.keycloak.ClientUrls;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.Comparator;
import java.util.List;

/** The realm's other applications with a launch URL, as Keycloak's account console lists them. */
public final class ApplicationTiles {

    /** One tile: the client's display name (or client ID) and its resolved launch URL. */
    public static final class App {
        private final String name;
        private final String url;

        App(String name, String url) {
            this.name = name;
            this.url = url;
        }

        public String getName() {
            return name;
        }

        public String getUrl() {
            return url;
        }
    }

    private ApplicationTiles() {
    }

    public static List<App> of(KeycloakSession session, RealmModel realm) {
        return realm.getClientsStream()
                .filter(ClientModel::isEnabled)
                .filter(c -> !c.isBearerOnly())
                .filter(c -> c.getBaseUrl() != null && !c.getBaseUrl().isBlank())
                .filter(c -> !BuiltInClients.contains(c.getClientId()))
                .filter(c -> !PortalClient.CLIENT_ID.equals(c.getClientId()) && !ModelFormat.MODEL_CLIENT_ID.equals(c.getClientId()))
                .filter(c -> AwsClients.roleMapperOf(c).isEmpty())
                .map(c -> new App(c.getName() == null || c.getName().isBlank() ? c.getClientId() : c.getName(),
                        ClientUrls.home(session, c.getRootUrl(), c.getBaseUrl())))
                .sorted(Comparator.comparing(App::getName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
