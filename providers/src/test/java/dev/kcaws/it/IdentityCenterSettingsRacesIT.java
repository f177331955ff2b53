package dev.kcaws.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.concurrency.Race;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realm holds one set of SCIM push settings (one component of the bundle's provider type), however
 * they are written: first saves racing on the bundle's API and on Keycloak's components API store
 * one component, and Keycloak's realm import and partial import cannot add a second.
 */
class IdentityCenterSettingsRacesIT {

    static final String REALM = "ic-settings-race";
    static final String API = "/admin/realms/" + REALM + "/aws/identity-center/scim";
    static final String TYPE = RacingScimSettings.TYPE;
    static final String COMPONENTS = "/admin/realms/" + REALM + "/components";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);
    static String developers;

    @BeforeAll
    static void developersGroup() {
        developers = realm.groupId("/Developers");
    }

    @BeforeEach
    void noSettings() {
        realm.admin().send("DELETE", API, null);
        assertThat(settingsComponents()).isEmpty();
    }

    /** Disabled settings: nothing is pushed from the shared server, the component is written all the same. */
    static Map<String, Object> settings(int racer) {
        return RacingScimSettings.body("racer", racer, developers);
    }

    static ObjectNode component(int racer) {
        return RacingScimSettings.component("racer", racer, developers);
    }

    static List<String> settingsComponents() {
        return realm.admin().expect(200, "GET", COMPONENTS + "?type=" + TYPE, null).json().findValuesAsText("id");
    }

    @RepeatedTest(3)
    void firstPutsAtOnceStoreOneComponent() {
        List<ApiResponse> answers = Race.run(8, i -> realm.admin().send("PUT", API, settings(i)));
        answers.forEach(a -> assertThat(a.status()).as("a PUT replaces the settings: " + a.body()).isEqualTo(200));
        assertThat(settingsComponents()).as("settings components after 8 first PUTs at once").hasSize(1);
        // The stored settings are one racer's, whole.
        String endpoint = realm.admin().expect(200, "GET", API, null).json().path("endpoint").asText();
        assertThat(answers.stream().map(a -> a.json().path("endpoint").asText())).contains(endpoint);
    }

    @RepeatedTest(3)
    void firstCreatesThroughKeycloaksComponentsApiStoreOne() {
        List<Integer> statuses = Race.run(6, i -> realm.admin().send("POST", COMPONENTS, component(i)).status());
        assertThat(statuses).as("one create wins, the others are told the realm has settings").containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(settingsComponents()).hasSize(1);
    }

    @RepeatedTest(2)
    void bundlePutsAndComponentCreatesAtOnceStoreOne() {
        List<ApiResponse> answers = Race.run(8, i -> i % 2 == 0
                ? realm.admin().send("PUT", API, settings(i))
                : realm.admin().send("POST", COMPONENTS, component(i)));
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).status()).as(answers.get(i).body()).isIn(i % 2 == 0 ? List.of(200) : List.of(201, 409));
        }
        assertThat(settingsComponents()).hasSize(1);
    }

    @Test
    void aSecondComponentIsRefusedWith409NamingTheFirst() {
        realm.admin().expect(200, "PUT", API, settings(1));
        String first = settingsComponents().get(0);
        ApiResponse second = realm.admin().send("POST", COMPONENTS, component(2));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("errorMessage").asText()).contains(first, "kcaws-identity-center-scim", "/aws/identity-center/scim");
        assertThat(settingsComponents()).containsExactly(first);
        // Updating the one there is still works.
        ObjectNode stored = (ObjectNode) realm.admin().expect(200, "GET", COMPONENTS + "/" + first, null).json();
        ((ObjectNode) stored.path("config")).putArray("reconcileIntervalMinutes").add("120");
        realm.admin().expect(204, "PUT", COMPONENTS + "/" + first, stored);
        assertThat(realm.admin().expect(200, "GET", API, null).json().path("reconcileIntervalMinutes").asInt()).isEqualTo(120);
    }

    @Test
    void aRealmImportWithTwoSettingsComponentsIsRefusedAndPartialImportAddsNone() {
        String name = "ic-settings-two";
        ObjectNode twoSettings = DemoRealm.JSON.createObjectNode().put("realm", name).put("enabled", true);
        twoSettings.putArray("groups").addObject().put("id", "grp-two-devs").put("name", "Developers");
        var list = twoSettings.putObject("components").putArray(TYPE);
        for (int i = 1; i <= 2; i++) {
            ObjectNode c = component(i);
            c.remove("providerType");
            ((ObjectNode) c.path("config")).putArray("groupIds").add("grp-two-devs");
            list.add(c);
        }
        ApiResponse imported = realm.admin().send("POST", "/admin/realms", twoSettings);
        assertThat(imported.status()).as(imported.body()).isEqualTo(409);
        assertThat(imported.json().path("errorMessage").asText()).contains("already has IAM Identity Center SCIM settings");
        assertThat(realm.admin().get("/admin/realms/" + name).status()).as("nothing of the realm kept").isEqualTo(404);

        // Partial import has no components: settings in its body are not imported, the stored ones stay alone.
        realm.admin().expect(200, "PUT", API, settings(1));
        ObjectNode partial = DemoRealm.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        partial.putObject("components").putArray(TYPE).add(component(3));
        ApiResponse answer = realm.admin().send("POST", "/admin/realms/" + REALM + "/partialImport", partial);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(settingsComponents()).hasSize(1);
        assertThat(realm.admin().expect(200, "GET", API, null).json().path("endpoint").asText()).contains("/racer1/");
    }
}
