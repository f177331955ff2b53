package dev.kcaws.bench;

import dev.kcaws.testsupport.keycloak.KeycloakServer;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The CPU time the Keycloak process has used so far, read from the OS ({@code /proc} on Linux) via
 * {@link ProcessHandle}. The server is a child process of this JVM (kc.sh execs java), found by its
 * instance directory on its command line. CPU per login hardly depends on what else the machine is
 * doing, so it compares bundle and stock more steadily than wall-clock time on a shared machine.
 */
final class ServerCpu {

    private ServerCpu() {
    }

    /** A supplier of Keycloak's total CPU time in ns; it answers -1 if the process or its CPU time cannot be read. */
    static LongSupplier of(KeycloakServer server) {
        String home = server.instanceDir().toString();
        Optional<ProcessHandle> keycloak = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("QuarkusEntryPoint")).orElse(false))
                .findFirst();
        if (keycloak.isEmpty()) {
            return () -> -1;
        }
        ProcessHandle process = keycloak.get();
        return () -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
