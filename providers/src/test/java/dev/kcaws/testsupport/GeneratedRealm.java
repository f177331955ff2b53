package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A realm in the demo realm's format (docs/model.md) with as many accounts, groups and users as a
 * test needs: the demo realm's clients and required action, its model replaced by generated data.
 *
 * <p>Access roles are written the compact way docs/model.md recommends for large imports: only as
 * the groups' role mappings, with no entry of their own under {@code roles.client.aws-access}
 * (they would carry nothing but their name). Keycloak's import creates a mapped client role that
 * is not listed, in its batched group step; the realm it makes is the same.
 * {@link #listingAccessRoles()} writes them the way {@code kc.sh export} does instead: each listed.
 */
public final class GeneratedRealm {

    private final ObjectNode realm;
    private final ObjectNode model;
    private boolean listRoles;

    private GeneratedRealm(String name) {
        realm = DemoRealm.copyNamed(name);
        model = DemoRealm.modelAttributes(realm);
        model.removeAll();
        DemoRealm.modelRoles(realm).removeAll();
        realm.putArray("groups");
        realm.putArray("users");
    }

    public static GeneratedRealm named(String name) {
        return new GeneratedRealm(name);
    }

    /** The i-th generated account ID: 12 digits, 100000000000 + i. */
    public static String accountId(int i) {
        return Long.toString(100_000_000_000L + i);
    }

    public GeneratedRealm accounts(int count) {
        for (int i = 0; i < count; i++) {
            model.put("kcaws.account." + accountId(i),
                    String.format("{\"name\":\"account-%05d\",\"partition\":\"aws\",\"samlProvider\":\"keycloak\"}", i));
        }
        return this;
    }

    public GeneratedRealm permissionSet(String name, int seconds) {
        model.put("kcaws.permission-set." + name, "{\"sessionDuration\":" + seconds + "}");
        return this;
    }

    /** A group holding the permission set in accounts [0, accounts). */
    public GeneratedRealm group(String name, String permissionSet, int accounts) {
        return group(name, permissionSet, 0, accounts);
    }

    /** A group holding the permission set in accounts [from, to). */
    public GeneratedRealm group(String name, String permissionSet, int from, int to) {
        ArrayNode mapped = realm.withArray("groups").addObject().put("name", name).put("path", "/" + name)
                .putObject("clientRoles").putArray("aws-access");
        for (int i = from; i < to; i++) {
            mapped.add("access:" + accountId(i) + ":" + permissionSet);
        }
        return this;
    }

    /** A user whose password is the username, in the given groups. */
    public GeneratedRealm user(String username, String... groups) {
        ObjectNode u = realm.withArray("users").addObject().put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true).put("firstName", username).put("lastName", "Test");
        u.putArray("credentials").addObject().put("type", "password").put("value", username).put("temporary", false);
        ArrayNode g = u.putArray("groups");
        for (String group : groups) {
            g.add("/" + group);
        }
        return this;
    }

    /** Lists every mapped access role under {@code roles.client.aws-access} too, as a realm export does. */
    public GeneratedRealm listingAccessRoles() {
        listRoles = true;
        return this;
    }

    public ObjectNode json() {
        if (listRoles) {
            ArrayNode listed = DemoRealm.modelRoles(realm);
            listed.removeAll();
            Set<String> names = new LinkedHashSet<>();
            realm.withArray("groups").forEach(g -> g.path("clientRoles").path("aws-access").forEach(r -> names.add(r.asText())));
            names.forEach(name -> listed.addObject().put("name", name).put("clientRole", true));
        }
        return realm;
    }
}
