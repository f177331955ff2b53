package dev.kcaws.identitycenter;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realm that holds several settings components (written before the one-per-realm rule): every
 * reader picks the same one, whatever order Keycloak lists them in, and a save replaces them all.
 */
class ScimSettingsComponentTest {

    /** The calls the code under test made to the realm, by name and component ID. */
    final List<String> calls = new ArrayList<>();

    RealmModel realm(List<ComponentModel> components) {
        GroupModel group = (GroupModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{GroupModel.class},
                (proxy, method, args) -> method.getName().equals("getId") ? "g1" : null);
        return (RealmModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{RealmModel.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getId":
                    return "realm-id";
                case "getName":
                    return "acme";
                case "getComponentsStream":
                    return components.stream();
                case "getGroupById":
                    return group;
                case "updateComponent", "removeComponent", "addComponentModel":
                    calls.add(method.getName() + " " + ((ComponentModel) args[0]).getId());
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    Class<?> type = method.getReturnType();
                    return type == boolean.class ? false : type == int.class ? 0 : type == long.class ? 0L
                            : type == Stream.class ? Stream.empty() : null;
            }
        });
    }

    static ComponentModel component(String id, String tenant) {
        ComponentModel model = new ComponentModel();
        model.setId(id);
        model.setParentId("realm-id");
        model.setProviderType(ScimSettingsComponent.PROVIDER_TYPE);
        model.setProviderId(ScimSettingsComponentFactory.PROVIDER_ID);
        model.put(ScimSettingsComponent.ENABLED, "true");
        model.put(ScimSettingsRules.ENDPOINT, "https://scim.us-east-1.amazonaws.com/" + tenant + "/scim/v2/");
        model.put(ScimSettingsRules.TOKEN, "token-" + tenant);
        model.getConfig().put(ScimSettingsRules.GROUPS, new ArrayList<>(List.of("g1")));
        return model;
    }

    @Test
    void severalComponentsAreReadAsTheOneOfTheLowestIdInAnyOrder() {
        ComponentModel a = component("a-1", "tenant-a");
        ComponentModel b = component("b-2", "tenant-b");
        for (List<ComponentModel> order : List.of(List.of(b, a), List.of(a, b))) {
            RealmModel realm = realm(order);
            assertThat(ScimSettingsComponent.find(realm).orElseThrow().getId()).isEqualTo("a-1");
            assertThat(IdentityCenterSettings.stored(realm).orElseThrow().endpoint().getPath()).isEqualTo("/tenant-a/scim/v2/");
        }
    }

    @Test
    void aSaveUpdatesTheOneReadAndRemovesTheOthers() {
        List<ComponentModel> stored = List.of(component("c-3", "tenant-c"), component("a-1", "tenant-a"), component("b-2", "tenant-b"));
        RealmModel realm = realm(stored);
        ScimSettingsDraft draft = new ScimSettingsDraft(true, "https://scim.us-east-1.amazonaws.com/tenant-new/scim/v2/",
                null, List.of("g1"), null, null);
        ScimSettingsComponent.Saved saved = ScimSettingsComponent.locked(realm, stored).save(draft);
        assertThat(saved.created()).isFalse();
        assertThat(saved.settings().storedToken()).as("the token kept is the read one's").isEqualTo("token-tenant-a");
        assertThat(calls).containsExactlyInAnyOrder("removeComponent c-3", "removeComponent b-2", "updateComponent a-1");
        assertThat(calls.get(calls.size() - 1)).as("the extras go first: the update's check sees one").isEqualTo("updateComponent a-1");
    }

    @Test
    void removeRemovesEveryComponentOfTheSettings() {
        List<ComponentModel> stored = List.of(component("a-1", "tenant-a"), component("b-2", "tenant-b"));
        assertThat(ScimSettingsComponent.locked(realm(stored), stored).remove()).isTrue();
        assertThat(calls).containsExactly("removeComponent a-1", "removeComponent b-2");
        assertThat(ScimSettingsComponent.locked(realm(List.of()), List.of()).remove()).isFalse();
    }
}
