package dev.kcaws.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are kept, from the environment as the XDG base-directory spec and the AWS CLI
 * define it: the refresh tokens in {@code $XDG_CONFIG_HOME/kcaws} (default {@code ~/.config/kcaws}),
 * the credentials cache in {@code $XDG_CACHE_HOME/kcaws} (default {@code ~/.cache/kcaws}), the AWS
 * profiles in {@code $AWS_CONFIG_FILE} (default {@code ~/.aws/config}).
 */
public record Places(Path tokens, Path cache, Path awsConfig) {

    public static Places from(Map<String, String> env, Path home) {
        return new Places(
                base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("kcaws"),
                base(env.get("XDG_CACHE_HOME"), home.resolve(".cache")).resolve("kcaws"),
                nonBlank(env.get("AWS_CONFIG_FILE")) ? Path.of(expandHome(env.get("AWS_CONFIG_FILE"), home)) : home.resolve(".aws").resolve("config"));
    }

    /** XDG: a relative value is invalid and must be ignored. */
    private static Path base(String value, Path fallback) {
        return nonBlank(value) && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    private static String expandHome(String path, Path home) {
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
