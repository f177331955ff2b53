package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.LdapProviders;
import dev.kcaws.testsupport.keycloak.OpenLdapServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access review lists the members of an LDAP group kept in LDAP: a real OpenLDAP, an LDAP
 * provider with a group-ldap-mapper in its default {@code READ_ONLY} mode (the memberships are never
 * in Keycloak's tables), an access role assigned to the LDAP group. The review (JSON and CSV) names
 * the LDAP user with the group and the provider, and the user's AWS login indeed carries the role:
 * the review agrees with the login.
 */
class AccessReviewLdapIT {

    static final String REALM = "access-review-ldap";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    OpenLdapServer ldap;

    @BeforeEach
    void startLdap() {
        ldap = OpenLdapServer.startOrSkip();
    }

    @AfterEach
    void stopLdap() {
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void theMembersOfAnLdapGroupAreListedWithTheirWhyAndTheirLoginAgrees() {
        ldap.addUser("kim", "Kim", "Lee", "kim@example.com");
        ldap.replace(OpenLdapServer.userDn("kim"), "userPassword", "kim");
        ldap.addGroup("Engineers", List.of("kim"));
        String ldapId = LdapProviders.addWithReadOnlyGroups(realm.admin(), REALM, "corp-ldap", ldap);
        LdapProviders.fullSync(realm.admin(), REALM, ldapId); // imports kim, creates /Engineers (kim's membership stays in LDAP)
        realm.admin().expect(201, "POST", API + "/assignments",
                Map.of("group", "/Engineers", "accountId", "222222222222", "permissionSet", "ReadOnlyAccess"));

        JsonNode rows = realm.admin().expect(200, "GET", API + "/access-review?account=222222222222&permissionSet=ReadOnlyAccess", null)
                .json().path("rows");
        List<String> why = new ArrayList<>();
        rows.forEach(r -> why.add(String.join(" ", r.path("user").asText(), r.path("via").asText(), r.path("group").asText(),
                r.path("managedBy").asText(), String.valueOf(r.path("heldNow").asBoolean()))));
        assertThat(why).containsExactly("kim group /Engineers ldap:corp-ldap true");

        ApiResponse csv = realm.admin().expect(200, "GET", API + "/access-review?account=222222222222&permissionSet=ReadOnlyAccess&format=csv", null);
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).contains("\"kim\",\"true\",\"222222222222\"")
                .contains("\"ReadOnlyAccess\",\"group\",\"/Engineers\",\"\",\"\",\"ldap:corp-ldap\"");

        AwsSignIn signIn = realm.aws().plain(new BrowserSession(), "kim").accepted();
        assertThat(signIn.rolePairs()).as("the login grants what the review lists")
                .anySatisfy(p -> {
                    assertThat(p.accountId()).isEqualTo("222222222222");
                    assertThat(p.roleName()).contains("ReadOnlyAccess");
                });
    }
}
