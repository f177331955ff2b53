package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real Keycloak server from the distribution the build unpacked, run as a child process with
 * {@code bin/kc.sh start-dev} (no Docker). Each instance has its own directory: a private copy
 * of the distribution with the bundle's jars in {@code providers/}, its own H2 database, its own
 * free ports and its log file. Stopping and starting again keeps the directory and the database.
 * {@link #withPostgres} and {@link #asClusterNode} make it a production-mode node of a cluster on a
 * shared database instead (see {@link KeycloakCluster}).
 *
 * <pre>{@code
 * try (KeycloakServer server = KeycloakServer.fromBuild().withRealmFile(realmJson).start()) {
 *     server.adminApi().get("/admin/realms/aws-demo");
 * }
 * }</pre>
 *
 * Most tests should use {@link SharedKeycloak#get()} instead: a start costs 15 to 40 s.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /** 180 s covers a first start with augmentation on a busy 2-core machine; -Dkcaws.keycloak.startTimeoutSeconds raises it. */
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(Long.getLong("kcaws.keycloak.startTimeoutSeconds", 180));
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_LINES_ON_FAILURE = 60;
    private static final Pattern CLUSTER_VIEW =
            Pattern.compile("ISPN00009[34]: Received new(?:, MERGED)? cluster view for channel \\S+: (?:MergeView::)?\\[[^\\]]*\\] \\((\\d+)\\)");

    private final BuildArtifacts artifacts;
    private final Path instanceDir;
    private final Path logFile;
    private final int httpPort = FreePort.find();
    private final int managementPort = FreePort.find();
    private final List<Path> realmFiles = new ArrayList<>();
    private final List<String> extraOptions = new ArrayList<>();
    /** Options that do not shape the build (database URL and credentials, cluster ports); not part of the augmentation key. */
    private final List<String> runtimeOptions = new ArrayList<>();
    private boolean testScimEndpoints = true;
    static final String ALLOW_TEST_SCIM_ENDPOINTS = "--spi-kcaws-identity-center-scim--kcaws-identity-center-scim--allow-insecure-endpoint=true";
    private String startCommand = "start-dev";
    private String dbVendor = "dev-file";
    private final AugmentationCache augmentationCache;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;

    private boolean prepared;
    private String augmentationKey;
    private Process process;
    private Thread shutdownHook;
    private AdminApi adminApi;
    private Duration lastStartDuration;
    private long logOffsetAtStart;

    private KeycloakServer(BuildArtifacts artifacts) {
        this.artifacts = artifacts;
        try {
            Files.createDirectories(artifacts.instancesDir());
            this.instanceDir = Files.createTempDirectory(artifacts.instancesDir(), "keycloak-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an instance directory in " + artifacts.instancesDir(), e);
        }
        this.logFile = instanceDir.resolve("keycloak.log");
        this.augmentationCache = new AugmentationCache(artifacts.instancesDir().resolve(".augmentation-cache"));
    }

    /** A not yet started server made from the artifacts of this build (see {@link BuildArtifacts}). */
    public static KeycloakServer fromBuild() {
        return new KeycloakServer(BuildArtifacts.fromSystemProperties());
    }

    /** A realm JSON file to import on the first start ({@code --import-realm}). */
    public KeycloakServer withRealmFile(Path realmJson) {
        requireNotPrepared();
        realmFiles.add(realmJson);
        return this;
    }

    public KeycloakServer withRealmFiles(List<Path> realmJsons) {
        realmJsons.forEach(this::withRealmFile);
        return this;
    }

    /** Without the test-only option that accepts the tests' local SCIM servers: Identity Center endpoints as production checks them. */
    public KeycloakServer withProductionScimEndpoints() {
        testScimEndpoints = false;
        return this;
    }

    /** An extra {@code kc.sh start-dev} option, e.g. {@code --features=declarative-ui}. */
    public KeycloakServer withOption(String option) {
        requireNotPrepared();
        extraOptions.add(option);
        return this;
    }

    /**
     * Uses an external PostgreSQL database instead of the instance's own H2 file, e.g. one of a
     * {@link PostgresServer}; several servers on one database share realms, users and sessions.
     */
    public KeycloakServer withPostgres(String jdbcUrl, String username, String password) {
        requireNotPrepared();
        dbVendor = "postgres";
        runtimeOptions.addAll(List.of("--db-url=" + jdbcUrl, "--db-username=" + username, "--db-password=" + password));
        return this;
    }

    /**
     * Runs as a node of a production-mode cluster: {@code kc.sh start} (start-dev forces local
     * caches) with embedded Infinispan ({@code --cache=ispn}) and Keycloak's default
     * {@code jdbc-ping} stack, which finds the other nodes through the shared database. JGroups
     * binds {@code bindAddress:jgroupsPort}; HTTP without TLS and any hostname, as in the other tests.
     */
    public KeycloakServer asClusterNode(String bindAddress, int jgroupsPort) {
        requireNotPrepared();
        startCommand = "start";
        extraOptions.addAll(List.of("--cache=ispn", "--cache-stack=jdbc-ping"));
        runtimeOptions.addAll(List.of("--http-enabled=true", "--hostname-strict=false",
                "--cache-embedded-network-bind-address=" + bindAddress,
                "--cache-embedded-network-bind-port=" + jgroupsPort));
        return this;
    }

    public KeycloakServer withStartTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    /** Starts the server and waits until /health/ready answers; throws with the log's tail if it does not. */
    public synchronized KeycloakServer start() {
        if (isRunning()) {
            return this;
        }
        stop(); // a crashed earlier process still has its shutdown hook registered
        prepareOnce();
        long started = System.nanoTime();
        logOffsetAtStart = logSize();
        process = launch(startCommand());
        // Not this::stop: the hook must not wait for this object's lock, which start() may hold.
        ProcessHandle handle = process.toHandle();
        shutdownHook = new Thread(() -> ProcessTree.stop(handle, STOP_GRACE), "stop " + instanceDir.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady();
        lastStartDuration = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Keycloak ready at %s after %.1f s (instance %s)%n",
                baseUrl(), lastStartDuration.toMillis() / 1000.0, instanceDir);
        augmentationCache.save(augmentationKey, instanceDir);
        return this;
    }

    /** Stops the process tree: SIGTERM first, so H2 is closed cleanly, then SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
        process = null;
        adminApi = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; nothing left to undo
            }
        }
        shutdownHook = null;
    }

    /**
     * Kills the server's process tree with SIGKILL, as a crash or an OOM killer would: no shutdown,
     * open transactions die with their connections. {@link #start()} starts it again on the same ports.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        tree.add(process.toHandle());
        // Deepest first, so the watchdog shell cannot act on its child's death before that child is gone.
        Collections.reverse(tree);
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> p.onExit().join());
        stop();
    }

    /**
     * The member count of the last cluster view Infinispan logged since the last {@link #start()}
     * (ISPN000094, or ISPN000093 after a merge); 0 if none yet.
     */
    public int clusterViewSize() {
        List<Integer> views = clusterViews();
        return views.isEmpty() ? 0 : views.get(views.size() - 1);
    }

    /** The member counts of every cluster view Infinispan logged since the last {@link #start()}, in order. */
    public List<Integer> clusterViews() {
        Matcher view = CLUSTER_VIEW.matcher(logSinceStart());
        List<Integer> sizes = new ArrayList<>();
        while (view.find()) {
            sizes.add(Integer.parseInt(view.group(1)));
        }
        return sizes;
    }

    /** What the server logged since its last {@link #start()}. */
    public String logSinceStart() {
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(logOffsetAtStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the running server's process tree (its watchdog shell); changes on every start. */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException("Keycloak is not running");
        }
        return process.pid();
    }

    /** Where browsers and API clients reach the server, e.g. {@code http://localhost:41234}. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Health and metrics live on the management port, not on {@link #baseUrl()}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** An admin REST client logged in as the bootstrap admin of the master realm. */
    public synchronized AdminApi adminApi() {
        if (!isRunning()) {
            throw new IllegalStateException("Keycloak is not running; call start() first");
        }
        if (adminApi == null) {
            adminApi = new AdminApi(baseUrl(), ADMIN_USERNAME, ADMIN_PASSWORD);
        }
        return adminApi;
    }

    /**
     * Exports one realm, its users included, to a single JSON file with {@code kc.sh export}, the
     * way an operator would. Only on a stopped server: export opens the same H2 database file.
     */
    public synchronized Path exportRealm(String realm, Path file) {
        if (isRunning()) {
            throw new IllegalStateException("stop() the server before exportRealm: kc.sh export opens the same H2 file");
        }
        if (!prepared) {
            throw new IllegalStateException("the server was never started, so there is no database to export");
        }
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // --optimized: use the start-dev build as it is (dev profile, dev-file H2). Without it, export
        // would rebuild for the prod profile, and the next start-dev would have to rebuild again.
        // --users same_file: single-file exports accept no other user strategy.
        List<String> command = List.of(kcSh(), "export", "--optimized",
                "--realm", realm, "--file", target.toString(), "--users", "same_file",
                "--http-management-port=" + managementPort);
        Process export = launch(command);
        try {
            if (!export.waitFor(startTimeout.toSeconds(), TimeUnit.SECONDS)) {
                ProcessTree.stop(export.toHandle(), STOP_GRACE);
                throw failure("kc.sh export did not finish within " + startTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            ProcessTree.stop(export.toHandle(), STOP_GRACE);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting " + realm, e);
        }
        if (export.exitValue() != 0 || !Files.isRegularFile(target)) {
            throw failure("kc.sh export of realm " + realm + " failed with exit code " + export.exitValue());
        }
        return target;
    }

    /** The instance's private Keycloak home (bin/, providers/, data/h2, ...). */
    public Path instanceDir() {
        return instanceDir;
    }

    /** Everything the server (and kc.sh export) printed, across restarts. */
    public Path logFile() {
        return logFile;
    }

    /** How long the last {@link #start()} took until /health/ready answered; null before. */
    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    private void prepareOnce() {
        if (prepared) {
            return;
        }
        DistributionCopy.copy(artifacts.keycloakHome(), instanceDir);
        try {
            Path providers = Files.createDirectories(instanceDir.resolve("providers"));
            // COPY_ATTRIBUTES keeps the jars' timestamps, which Keycloak (and the augmentation cache)
            // compare to decide whether to rebuild.
            for (Path jar : List.of(artifacts.providersJar(), artifacts.themesJar())) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            if (!realmFiles.isEmpty()) {
                Path imports = Files.createDirectories(instanceDir.resolve("data/import"));
                for (Path realm : realmFiles) {
                    Files.copy(realm, imports.resolve(realm.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + instanceDir, e);
        }
        augmentationKey = AugmentationCache.key(artifacts.keycloakHome(), buildOptions(), instanceDir.resolve("providers"));
        augmentationCache.restore(augmentationKey, instanceDir);
        prepared = true;
    }

    /** The options that shape Keycloak's build; ports and import are runtime-only. */
    private List<String> buildOptions() {
        List<String> options = new ArrayList<>(List.of(startCommand, "--health-enabled=true", "--db=" + dbVendor));
        options.addAll(extraOptions);
        return options;
    }

    private List<String> startCommand() {
        List<String> command = new ArrayList<>();
        command.add(kcSh());
        command.addAll(buildOptions());
        command.add("--http-port=" + httpPort);
        command.add("--http-management-port=" + managementPort);
        command.addAll(runtimeOptions);
        // The tests' SCIM servers (the AWS-like fake, Keycloak's own) listen on http://localhost,
        // which a production server refuses as an Identity Center endpoint.
        if (testScimEndpoints) {
            command.add(ALLOW_TEST_SCIM_ENDPOINTS);
        }
        if (!realmFiles.isEmpty()) {
            command.add("--import-realm");
        }
        return command;
    }

    private Process launch(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(ParentWatchdog.wrap(command))
                .directory(instanceDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // The developer's own KC_* settings (KC_DB, KC_HOSTNAME, ...) must not leak into test servers.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Profiling hook: e.g. KCAWS_JAVA_OPTS_APPEND=-XX:StartFlightRecording=... (JFR) for the server JVM.
        String extraJavaOpts = System.getenv("KCAWS_JAVA_OPTS_APPEND");
        if (extraJavaOpts != null && !extraJavaOpts.isBlank()) {
            env.put("JAVA_OPTS_APPEND", extraJavaOpts);
        }
        // Run Keycloak on the JVM running the tests, which the build already checked is 17+.
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Files.writeString(logFile, "\n=== " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                stop();
                throw failure("Keycloak exited with code " + exit + " before it was ready");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw failure("Keycloak was not ready after " + startTimeout.toSeconds() + " s");
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; last " + LOG_LINES_ON_FAILURE + " lines of " + logFile + ":"
                + System.lineSeparator() + LogTail.last(logFile, LOG_LINES_ON_FAILURE));
    }

    private String kcSh() {
        return instanceDir.resolve("bin").resolve("kc.sh").toString();
    }

    private void requireNotPrepared() {
        if (prepared) {
            throw new IllegalStateException("realm files and options can only be added before the first start()");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + baseUrl() + ", " + instanceDir + "]";
    }
}
