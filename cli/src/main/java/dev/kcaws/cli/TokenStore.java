package dev.kcaws.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refresh token of each Keycloak realm the user signed in to: one file per realm URL in the
 * private config directory (0700), each 0600. Nothing else of the sign-in is kept: access tokens
 * are short-lived and fetched when needed.
 */
public final class TokenStore {
    private final Path dir;

    public TokenStore(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(RealmUrl url) {
        return dir.resolve("token-" + Digest.of(url.value()) + ".json");
    }

    public void save(RealmUrl url, String refreshToken) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("url", url.value());
        content.put("refresh_token", refreshToken);
        OwnerOnlyFiles.write(fileFor(url), Json.write(content) + "\n");
    }

    /** The stored refresh token, or null when the user has not signed in to this realm (or the file is damaged). */
    public String refreshToken(RealmUrl url) {
        String text = OwnerOnlyFiles.read(fileFor(url));
        if (text == null) {
            return null;
        }
        try {
            Map<String, Object> content = Json.parseObject(text);
            return url.value().equals(Json.string(content, "url")) ? Json.string(content, "refresh_token") : null;
        } catch (Json.MalformedJson e) {
            return null;
        }
    }

    public void delete(RealmUrl url) {
        OwnerOnlyFiles.delete(fileFor(url));
    }
}
