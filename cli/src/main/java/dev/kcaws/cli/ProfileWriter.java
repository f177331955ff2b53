package dev.kcaws.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code configure}: one profile per role held, each running this program as its
 * {@code credential_process}, with the account's region; the config file rewritten atomically,
 * keeping its mode (a new one is 0600, as {@code aws configure} makes it).
 */
public final class ProfileWriter {
    private final RealmUrl url;
    private final ProfileNames names;
    private final List<String> self;

    public ProfileWriter(RealmUrl url, ProfileNames names, List<String> self) {
        this.url = url;
        this.names = names;
        this.self = self;
    }

    /** Profile name → the keys it should have, in the roles' order. */
    public Map<String, Map<String, String>> profiles(List<Role> roles) {
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        Map<String, Role> byName = new LinkedHashMap<>();
        for (Role role : roles) {
            String name = names.nameOf(role);
            Role other = byName.putIfAbsent(name, role);
            if (other != null) {
                throw CliFailure.usage("two roles get the profile name " + name + " (accounts " + other.accountId() + " and "
                        + role.accountId() + "); use a --name pattern with {accountId}");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            List<String> command = new ArrayList<>(self);
            command.addAll(List.of("credentials", "--url", url.value(), "--account", role.accountId(), "--permission-set", role.permissionSet()));
            keys.put("credential_process", ShellWords.join(command));
            if (role.region() != null && !role.region().isBlank()) {
                keys.put("region", role.region());
            }
            wanted.put(name, keys);
        }
        return wanted;
    }

    public AwsConfigFile.Changes write(Path configFile, List<Role> roles) {
        Map<String, Map<String, String>> wanted = profiles(roles);
        String before = read(configFile);
        AwsConfigFile file = AwsConfigFile.parse(before == null ? "" : before);
        AwsConfigFile.Changes changes = file.apply(wanted, process -> SelfCommand.isOurs(process, url));
        String after = file.text();
        if (!after.equals(before)) {
            replace(configFile, after);
        }
        return changes;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + " (" + e.getMessage() + "); check its permissions or set AWS_CONFIG_FILE");
        }
    }

    private static void replace(Path file, String text) {
        Path temp = null;
        try {
            // a symbolic link (dotfiles kept in a repository) stays one: the file it points to is replaced
            Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            var mode = Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-------");
            temp = Files.createTempFile(target.getParent(), ".config-", ".part", PosixFilePermissions.asFileAttribute(mode));
            Files.writeString(temp, text);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + " (" + e.getMessage() + "); check its permissions or set AWS_CONFIG_FILE");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
