package dev.kcaws.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoreTest {
    @TempDir
    Path home;

    @Test
    void theRefreshTokenIsReadableByItsOwnerOnly() throws Exception {
        Path dir = Places.from(Map.of(), home).tokens();
        RealmUrl url = RealmUrl.parse("https://sso.example.com/realms/acme/");
        new TokenStore(dir).save(url, "refresh-1");

        assertThat(dir).isEqualTo(home.resolve(".config/kcaws"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path file = new TokenStore(dir).fileFor(url);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new TokenStore(dir).refreshToken(RealmUrl.parse("https://sso.example.com/realms/acme"))).isEqualTo("refresh-1");
    }

    @Test
    void aDirectoryOthersCouldReadIsClosedAndRewritingKeepsOwnerOnly() throws Exception {
        Path dir = home.resolve("cfg/kcaws");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        TokenStore store = new TokenStore(dir);
        RealmUrl url = RealmUrl.parse("https://sso.example.com/realms/acme");
        store.save(url, "refresh-1");
        store.save(url, "refresh-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileFor(url)))).isEqualTo("rw-------");
        assertThat(store.refreshToken(url)).isEqualTo("refresh-2");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left behind").containsExactly(store.fileFor(url));
        }
    }

    @Test
    void oneFilePerRealmAndLogoutForgetsIt() {
        TokenStore store = new TokenStore(home.resolve("kcaws"));
        RealmUrl acme = RealmUrl.parse("https://sso.example.com/realms/acme");
        RealmUrl other = RealmUrl.parse("https://sso.example.com/realms/other");
        store.save(acme, "a");
        store.save(other, "o");
        store.delete(acme);
        assertThat(store.refreshToken(acme)).isNull();
        assertThat(store.refreshToken(other)).isEqualTo("o");
    }

    @Test
    void xdgDirectoriesAndAwsConfigFileAreHonoured() {
        Places places = Places.from(Map.of("XDG_CONFIG_HOME", "/x/config", "XDG_CACHE_HOME", "/x/cache", "AWS_CONFIG_FILE", "~/aws.conf"), home);
        assertThat(places.tokens()).isEqualTo(Path.of("/x/config/kcaws"));
        assertThat(places.cache()).isEqualTo(Path.of("/x/cache/kcaws"));
        assertThat(places.awsConfig()).isEqualTo(home.resolve("aws.conf"));
        Places relative = Places.from(Map.of("XDG_CONFIG_HOME", "relative"), home);
        assertThat(relative.tokens()).as("XDG: relative paths are ignored").isEqualTo(home.resolve(".config/kcaws"));
        assertThat(relative.awsConfig()).isEqualTo(home.resolve(".aws/config"));
    }
}
