package dev.kcaws.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.GeneratedRealm;

import java.util.List;

/**
 * The benchmark's realm. The bundle's part comes from {@link GeneratedRealm}, which writes the demo
 * realm's format (docs/model.md) with the demo realm's clients and required action:
 * {@value #ACCOUNTS} generated AWS accounts ({@code 100000000000}, {@code 100000000001}, ...), one
 * permission set {@value #PERMISSION_SET} ({@value #SESSION_SECONDS} s), and groups {@code /pairs-N}
 * holding the first N accounts as that set. Added here: the same pairs a second time as client
 * roles of a hand-made "stock" SAML client that uses Keycloak's own role-list mapper, mapped to the
 * same groups.
 *
 * <p>For the portal's figures: two more permission sets ({@link #PORTAL_SETS}) and a group
 * {@value #PORTAL_GROUP} holding all {@value #ACCOUNTS} accounts as each of the three sets
 * ({@value #PORTAL_PAIRS} access roles).
 *
 * <p>Users {@code u10}, {@code u250}, {@code u500} and {@code u1000} (password = username) each
 * belong to one group {@code /pairs-N}; user {@value #PORTAL_USER} belongs to {@value #PORTAL_GROUP}.
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

    /** A permission set and its session duration. */
    record SetSpec(String name, int seconds) {
    }

    /** The portal user's three sets; the first is the one the /pairs-N groups hold. */
    static final List<SetSpec> PORTAL_SETS = List.of(new SetSpec(PERMISSION_SET, SESSION_SECONDS),
            new SetSpec("PowerUserAccess", 28800), new SetSpec("AdministratorAccess", 3600));
    static final String PORTAL_GROUP = "portal-3000";
    static final String PORTAL_USER = "p3000";
    static final int PORTAL_PAIRS = 3000;

    private static final String SAML_PROVIDER = "keycloak";

    private BenchRealm() {
    }

    /** The i-th generated account ID, i from 0: {@code 100000000000}. */
    static String accountId(int i) {
        return GeneratedRealm.accountId(i);
    }

    static String username(int pairs) {
        return "u" + pairs;
    }

    static String group(int pairs) {
        return "pairs-" + pairs;
    }

    /** The literal SAML Role value, which the hand-made setup uses as the stock client role's name. */
    static String rolePair(int i) {
        String account = accountId(i);
        return "arn:aws:iam::" + account + ":role/" + PERMISSION_SET + ",arn:aws:iam::" + account + ":saml-provider/" + SAML_PROVIDER;
    }

    /**
     * The portal user's k-th (account, set), k from 0 to {@value #PORTAL_PAIRS} - 1: account k mod
     * 1000, set k mod 3. As 1000 and 3 have no common factor, k = 0..2999 names every pair once, and
     * consecutive k change both the account and the set.
     */
    static String portalAccount(int k) {
        return accountId(k % ACCOUNTS);
    }

    static SetSpec portalSet(int k) {
        return PORTAL_SETS.get(k % PORTAL_SETS.size());
    }

    static ObjectNode build(String realmName) {
        GeneratedRealm generated = GeneratedRealm.named(realmName).accounts(ACCOUNTS);
        for (SetSpec set : PORTAL_SETS) {
            generated.permissionSet(set.name(), set.seconds());
        }
        for (int size : USER_SIZES) {
            generated.group(group(size), PERMISSION_SET, size).user(username(size), group(size));
        }
        // GeneratedRealm writes one group per call (one set each); merged into one group below.
        for (SetSpec set : PORTAL_SETS) {
            generated.group(PORTAL_GROUP, set.name(), ACCOUNTS);
        }
        generated.user(PORTAL_USER, PORTAL_GROUP);
        ObjectNode realm = generated.json();
        int portalRoles = mergeGroups(realm, PORTAL_GROUP);
        if (portalRoles != PORTAL_PAIRS) {
            throw new IllegalStateException("group " + PORTAL_GROUP + " holds " + portalRoles + " access roles, expected " + PORTAL_PAIRS);
        }

        ArrayNode stockRoles = realm.with("roles").with("client").putArray(STOCK_CLIENT_ID);
        for (int i = 0; i < STOCK_PAIRS; i++) {
            stockRoles.addObject().put("name", rolePair(i)).put("composite", false).put("clientRole", true);
        }
        ObjectNode bundleClient = null;
        for (JsonNode client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals(BUNDLE_CLIENT_ID)) {
                bundleClient = (ObjectNode) client;
            }
        }
        if (bundleClient == null || !BUNDLE_URL_NAME.equals(bundleClient.path("attributes").path("saml_idp_initiated_sso_url_name").asText())) {
            throw new IllegalStateException("the demo realm has no client " + BUNDLE_CLIENT_ID + " with IdP-initiated URL name " + BUNDLE_URL_NAME);
        }
        realm.withArray("clients").add(stockClient(realmName, bundleClient));
        for (JsonNode group : realm.withArray("groups")) {
            if (!group.path("name").asText().startsWith("pairs-")) {
                continue;
            }
            int size = Integer.parseInt(group.path("name").asText().substring("pairs-".length()));
            if (size <= STOCK_PAIRS) {
                ArrayNode stock = ((ObjectNode) group).with("clientRoles").putArray(STOCK_CLIENT_ID);
                for (int i = 0; i < size; i++) {
                    stock.add(rolePair(i));
                }
            }
        }
        return realm;
    }

    /** Folds the groups named {@code name} into the first of them, which gets all their aws-access roles; returns how many. */
    private static int mergeGroups(ObjectNode realm, String name) {
        ArrayNode groups = realm.withArray("groups");
        ArrayNode roles = null;
        int count = 0;
        for (int i = 0; i < groups.size(); ) {
            JsonNode group = groups.get(i);
            if (!group.path("name").asText().equals(name)) {
                i++;
                continue;
            }
            ArrayNode these = (ArrayNode) group.path("clientRoles").path("aws-access");
            if (roles == null) {
                roles = these;
                i++;
            } else {
                roles.addAll(these);
                groups.remove(i);
            }
            count = roles.size();
        }
        return count;
    }

    /**
     * Keycloak's role-list mapper set up the hand-made way: same SAML attributes as the bundle's
     * client (signing, NameID, ACS URL), no default client scopes (so the realm's role_list scope
     * cannot shadow the mapper), no full scope, and the pairs as the client's own roles.
     */
    private static ObjectNode stockClient(String realm, ObjectNode bundleClient) {
        ObjectNode client = bundleClient.objectNode();
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
}
