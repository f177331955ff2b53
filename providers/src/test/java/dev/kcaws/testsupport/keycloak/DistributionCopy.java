package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Makes a private copy of the unpacked distribution for one server instance, so several
 * servers can run at once and the copy that run.sh uses is never written to.
 *
 * <p>The library jars under {@code lib/lib} (~170 MB) are hard-linked: nothing writes them, and
 * the re-augmentation that start-dev does replaces the files in {@code lib/quarkus} with new ones
 * (checked on 26.7.3: the source's inodes and checksums stay unchanged). Everything else is copied,
 * because Keycloak writes there. The source's {@code data/} (run.sh's H2 database) and any jars in
 * its {@code providers/} are left out: each instance starts with an empty database and gets the
 * bundle's jars installed by {@link KeycloakServer}.
 */
final class DistributionCopy {

    private DistributionCopy() {
    }

    static void copy(Path distribution, Path target) {
        Path libraries = distribution.resolve("lib/lib");
        try {
            Files.walkFileTree(distribution, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path relative = distribution.relativize(dir);
                    if (relative.toString().equals("data")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(target.resolve(relative.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path relative = distribution.relativize(file);
                    if (relative.startsWith("providers") && relative.toString().endsWith(".jar")) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path copy = target.resolve(relative.toString());
                    if (file.startsWith(libraries)) {
                        linkOrCopy(file, copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            Files.createDirectories(target.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + distribution + " to " + target, e);
        }
    }

    /** Hard links need one file system; a temp dir elsewhere gets a plain copy. */
    private static void linkOrCopy(Path file, Path copy) throws IOException {
        try {
            Files.createLink(copy, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Recursively copies a directory tree, keeping timestamps. */
    static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
