package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * A realm in the demo realm's format (docs/model.md) with as many accounts, groups and users as a
 * test needs: the demo realm's clients and required action, its model replaced by generated data.
 */
public final class GeneratedRealm {

    private final ObjectNode realm;
    private final ObjectNode model;
    private final ArrayNode accessRoles;
    private final Set<String> accessRoleNames = new HashSet<>();

    private GeneratedRealm(String name) {
        realm = DemoRealm.copyNamed(name);
        model = DemoRealm.modelAttributes(realm);
        model.removeAll();
        accessRoles = DemoRealm.modelRoles(realm);
        accessRoles.removeAll();
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
            String role = "access:" + accountId(i) + ":" + permissionSet;
            mapped.add(role);
            if (accessRoleNames.add(role)) {
                accessRoles.addObject().put("name", role).put("clientRole", true);
            }
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

    public ObjectNode json() {
        return realm;
    }
}
