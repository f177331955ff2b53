package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The shipped demo realm as JSON, to copy under another name, break on purpose, or import elsewhere. */
public final class DemoRealm {

    public static final ObjectMapper JSON = new ObjectMapper();

    private DemoRealm() {
    }

    public static Path file() {
        return SharedKeycloak.realmExports().stream().filter(p -> p.getFileName().toString().equals("aws-demo-realm.json"))
                .findFirst().orElseThrow();
    }

    /** A fresh copy of the demo realm renamed to {@code name}. */
    public static ObjectNode copyNamed(String name) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(file().toFile());
            realm.put("realm", name);
            realm.remove("id");
            for (var client : realm.withArray("clients")) {
                if (client.has("baseUrl")) {
                    ((ObjectNode) client).put("baseUrl", client.get("baseUrl").asText().replace("/realms/aws-demo/", "/realms/" + name + "/"));
                }
                if (client.has("redirectUris")) {
                    var old = client.get("redirectUris").deepCopy();
                    var uris = ((ObjectNode) client).putArray("redirectUris");
                    old.forEach(u -> uris.add(u.asText().replace("/realms/aws-demo/", "/realms/" + name + "/")));
                }
            }
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client roles of the model client {@code aws-access} (the access roles) in a realm representation. */
    public static ArrayNode modelRoles(ObjectNode realm) {
        return (ArrayNode) realm.path("roles").path("client").path("aws-access");
    }

    /** The attributes of the model client {@code aws-access}: accounts and permission sets as JSON. */
    public static ObjectNode modelAttributes(ObjectNode realm) {
        for (var client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals("aws-access")) {
                return ((ObjectNode) client).with("attributes");
            }
        }
        throw new IllegalArgumentException("no aws-access client");
    }
}
