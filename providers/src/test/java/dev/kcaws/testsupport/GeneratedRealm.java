package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A realm in the demo realm's format with as many accounts, groups and users as a test needs:
 * the demo realm's two clients and required action, its model roles replaced by generated ones.
 */
public final class GeneratedRealm {

    private final ObjectNode realm;
    private final ArrayNode roles;

    private GeneratedRealm(String name) {
        realm = DemoRealm.copyNamed(name);
        roles = DemoRealm.modelRoles(realm);
        roles.removeAll();
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
            ObjectNode a = roles.addObject().put("name", "account:" + accountId(i)).put("description", "account-" + i).put("clientRole", true);
            ObjectNode attrs = a.putObject("attributes");
            attrs.putArray("kcaws.kind").add("account");
            attrs.putArray("kcaws.account.id").add(accountId(i));
            attrs.putArray("kcaws.account.name").add(String.format("account-%05d", i));
            attrs.putArray("kcaws.account.partition").add("aws");
            attrs.putArray("kcaws.account.samlProvider").add("keycloak");
        }
        return this;
    }

    public GeneratedRealm permissionSet(String name, int seconds) {
        ObjectNode s = roles.addObject().put("name", "permission-set:" + name).put("clientRole", true);
        ObjectNode attrs = s.putObject("attributes");
        attrs.putArray("kcaws.kind").add("permission-set");
        attrs.putArray("kcaws.permissionSet.name").add(name);
        attrs.putArray("kcaws.permissionSet.sessionDuration").add(Integer.toString(seconds));
        return this;
    }

    /** A group holding the permission set in accounts [0, accounts). */
    public GeneratedRealm group(String name, String permissionSet, int accounts) {
        ArrayNode mapped = realm.withArray("groups").addObject().put("name", name).put("path", "/" + name)
                .putObject("clientRoles").putArray("aws-access");
        for (int i = 0; i < accounts; i++) {
            String role = "access:" + accountId(i) + ":" + permissionSet;
            mapped.add(role);
            if (!hasRole(role)) {
                ObjectNode r = roles.addObject().put("name", role).put("clientRole", true);
                ObjectNode attrs = r.putObject("attributes");
                attrs.putArray("kcaws.kind").add("access");
                attrs.putArray("kcaws.access.account").add(accountId(i));
                attrs.putArray("kcaws.access.permissionSet").add(permissionSet);
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

    private boolean hasRole(String name) {
        for (var r : roles) {
            if (r.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
