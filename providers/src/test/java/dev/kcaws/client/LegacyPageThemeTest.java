package dev.kcaws.client;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page clients name no login theme: new ones get none, and the kcaws theme older versions set is dropped. */
class LegacyPageThemeTest {

    /** A client that keeps its attributes; any other call is a no-op. */
    static ClientModel client(Map<String, String> attributes) {
        return (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(), new Class<?>[] {ClientModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], (String) args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> null;
                });
    }

    static RealmModel realm(Map<String, ClientModel> clients) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "acme";
                    case "getClientByClientId" -> clients.get((String) args[0]);
                    case "addClient" -> {
                        ClientModel created = client(new HashMap<>());
                        clients.put((String) args[0], created);
                        yield created;
                    }
                    default -> null;
                });
    }

    @Test
    void newPageClientsNameNoLoginTheme() {
        Map<String, ClientModel> clients = new HashMap<>();
        RealmModel realm = realm(clients);
        PortalClient.ensure(realm);
        AdminPageClient.ensure(realm);
        assertThat(clients).containsOnlyKeys(PortalClient.CLIENT_ID, AdminPageClient.CLIENT_ID);
        clients.values().forEach(c -> assertThat(c.getAttribute("login_theme")).isNull());
        assertThat(clients.get(PortalClient.CLIENT_ID).getAttribute("pkce.code.challenge.method")).isEqualTo("S256");
    }

    @Test
    void theKcawsThemeOlderVersionsForcedIsDroppedAndAnAdminsChoiceKept() {
        Map<String, String> portal = new HashMap<>(Map.of("login_theme", "kcaws", "pkce.code.challenge.method", "S256"));
        Map<String, String> admin = new HashMap<>(Map.of("login_theme", "corporate"));
        RealmModel realm = realm(new HashMap<>(Map.of(PortalClient.CLIENT_ID, client(portal), AdminPageClient.CLIENT_ID, client(admin))));

        assertThat(LegacyPageTheme.migrate(realm)).isTrue();
        assertThat(portal).doesNotContainKey("login_theme").containsEntry("pkce.code.challenge.method", "S256");
        assertThat(admin).containsEntry("login_theme", "corporate");
        assertThat(LegacyPageTheme.migrate(realm)).as("nothing left to do").isFalse();
        assertThat(LegacyPageTheme.migrate(realm(new HashMap<>()))).as("a realm without page clients").isFalse();
    }
}
