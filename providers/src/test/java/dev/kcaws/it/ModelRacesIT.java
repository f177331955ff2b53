package dev.kcaws.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Barrier-synchronised races on one server (ClusterIT runs the same {@link ModelRaces} across two
 * nodes): creates, first grants, deletes and updates of the same things at once lose nothing and
 * resurrect nothing; a stale save of the model client through Keycloak's own API is refused (KeycloakApiGuard).
 */
class ModelRacesIT {

    static final String REALM = "race-check";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);
    static ModelRaces races;

    @BeforeAll
    static void races() {
        races = new ModelRaces(List.of(realm.admin()), REALM);
    }

    @RepeatedTest(3)
    void sameIdCreatedOnce() {
        races.sameAccountCreatedOnce(20);
        races.samePermissionSetCreatedOnce(10);
    }

    @RepeatedTest(3)
    void firstGrantsAllSucceed() {
        races.firstGrantsToManyPrincipalsAllSucceed(10);
    }

    @RepeatedTest(3)
    void deleteWhileGrantingLeavesNoOrphan() {
        races.deleteWhileGrantingLeavesNoOrphan(12);
    }

    @RepeatedTest(3)
    void updateRacesDelete() {
        races.updateRacesDelete(8);
    }

    @Test
    void differentEditsAllKept() {
        races.differentEditsAllKept(16);
    }

    /**
     * What the admin console's client Save (or a realm-as-code tool) does: PUT a full representation
     * of the model client read earlier. Since then an account was renamed and another deleted; the
     * save must not undo either. A save of a fresh representation still works.
     */
    @Test
    void staleSaveOfTheModelClientRevertsNothing() {
        String api = "/admin/realms/" + REALM + "/aws";
        realm.admin().expect(201, "POST", api + "/accounts", Map.of("id", "919191919191", "name", "old-name"));
        realm.admin().expect(201, "POST", api + "/accounts", Map.of("id", "929292929292", "name", "to-delete"));
        ObjectNode stale = (ObjectNode) realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow();
        String path = "/admin/realms/" + REALM + "/clients/" + stale.path("id").asText();

        realm.admin().expect(200, "PUT", api + "/accounts/919191919191", Map.of("id", "919191919191", "name", "new-name"));
        realm.admin().expect(204, "DELETE", api + "/accounts/929292929292", null);

        ApiResponse save = realm.admin().send("PUT", path, stale);
        assertThat(save.status()).as(save.body()).isEqualTo(403);
        assertThat(save.json().path("errorMessage").asText()).contains("kcaws.account.919191919191", "kcaws.account.929292929292", "reload");
        assertThat(realm.admin().expect(200, "GET", api + "/accounts/919191919191", null).json().path("name").asText()).isEqualTo("new-name");
        assertThat(realm.admin().send("GET", api + "/accounts/929292929292", null).status()).isEqualTo(404);

        ObjectNode fresh = (ObjectNode) realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow();
        fresh.put("description", "edited in the console");
        realm.admin().expect(204, "PUT", path, fresh);
        assertThat(realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow().path("description").asText()).isEqualTo("edited in the console");
        assertThat(realm.admin().expect(200, "GET", api + "/accounts/919191919191", null).json().path("name").asText()).isEqualTo("new-name");
    }
}
