package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reuses Keycloak's "augmentation" (the ~20 s build step start-dev runs when the providers or
 * build options changed; it writes {@code lib/quarkus}) between instances of one build.
 *
 * <p>Keycloak decides to re-augment by comparing the build options and each provider jar's name and
 * last-modified time with what it recorded in {@code lib/quarkus}. Instances that install the same
 * jars (copied with their timestamps) with the same options can therefore start from a copy of an
 * earlier instance's {@code lib/quarkus}: a second server starts in ~15 s instead of ~38 s. If the
 * key below ever misses a difference, Keycloak notices it itself and augments again, so a stale
 * entry costs time, never correctness.
 */
final class AugmentationCache {

    private final Path root;

    AugmentationCache(Path root) {
        this.root = root;
    }

    /** A key over everything Keycloak compares: the distribution, the options and the provider jars. */
    static String key(Path distribution, List<String> buildOptions, Path providersDir) {
        try (Stream<Path> jars = Files.list(providersDir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, distribution.toString());
            buildOptions.forEach(option -> update(digest, option));
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                update(digest, jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a cached {@code lib/quarkus} into the instance; false if there is none for the key. */
    boolean restore(String key, Path instanceHome) {
        Path cached = root.resolve(key);
        if (!Files.isDirectory(cached)) {
            return false;
        }
        try {
            Path quarkus = instanceHome.resolve("lib/quarkus");
            DistributionCopy.deleteTree(quarkus);
            DistributionCopy.copyTree(cached, quarkus);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not restore augmentation " + cached, e);
        }
    }

    /** Saves the instance's {@code lib/quarkus} (call once the server is up, so it is complete). */
    void save(String key, Path instanceHome) {
        Path target = root.resolve(key);
        if (Files.isDirectory(target)) {
            return;
        }
        try {
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, key + ".tmp");
            DistributionCopy.copyTree(instanceHome.resolve("lib/quarkus"), staging);
            try {
                // Atomic, so a parallel JVM never restores a half-written entry.
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                DistributionCopy.deleteTree(staging);
            } catch (IOException e) {
                DistributionCopy.deleteTree(staging);
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save augmentation to " + target, e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
