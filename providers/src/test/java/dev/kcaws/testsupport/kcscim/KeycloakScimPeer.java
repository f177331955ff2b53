package dev.kcaws.testsupport.kcscim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.keycloak.BuildArtifacts;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A SCIM 2.0 server nobody here wrote: Keycloak's own (26.7 and later, preview feature
 * {@code scim-api}) in a private {@link KeycloakServer} started with {@code --features=scim-api}.
 * Other tests' servers are untouched: the feature is an option of this server only (its own
 * augmentation). The bundle's jars are in it as in every test server; the SCIM side ignores them.
 *
 * <p>{@link #createRealm(String)} makes a realm whose SCIM API is on and a confidential client
 * whose service account may call it, as Keycloak's SCIM server requires: {@code scimApiEnabled},
 * {@code realm-management/manage-users}, and an audience mapper with the realm's SCIM base URL.
 */
public final class KeycloakScimPeer implements AutoCloseable {
    public static final String FEATURE_OPTION = "--features=scim-api";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "scim-push";

    private final KeycloakServer server;

    private KeycloakScimPeer(KeycloakServer server) {
        this.server = server;
    }

    /**
     * Whether the distribution the build unpacked ships the SCIM server (26.7+: the
     * {@code keycloak-scim-services} jar). 26.4/26.5 do not; tests skip there.
     */
    public static boolean supportedByDistribution() {
        Path lib = BuildArtifacts.fromSystemProperties().keycloakHome().resolve("lib/lib/main");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.anyMatch(jar -> jar.getFileName().toString().startsWith("org.keycloak.keycloak-scim-services-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KeycloakScimPeer start() {
        return new KeycloakScimPeer(KeycloakServer.fromBuild().withOption(FEATURE_OPTION).start());
    }

    public KeycloakServer server() {
        return server;
    }

    /**
     * Creates a realm with the SCIM API on and a client allowed to call it; access tokens live an
     * hour so one token serves a whole test class (the client under test holds a fixed token, as
     * it does for Identity Center).
     */
    public ScimPeerRealm createRealm(String realm) {
        String secret = UUID.randomUUID().toString();
        String audience = server.baseUrl() + "/realms/" + realm + "/scim/v2";
        ObjectNode json = JSON.createObjectNode()
                .put("realm", realm)
                .put("enabled", true)
                .put("scimApiEnabled", true)
                .put("accessTokenLifespan", 3600)
                // Keycloak's SCIM server records each write as an admin event: the test's count of writes.
                .put("adminEventsEnabled", true);
        ObjectNode client = json.putArray("clients").addObject()
                .put("clientId", CLIENT_ID)
                .put("enabled", true)
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("secret", secret)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        // Keycloak's SCIM endpoint refuses a token without its own base URL in "aud" (401 "Invalid token audience").
        client.putArray("protocolMappers").addObject()
                .put("name", "scim-audience")
                .put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper")
                .putObject("config")
                .put("included.custom.audience", audience)
                .put("access.token.claim", "true")
                .put("id.token.claim", "false")
                .put("introspection.token.claim", "true");
        ObjectNode serviceAccount = json.putArray("users").addObject()
                .put("username", "service-account-" + CLIENT_ID)
                .put("enabled", true)
                .put("serviceAccountClientId", CLIENT_ID);
        serviceAccount.putObject("clientRoles").putArray("realm-management").add("manage-users");
        server.adminApi().createRealm(json);
        keepExternalIdAndDisplayName(realm);
        return new ScimPeerRealm(server, realm, CLIENT_ID, secret, audience);
    }

    /**
     * Keycloak's SCIM server keeps a SCIM attribute only where a user-profile attribute is
     * annotated with it ({@code kc.scim.schema.attribute}); {@code userName}, {@code name.*},
     * {@code emails} and {@code active} map to built-in fields. Without these two, it answers 201
     * but drops {@code externalId} and {@code displayName}, so every reconcile would see drift.
     */
    private void keepExternalIdAndDisplayName(String realm) {
        String path = "/admin/realms/" + realm + "/users/profile";
        ObjectNode profile = (ObjectNode) server.adminApi().expect(200, "GET", path, null).json();
        var attributes = profile.withArray("attributes");
        for (String[] attribute : new String[][]{{"scimExternalId", "externalId"}, {"scimDisplayName", "displayName"}}) {
            ObjectNode added = attributes.addObject().put("name", attribute[0]).put("displayName", "SCIM " + attribute[1])
                    .put("multivalued", false);
            ObjectNode permissions = added.putObject("permissions");
            permissions.putArray("view").add("admin");
            permissions.putArray("edit").add("admin");
            added.putObject("annotations").put("kc.scim.schema.attribute", attribute[1]);
        }
        server.adminApi().expect(200, "PUT", path, profile);
    }

    /** A plain enabled user for the admin API: username, email and both names. */
    public static ObjectNode userJson(String username, String email, String firstName, String lastName) {
        return JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", email).put("firstName", firstName).put("lastName", lastName);
    }

    @Override
    public void close() {
        server.close();
    }
}
