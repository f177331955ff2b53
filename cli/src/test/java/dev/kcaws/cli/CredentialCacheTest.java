package dev.kcaws.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialCacheTest {
    static final RealmUrl URL = RealmUrl.parse("https://sso.example.com/realms/acme");
    static final String CREDS = "{\"Version\":1,\"AccessKeyId\":\"ASIAX\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2026-11-30T17:00:00Z\"}";

    @TempDir
    Path dir;

    CredentialCache at(String instant) {
        return new CredentialCache(dir.resolve("kcaws"), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void servesUntilFiveMinutesBeforeExpiration() {
        at("2026-11-30T16:00:00Z").put(URL, "222222222222", "PowerUserAccess", CREDS);
        assertThat(at("2026-11-30T16:00:00Z").get(URL, "222222222222", "PowerUserAccess")).isEqualTo(CREDS);
        assertThat(at("2026-11-30T16:54:59Z").get(URL, "222222222222", "PowerUserAccess")).isEqualTo(CREDS);
        assertThat(at("2026-11-30T16:55:00Z").get(URL, "222222222222", "PowerUserAccess")).isNull();
        assertThat(at("2026-11-30T17:30:00Z").get(URL, "222222222222", "PowerUserAccess")).isNull();
    }

    @Test
    void keepsEachRoleOfEachRealmApart() {
        CredentialCache cache = at("2026-11-30T16:00:00Z");
        cache.put(URL, "222222222222", "PowerUserAccess", CREDS);
        assertThat(cache.get(URL, "222222222222", "ReadOnly")).isNull();
        assertThat(cache.get(URL, "333333333333", "PowerUserAccess")).isNull();
        assertThat(cache.get(RealmUrl.parse("https://sso.example.com/realms/other"), "222222222222", "PowerUserAccess")).isNull();
        cache.put(RealmUrl.parse("https://sso.example.com/realms/other"), "222222222222", "PowerUserAccess", CREDS);
        cache.removeAll(URL);
        assertThat(cache.get(URL, "222222222222", "PowerUserAccess")).isNull();
        assertThat(cache.get(RealmUrl.parse("https://sso.example.com/realms/other"), "222222222222", "PowerUserAccess")).isEqualTo(CREDS);
    }

    @Test
    void damagedOrExpirationlessEntriesAreMisses() throws Exception {
        CredentialCache cache = at("2026-11-30T16:00:00Z");
        cache.put(URL, "222222222222", "A", "{\"Version\":1}");
        cache.put(URL, "222222222222", "B", "{\"Expiration\":\"tomorrow\"}");
        cache.put(URL, "222222222222", "C", "not json");
        assertThat(cache.get(URL, "222222222222", "A")).isNull();
        assertThat(cache.get(URL, "222222222222", "B")).isNull();
        assertThat(cache.get(URL, "222222222222", "C")).isNull();
    }

    @Test
    void onlyTheOwnerCanReadIt() throws Exception {
        at("2026-11-30T16:00:00Z").put(URL, "222222222222", "PowerUserAccess", CREDS);
        Path cacheDir = dir.resolve("kcaws");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
        try (var files = Files.list(cacheDir)) {
            assertThat(files.toList()).singleElement()
                    .satisfies(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }
}
