package dev.kcaws.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh access token from the stored refresh token (refresh grant on {@value DeviceSignIn#CLIENT_ID}),
 * storing the rotated refresh token Keycloak answers with. The AWS CLI may run several
 * credential processes at once: a lock file next to the token makes their refreshes take turns,
 * so none of them sends a refresh token another one has just replaced.
 */
public final class AccessTokens {
    private final KeycloakHttp http;
    private final TokenStore store;

    public AccessTokens(KeycloakHttp http, TokenStore store) {
        this.http = http;
        this.store = store;
    }

    public String accessToken(RealmUrl url) {
        Path lockFile = store.fileFor(url).resolveSibling(store.fileFor(url).getFileName() + ".lock");
        OwnerOnlyFiles.directory(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE));
                FileLock lock = channel.lock()) {
            return refresh(url);
        } catch (IOException e) {
            throw new CliFailure("cannot lock " + lockFile + " (" + e.getMessage() + "); check its permissions");
        }
    }

    private String refresh(RealmUrl url) {
        String refreshToken = store.refreshToken(url);
        if (refreshToken == null) {
            throw new CliFailure("you are not signed in to " + url + "; run: kcaws-aws login --url " + url);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", DeviceSignIn.CLIENT_ID);
        form.put("refresh_token", refreshToken);
        KeycloakHttp.Answer answer = http.postForm(url.resolve("/protocol/openid-connect/token"), form, null);
        if (answer.status() == 200) {
            String accessToken = Json.string(answer.json(), "access_token");
            String rotated = Json.string(answer.json(), "refresh_token");
            if (accessToken == null) {
                throw new CliFailure("Keycloak at " + url + " answered without an access token; check --url");
            }
            if (rotated != null && !rotated.equals(refreshToken)) {
                store.save(url, rotated);
            }
            return accessToken;
        }
        if ("invalid_grant".equals(answer.error()) || "invalid_client".equals(answer.error()) || "unauthorized_client".equals(answer.error())) {
            throw signInExpired(url);
        }
        if (answer.status() == 404) {
            throw new CliFailure("no Keycloak realm at " + url + "; check --url");
        }
        throw new CliFailure("Keycloak at " + url + " refused to renew your sign-in (" + answer.errorDescription()
                + "); run: kcaws-aws login --url " + url);
    }

    static CliFailure signInExpired(RealmUrl url) {
        return new CliFailure("your sign-in to " + url + " has expired; run: kcaws-aws login --url " + url);
    }
}
