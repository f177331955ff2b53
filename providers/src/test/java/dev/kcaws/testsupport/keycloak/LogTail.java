package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a server log, for failure messages that show why Keycloak did not come up. */
final class LogTail {

    private LogTail() {
    }

    static String last(Path log, int lines) {
        try {
            // Keycloak logs are UTF-8; a malformed byte must not hide the message we are after.
            List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }
}
