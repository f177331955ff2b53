package dev.kcaws.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's realm, in the demo realm's format: {@value #ACCOUNTS} generated AWS accounts
 * ({@code 100000000001}, {@code 100000000002}, ...), one permission set {@value #PERMISSION_SET}
 * (3600 s), one access role per account, and the same pairs a second time as client roles of a
 * hand-made "stock" SAML client that uses Keycloak's own role-list mapper.
 *
 * <p>Users {@code u10}, {@code u250}, {@code u500} and {@code u1000} (password = username) each
 * belong to one group {@code /pairs-N} that holds the first N accounts as ReadOnlyAccess, on the
 * bundle's model client and (up to {@value #STOCK_PAIRS}) on the stock client.
 */
final class BenchRealm {

    static final String BUNDLE_CLIENT_ID = "urn:amazon:webservices";
    static final String BUNDLE_URL_NAME = "amazon-aws";
    static final String STOCK_CLIENT_ID = "urn:amazon:webservices:stock";
    static final String STOCK_URL_NAME = "stock-aws";
    static final String PERMISSION_SET = "ReadOnlyAccess";
    static final int SESSION_SECONDS = 3600;
    static final int ACCOUNTS = 1000;
    /** The stock client needs no more: its largest user is u500. */
    static final int STOCK_PAIRS = 500;
    static final List<Integer> USER_SIZES = List.of(10, 250, 500, 1000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_CLIENT_ID = "aws-access";
    private static final String SAML_PROVIDER = "keycloak";

    private BenchRealm() {
    }

    /** The i-th generated account ID, i from 1: {@code 100000000001}. */
    static String accountId(int i) {
        return Long.toString(100_000_000_000L + i);
    }

    static String username(int pairs) {
        return "u" + pairs;
    }

    /** The literal SAML Role value, which the hand-made setup uses as the stock client role's name. */
    static String rolePair(int i) {
        String account = accountId(i);
        return "arn:aws:iam::" + account + ":role/" + PERMISSION_SET + ",arn:aws:iam::" + account + ":saml-provider/" + SAML_PROVIDER;
    }

    /**
     * @param demoRealmFile realm-export/aws-demo-realm.json, whose aws-access and AWS SAML clients and
     *     required action are copied as they are
     */
    static ObjectNode build(String realm, Path demoRealmFile) {
        JsonNode demo;
        try {
            demo = JSON.readTree(demoRealmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo realm " + demoRealmFile, e);
        }
        String demoRealm = demo.path("realm").asText();

        ObjectNode root = JSON.createObjectNode();
        root.put("realm", realm);
        root.put("displayName", "kcaws login benchmark");
        root.put("enabled", true);
        root.put("sslRequired", "external");
        root.set("requiredActions", demo.path("requiredActions").deepCopy());

        ObjectNode clientRoles = root.putObject("roles").putObject("client");
        ArrayNode model = clientRoles.putArray(MODEL_CLIENT_ID);
        for (int i = 1; i <= ACCOUNTS; i++) {
            model.add(accountRole(i));
        }
        model.add(permissionSetRole());
        for (int i = 1; i <= ACCOUNTS; i++) {
            model.add(accessRole(i));
        }
        ArrayNode stockRoles = clientRoles.putArray(STOCK_CLIENT_ID);
        for (int i = 1; i <= STOCK_PAIRS; i++) {
            ObjectNode role = stockRoles.addObject();
            role.put("name", rolePair(i));
            role.put("composite", false);
            role.put("clientRole", true);
        }

        ArrayNode clients = root.putArray("clients");
        ObjectNode bundleClient = null;
        for (JsonNode client : demo.path("clients")) {
            String clientId = client.path("clientId").asText();
            if (clientId.equals(MODEL_CLIENT_ID) || clientId.equals(BUNDLE_CLIENT_ID)) {
                ObjectNode copy = client.deepCopy();
                if (copy.has("baseUrl")) {
                    copy.put("baseUrl", copy.path("baseUrl").asText().replace("/realms/" + demoRealm + "/", "/realms/" + realm + "/"));
                }
                clients.add(copy);
                if (clientId.equals(BUNDLE_CLIENT_ID)) {
                    bundleClient = copy;
                }
            }
        }
        if (bundleClient == null || !BUNDLE_URL_NAME.equals(bundleClient.path("attributes").path("saml_idp_initiated_sso_url_name").asText())) {
            throw new IllegalStateException("the demo realm " + demoRealmFile + " has no client " + BUNDLE_CLIENT_ID
                    + " with IdP-initiated URL name " + BUNDLE_URL_NAME);
        }
        clients.add(stockClient(realm, bundleClient));

        ArrayNode groups = root.putArray("groups");
        for (int size : USER_SIZES) {
            ObjectNode group = groups.addObject();
            group.put("name", "pairs-" + size);
            group.put("path", "/pairs-" + size);
            ObjectNode roles = group.putObject("clientRoles");
            ArrayNode access = roles.putArray(MODEL_CLIENT_ID);
            for (int i = 1; i <= size; i++) {
                access.add("access:" + accountId(i) + ":" + PERMISSION_SET);
            }
            if (size <= STOCK_PAIRS) {
                ArrayNode stock = roles.putArray(STOCK_CLIENT_ID);
                for (int i = 1; i <= size; i++) {
                    stock.add(rolePair(i));
                }
            }
        }

        ArrayNode users = root.putArray("users");
        for (int size : USER_SIZES) {
            String name = username(size);
            ObjectNode user = users.addObject();
            user.put("username", name);
            user.put("enabled", true);
            user.put("email", name + "@example.test");
            user.put("emailVerified", true);
            user.put("firstName", name);
            user.put("lastName", "Bench");
            ObjectNode credential = user.putArray("credentials").addObject();
            credential.put("type", "password");
            credential.put("value", name);
            credential.put("temporary", false);
            user.putArray("groups").add("/pairs-" + size);
            user.putArray("requiredActions");
        }
        return root;
    }

    /**
     * Keycloak's role-list mapper set up the hand-made way: same SAML attributes as the bundle's
     * client (signing, NameID, ACS URL), no default client scopes (so the realm's role_list scope
     * cannot shadow the mapper), no full scope, and the pairs as the client's own roles.
     */
    private static ObjectNode stockClient(String realm, ObjectNode bundleClient) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", STOCK_CLIENT_ID);
        client.put("name", "Amazon Web Services (stock role-list mapper)");
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("fullScopeAllowed", false);
        client.put("frontchannelLogout", false);
        client.put("consentRequired", false);
        client.put("baseUrl", "/realms/" + realm + "/protocol/saml/clients/" + STOCK_URL_NAME);
        client.set("redirectUris", bundleClient.path("redirectUris").deepCopy());
        client.putArray("defaultClientScopes");
        client.putArray("optionalClientScopes");
        ObjectNode attributes = bundleClient.path("attributes").deepCopy();
        attributes.remove("kcaws.template.version");
        attributes.put("saml_idp_initiated_sso_url_name", STOCK_URL_NAME);
        client.set("attributes", attributes);

        ArrayNode mappers = client.putArray("protocolMappers");
        ObjectNode roles = mapper(mappers, "AWS Role (role list)", "saml-role-list-mapper");
        roles.put("attribute.name", "https://aws.amazon.com/SAML/Attributes/Role");
        roles.put("attribute.nameformat", "Basic");
        roles.put("single", "true");
        roles.put("friendly.name", "Role");
        ObjectNode sessionName = mapper(mappers, "AWS RoleSessionName", "saml-user-property-mapper");
        sessionName.put("user.attribute", "email");
        sessionName.put("attribute.name", "https://aws.amazon.com/SAML/Attributes/RoleSessionName");
        sessionName.put("attribute.nameformat", "Basic");
        ObjectNode duration = mapper(mappers, "AWS SessionDuration", "saml-hardcode-attribute-mapper");
        duration.put("attribute.name", "https://aws.amazon.com/SAML/Attributes/SessionDuration");
        duration.put("attribute.nameformat", "Basic");
        duration.put("attribute.value", Integer.toString(SESSION_SECONDS));
        return client;
    }

    /** Adds a SAML protocol mapper and returns its (still empty) config. */
    private static ObjectNode mapper(ArrayNode mappers, String name, String type) {
        ObjectNode mapper = mappers.addObject();
        mapper.put("name", name);
        mapper.put("protocol", "saml");
        mapper.put("protocolMapper", type);
        mapper.put("consentRequired", false);
        return mapper.putObject("config");
    }

    private static ObjectNode accountRole(int i) {
        String id = accountId(i);
        String name = String.format("bench-%04d", i);
        ObjectNode role = role("account:" + id, name);
        ObjectNode attributes = role.putObject("attributes");
        attr(attributes, "kcaws.kind", "account");
        attr(attributes, "kcaws.account.id", id);
        attr(attributes, "kcaws.account.name", name);
        attr(attributes, "kcaws.account.partition", "aws");
        attr(attributes, "kcaws.account.samlProvider", SAML_PROVIDER);
        return role;
    }

    private static ObjectNode permissionSetRole() {
        ObjectNode role = role("permission-set:" + PERMISSION_SET, "Read-only access to AWS services and resources.");
        ObjectNode attributes = role.putObject("attributes");
        attr(attributes, "kcaws.kind", "permission-set");
        attr(attributes, "kcaws.permissionSet.name", PERMISSION_SET);
        attr(attributes, "kcaws.permissionSet.sessionDuration", Integer.toString(SESSION_SECONDS));
        attr(attributes, "kcaws.permissionSet.managedPolicy", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        return role;
    }

    private static ObjectNode accessRole(int i) {
        String id = accountId(i);
        ObjectNode role = role("access:" + id + ":" + PERMISSION_SET,
                String.format("AWS account %s (bench-%04d) as %s", id, i, PERMISSION_SET));
        ObjectNode attributes = role.putObject("attributes");
        attr(attributes, "kcaws.kind", "access");
        attr(attributes, "kcaws.access.account", id);
        attr(attributes, "kcaws.access.permissionSet", PERMISSION_SET);
        return role;
    }

    private static ObjectNode role(String name, String description) {
        ObjectNode role = JSON.createObjectNode();
        role.put("name", name);
        role.put("description", description);
        role.put("composite", false);
        role.put("clientRole", true);
        return role;
    }

    private static void attr(ObjectNode attributes, String key, String value) {
        attributes.putArray(key).add(value);
    }
}
