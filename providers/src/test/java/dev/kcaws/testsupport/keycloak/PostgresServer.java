package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for cluster tests, from the distribution's binaries (Debian's
 * {@code postgresql} package, which test.sh installs when missing): {@code initdb} into a fresh
 * directory under the build's instances directory, the postmaster on a free port bound to
 * 127.0.0.1 only with its unix socket in that directory, one database {@value #DATABASE} owned by
 * user {@value #USER}. {@link #close()} stops it and deletes the directory.
 *
 * <p>initdb and postgres refuse to run as root. When the tests run as root (as in CI), both run
 * as the unprivileged user {@code postgres} (which the Debian package creates;
 * -Dkcaws.postgres.user names another) through {@code runuser}, and the directory is given to that
 * user. A non-root caller runs them as itself.
 *
 * <p>The postmaster runs in the foreground under {@link ParentWatchdog}, so it goes away with the
 * test JVM even when that is killed. {@link #stop()} and {@link #start()} take the server down and
 * up again on the same port and data, for database-outage tests.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "keycloak";
    public static final String USER = "kcaws";
    public static final String PASSWORD = "kcaws";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path binDir;
    private final Path root;
    private final Path dataDir;
    private final Path socketDir;
    private final Path logFile;
    private final String runAs;
    private final int port = FreePort.find();
    private Process postmaster;
    private Thread shutdownHook;

    private PostgresServer(Path binDir, Path root, String runAs) {
        this.binDir = binDir;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.socketDir = root;
        this.logFile = root.resolve("postgres.log");
        this.runAs = runAs;
    }

    /** Creates, starts and returns a server with an empty database {@value #DATABASE}. */
    public static PostgresServer start(Path parentDir) {
        Path binDir = binDir();
        try {
            Files.createDirectories(parentDir);
            Path root = Files.createTempDirectory(parentDir, "postgres-");
            // The socket path (root/.s.PGSQL.<port>) must fit in a sockaddr_un (107 bytes).
            if (root.toAbsolutePath().toString().length() > 90) {
                Files.delete(root);
                root = Files.createTempDirectory("kcaws-pg-");
            }
            String runAs = null;
            if (((Integer) Files.getAttribute(root, "unix:uid")) == 0) {
                runAs = System.getProperty("kcaws.postgres.user", "postgres");
                giveTo(root, runAs);
                // A checkout under /root is out of that user's reach: fall back to the temp directory.
                if (!canWrite(runAs, root)) {
                    Files.delete(root);
                    root = Files.createTempDirectory("kcaws-pg-");
                    giveTo(root, runAs);
                }
            }
            PostgresServer server = new PostgresServer(binDir, root.toAbsolutePath(), runAs);
            server.initdb();
            server.start();
            server.run(List.of(binDir.resolve("createdb").toString(), "-h", server.socketDir.toString(), "-p", String.valueOf(server.port),
                    "-U", USER, DATABASE), "createdb");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a PostgreSQL directory in " + parentDir, e);
        }
    }

    private static void giveTo(Path dir, String user) throws IOException {
        UserPrincipal owner;
        try {
            owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        } catch (IOException e) {
            throw new IllegalStateException("the tests run as root, and PostgreSQL refuses root; there is no user '" + user
                    + "' to run it as (Debian's postgresql package creates 'postgres'; -Dkcaws.postgres.user names another)", e);
        }
        Files.setOwner(dir, owner);
    }

    private static boolean canWrite(String user, Path dir) {
        try {
            Process test = new ProcessBuilder("runuser", "-u", user, "--", "test", "-w", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return test.waitFor(30, TimeUnit.SECONDS) && test.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run runuser, which the tests need to start PostgreSQL as '" + user + "' when run as root", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JDBC URL Keycloak's --db-url takes. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return postmaster != null && postmaster.isAlive();
    }

    /** Starts the postmaster (again) and waits until it accepts connections. */
    public synchronized PostgresServer start() {
        if (isRunning()) {
            return this;
        }
        List<String> command = asUser(List.of(binDir.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", String.valueOf(port), "-k", socketDir.toString(), "-c", "listen_addresses=127.0.0.1",
                // Tests never survive a machine crash; two Keycloak pools of 100 plus JGroups' discovery need more than 100.
                "-c", "fsync=off", "-c", "max_connections=300"));
        ProcessBuilder builder = new ProcessBuilder(ParentWatchdog.wrap(command))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            postmaster = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        ProcessHandle handle = postmaster.toHandle();
        shutdownHook = new Thread(() -> ProcessTree.stop(handle, Duration.ofSeconds(10)), "stop postgres " + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                throw failure("PostgreSQL exited with code " + postmaster.exitValue() + " before it accepted connections");
            }
            if (quietly(List.of(binDir.resolve("pg_isready").toString(), "-q", "-h", socketDir.toString(), "-p", String.valueOf(port))) == 0) {
                return this;
            }
            sleep(200);
        }
        throw failure("PostgreSQL did not accept connections within " + START_TIMEOUT.toSeconds() + " s");
    }

    /**
     * Stops the server the way an operator's fast shutdown does (pg_ctl stop -m fast: open
     * transactions are rolled back, clients disconnected), keeping its data for {@link #start()}.
     */
    public synchronized void stop() {
        if (postmaster == null) {
            return;
        }
        if (postmaster.isAlive()) {
            quietly(asUser(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30")));
            ProcessTree.stop(postmaster.toHandle(), Duration.ofSeconds(10));
        }
        postmaster = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        shutdownHook = null;
    }

    /** Runs one SQL statement with psql and returns its unaligned, tuples-only output. */
    public String query(String sql) {
        List<String> command = List.of(binDir.resolve("psql").toString(), "-h", socketDir.toString(), "-p", String.valueOf(port),
                "-U", USER, "-d", DATABASE, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql);
        return run(command, "psql").strip();
    }

    @Override
    public void close() {
        stop();
        try {
            DistributionCopy.deleteTree(root);
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    private void initdb() {
        run(asUser(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync")), "initdb");
    }

    /** The command as the unprivileged user when the tests run as root. */
    private List<String> asUser(List<String> command) {
        if (runAs == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", runAs, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private String run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (" + String.join(" ", command) + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int quietly(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private IllegalStateException failure(String what) {
        stop();
        return new IllegalStateException(what + "; last lines of " + logFile + ":" + System.lineSeparator() + LogTail.last(logFile, 30));
    }

    /** -Dkcaws.postgres.bin, else the newest /usr/lib/postgresql/<version>/bin (Debian's layout). */
    private static Path binDir() {
        String configured = System.getProperty("kcaws.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(PostgresServer::version));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no PostgreSQL binaries in /usr/lib/postgresql/*/bin; run ./test.sh (it installs Debian's postgresql)"
                + " or pass -Dkcaws.postgres.bin=<directory with initdb, postgres, pg_ctl, createdb, psql>");
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port + ", " + root + "]";
    }
}
