package dev.kcaws.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The credential_process JSON of each (realm, account, permission set), kept in the private cache
 * directory (0700, files 0600) until {@link #MARGIN} before its {@code Expiration}: the AWS CLI
 * runs the process for every command, and a fresh STS call each time would be slow; the margin
 * leaves a long command time to finish with credentials that still work.
 */
public final class CredentialCache {
    public static final Duration MARGIN = Duration.ofMinutes(5);

    private final Path dir;
    private final Clock clock;

    public CredentialCache(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Path fileFor(RealmUrl url, String account, String permissionSet) {
        return dir.resolve("credentials-" + Digest.of(url.value()) + "-" + Digest.of(account, permissionSet) + ".json");
    }

    /** The cached JSON if it is still good for {@link #MARGIN} and more, else null. */
    public String get(RealmUrl url, String account, String permissionSet) {
        String text = OwnerOnlyFiles.read(fileFor(url, account, permissionSet));
        if (text == null) {
            return null;
        }
        Instant expiration = expiration(text);
        return expiration != null && clock.instant().isBefore(expiration.minus(MARGIN)) ? text.strip() : null;
    }

    public void put(RealmUrl url, String account, String permissionSet, String credentialJson) {
        OwnerOnlyFiles.write(fileFor(url, account, permissionSet), credentialJson.strip() + "\n");
    }

    public void remove(RealmUrl url, String account, String permissionSet) {
        OwnerOnlyFiles.delete(fileFor(url, account, permissionSet));
    }

    /**
     * Removes the cached credentials of the realm's roles not in {@code held} ({@code configure}
     * learnt they are gone): {@code credentials} then asks Keycloak, which refuses in one line,
     * instead of serving keys for a role the user lost until they expire.
     */
    public int retainOnly(RealmUrl url, java.util.Collection<Role> held) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        java.util.Set<Path> keep = new java.util.HashSet<>();
        for (Role role : held) {
            keep.add(fileFor(url, role.accountId(), role.permissionSet()));
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "credentials-" + Digest.of(url.value()) + "-*.json")) {
            for (Path file : files) {
                if (!keep.contains(file)) {
                    OwnerOnlyFiles.delete(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new CliFailure("cannot clear the cache " + dir + " (" + e.getMessage() + "); delete it by hand");
        }
        return removed;
    }

    /** Removes every cached credential of the realm (logout). */
    public void removeAll(RealmUrl url) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "credentials-" + Digest.of(url.value()) + "-*.json")) {
            for (Path file : files) {
                OwnerOnlyFiles.delete(file);
            }
        } catch (IOException e) {
            throw new CliFailure("cannot clear the cache " + dir + " (" + e.getMessage() + "); delete it by hand");
        }
    }

    /** The {@code Expiration} of credential_process JSON, or null when it has none (or is damaged). */
    static Instant expiration(String credentialJson) {
        try {
            Map<String, Object> json = Json.parseObject(credentialJson);
            String expiration = Json.string(json, "Expiration");
            return expiration == null ? null : Instant.parse(expiration);
        } catch (Json.MalformedJson | DateTimeParseException e) {
            return null;
        }
    }
}
