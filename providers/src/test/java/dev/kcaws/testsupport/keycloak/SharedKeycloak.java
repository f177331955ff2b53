package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one server that all integration tests of a test JVM share, so the suite pays for one
 * start, not one per class. Started on first use with every realm in {@code realm-export/}
 * imported; stopped when the JVM exits (by the shutdown hook each {@link KeycloakServer}
 * registers when it starts).
 *
 * <p>Tests on the shared server must leave it as they found it: create their own realms (or
 * users) under unique names and delete them afterwards, and never stop it.
 * {@link dev.kcaws.testsupport.ManagedRealm} does that for a test class's realm.
 */
public final class SharedKeycloak {

    private static KeycloakServer server;
    private static RuntimeException startFailure;
    private static int stsPort;

    private SharedKeycloak() {
    }

    public static synchronized KeycloakServer get() {
        // A server that failed to start fails every later caller at once instead of retrying for minutes.
        if (startFailure != null) {
            throw new IllegalStateException("the shared Keycloak server failed to start earlier", startFailure);
        }
        if (server == null) {
            try {
                // The bundle's STS calls go to a port a test's AWS-like STS can listen on later,
                // once the realm's metadata (which that STS must trust) exists.
                stsPort = FreePort.find();
                server = KeycloakServer.fromBuild().withRealmFiles(realmExports())
                        .withOption("--spi-realm-restapi-extension--aws--sts-endpoint=http://127.0.0.1:" + stsPort)
                        .start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return server;
    }

    /** The port the shared server sends STS AssumeRoleWithSAML calls to. */
    public static synchronized int stsPort() {
        get();
        return stsPort;
    }

    /** The realm files the shared server imports: every *.json in kcaws.realm.dir. */
    public static List<Path> realmExports() {
        Path dir = BuildArtifacts.fromSystemProperties().realmDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
