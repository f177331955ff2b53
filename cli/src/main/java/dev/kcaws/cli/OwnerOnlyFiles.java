package dev.kcaws.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: the refresh token and the cached credentials. Directories
 * 0700, files 0600, set when created (never a moment of a wider mode) and written by an atomic
 * rename, so a reader never sees half a file.
 */
public final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (and its parents) if missing; makes it 0700 either way. */
    public static Path directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } catch (FileAlreadyExistsException raced) {
                    // another kcaws-aws made it at the same moment
                }
            }
            if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
            return dir;
        } catch (IOException | UnsupportedOperationException e) {
            throw new CliFailure("cannot create the private directory " + dir + " (" + e.getMessage() + "); check its parent's permissions");
        }
    }

    /** Writes the text to {@code file} (0600), replacing it atomically. */
    public static void write(Path file, String text) {
        Path dir = directory(file.toAbsolutePath().getParent());
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".tmp-", ".part", PosixFilePermissions.asFileAttribute(FILE));
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + " (" + e.getMessage() + "); check the permissions of " + dir);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing secret was written yet, or the rename failed: best effort
                }
            }
        }
    }

    /** The file's text, or null when it does not exist. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + " (" + e.getMessage() + "); check its permissions");
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CliFailure("cannot delete " + file + " (" + e.getMessage() + "); delete it by hand");
        }
    }
}
