package dev.kcaws.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disabled SCIM push settings that differ per racer, as the settings race tests send them: through
 * the bundle's API ({@link #body}) or as a component through Keycloak's components API
 * ({@link #component}). {@code tag} tells one test's racers from another's.
 */
final class RacingScimSettings {

    static final String TYPE = "dev.kcaws.identitycenter.ScimPushSettingsProvider";

    private RacingScimSettings() {
    }

    static Map<String, Object> body(String tag, int racer, String groupId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", false);
        body.put("endpoint", "https://scim.us-east-1.amazonaws.com/" + tag + racer + "/scim/v2/");
        body.put("token", tag + "-token-" + racer);
        body.put("groupIds", List.of(groupId));
        return body;
    }

    static ObjectNode component(String tag, int racer, String groupId) {
        ObjectNode component = DemoRealm.JSON.createObjectNode().put("name", tag + " " + racer)
                .put("providerId", "kcaws-identity-center-scim").put("providerType", TYPE);
        ObjectNode config = component.putObject("config");
        config.putArray("enabled").add("false");
        config.putArray("endpoint").add("https://scim.us-east-1.amazonaws.com/component-" + tag + racer + "/scim/v2/");
        config.putArray("token").add(tag + "-token-" + racer);
        config.putArray("groupIds").add(groupId);
        return component;
    }
}
