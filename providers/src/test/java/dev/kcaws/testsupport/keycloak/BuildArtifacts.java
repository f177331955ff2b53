package dev.kcaws.testsupport.keycloak;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Maven build hands the integration tests (failsafe system properties in
 * providers/pom.xml): the unpacked distribution, the bundle's two jars, the realm exports
 * and a scratch directory for server instances.
 */
public record BuildArtifacts(Path keycloakHome, Path providersJar, Path themesJar, Path realmDir, Path instancesDir) {

    public static BuildArtifacts fromSystemProperties() {
        Path home = existing("kcaws.keycloak.home", "run `mvn package` so the distribution is unpacked");
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("not a Keycloak distribution (no bin/kc.sh): " + home);
        }
        return new BuildArtifacts(
                home,
                existing("kcaws.providers.jar", "build the providers module first (`mvn package`)"),
                existing("kcaws.themes.jar", "build the themes module first (`mvn package` from the repository root)"),
                Path.of(required("kcaws.realm.dir")).toAbsolutePath(),
                Path.of(System.getProperty("kcaws.instances.dir", System.getProperty("java.io.tmpdir")))
                        .toAbsolutePath());
    }

    private static Path existing(String property, String hint) {
        Path path = Path.of(required(property)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path + ", which does not exist: " + hint);
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property
                    + " is not set; run integration tests through Maven (`mvn verify`), which sets it");
        }
        return value;
    }
}
