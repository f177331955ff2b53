package dev.kcaws.testsupport.keycloak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;

/**
 * An LDAP user-federation provider on an {@link OpenLdapServer}, as the console's form makes it:
 * import on, UNSYNCED edit mode (Keycloak keeps its own changes of the user locally: an AWS login
 * with a persistent NameID stores it as a user attribute, which a READ_ONLY provider refuses with
 * {@code ReadOnlyException}), no periodic sync, and a group-ldap-mapper in its default
 * {@code READ_ONLY} mode (memberships stay in LDAP, never in Keycloak's tables), groups at the top.
 * Otherwise the settings of {@code IdentityCenterPushLdapIT}'s provider.
 */
public final class LdapProviders {

    public static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";
    public static final String LDAP_MAPPER = "org.keycloak.storage.ldap.mappers.LDAPStorageMapper";

    private LdapProviders() {
    }

    /** Adds the provider {@code name} (edit mode UNSYNCED) and its group mapper to the realm; its component id. */
    public static String addWithReadOnlyGroups(AdminApi api, String realm, String name, OpenLdapServer ldap) {
        return addWithReadOnlyGroups(api, realm, name, ldap, "UNSYNCED");
    }

    /** As above with the provider's edit mode ({@code READ_ONLY}, {@code WRITABLE}, {@code UNSYNCED}). */
    public static String addWithReadOnlyGroups(AdminApi api, String realm, String name, OpenLdapServer ldap, String editMode) {
        String realmPath = "/admin/realms/" + realm;
        String realmId = api.expect(200, "GET", realmPath, null).json().path("id").asText();
        ObjectNode provider = DemoRealm.JSON.createObjectNode().put("name", name).put("providerId", "ldap")
                .put("providerType", USER_STORAGE).put("parentId", realmId);
        ObjectNode config = provider.putObject("config");
        put(config, "enabled", "true");
        put(config, "vendor", "other");
        put(config, "connectionUrl", ldap.url());
        put(config, "bindDn", OpenLdapServer.ADMIN_DN);
        put(config, "bindCredential", OpenLdapServer.ADMIN_PASSWORD);
        put(config, "authType", "simple");
        put(config, "usersDn", OpenLdapServer.PEOPLE);
        put(config, "usernameLDAPAttribute", "uid");
        put(config, "rdnLDAPAttribute", "uid");
        put(config, "uuidLDAPAttribute", "entryUUID");
        put(config, "userObjectClasses", "inetOrgPerson, organizationalPerson");
        put(config, "searchScope", "1");
        put(config, "editMode", editMode);
        put(config, "importEnabled", "true");
        put(config, "syncRegistrations", "false");
        put(config, "pagination", "false");
        put(config, "batchSizeForSync", "1000");
        put(config, "fullSyncPeriod", "-1");
        put(config, "changedSyncPeriod", "-1");
        put(config, "cachePolicy", "DEFAULT");
        put(config, "trustEmail", "true");
        api.expect(201, "POST", realmPath + "/components", provider);
        String ldapId = api.expect(200, "GET", realmPath + "/components?type=" + USER_STORAGE + "&name=" + name, null)
                .json().get(0).path("id").asText();

        ObjectNode mapper = DemoRealm.JSON.createObjectNode().put("name", "groups").put("providerId", "group-ldap-mapper")
                .put("providerType", LDAP_MAPPER).put("parentId", ldapId);
        ObjectNode mc = mapper.putObject("config");
        put(mc, "groups.dn", OpenLdapServer.GROUPS);
        put(mc, "group.name.ldap.attribute", "cn");
        put(mc, "group.object.classes", "groupOfNames");
        put(mc, "preserve.group.inheritance", "false");
        put(mc, "ignore.missing.groups", "false");
        put(mc, "membership.ldap.attribute", "member");
        put(mc, "membership.attribute.type", "DN");
        put(mc, "membership.user.ldap.attribute", "uid");
        put(mc, "mode", "READ_ONLY");
        put(mc, "user.roles.retrieve.strategy", "LOAD_GROUPS_BY_MEMBER_ATTRIBUTE");
        put(mc, "memberof.ldap.attribute", "memberOf");
        put(mc, "drop.non.existing.groups.during.sync", "false");
        put(mc, "groups.path", "/");
        api.expect(201, "POST", realmPath + "/components", mapper);
        return ldapId;
    }

    /** The console's "Sync all users": imports the users and creates the mapper's groups. */
    public static void fullSync(AdminApi api, String realm, String ldapId) {
        ApiResponse answer = api.post("/admin/realms/" + realm + "/user-storage/" + ldapId + "/sync?action=triggerFullSync", null);
        if (answer.status() != 200) {
            throw new AssertionError("LDAP full sync answered " + answer.status() + ": " + answer.body());
        }
    }

    private static void put(ObjectNode config, String key, String value) {
        config.putArray(key).add(value);
    }
}
