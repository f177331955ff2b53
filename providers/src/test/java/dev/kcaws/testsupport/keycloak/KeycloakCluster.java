package dev.kcaws.testsupport.keycloak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keycloak as it runs in production: several nodes of one Infinispan cluster on one PostgreSQL
 * database ({@link PostgresServer}), each a {@link KeycloakServer} in production mode
 * ({@code kc.sh start --cache=ispn}, Keycloak's default {@code jdbc-ping} stack: the nodes find each
 * other through a table in the shared database) with its own HTTP, management and JGroups ports on
 * this machine. Realm files are imported by the first node; the others start once it is ready, so
 * the schema is created once. {@link #start} returns when every node has logged a cluster view
 * with all of them.
 *
 * <pre>{@code
 * try (KeycloakCluster cluster = KeycloakCluster.start(2, realmFiles)) {
 *     cluster.node(0).adminApi()...;  cluster.node(1).kill();  cluster.database().stop();
 * }
 * }</pre>
 */
public final class KeycloakCluster implements AutoCloseable {

    private static final String BIND_ADDRESS = "127.0.0.1";
    /** JGroups' own start-up, view installation and merges take seconds on a busy 2-core machine. */
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(120);
    /** The first node of a build augments for production mode, which took 130 s on a loaded 2-core machine. */
    private static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(Long.getLong("kcaws.keycloak.startTimeoutSeconds", 600));

    private final PostgresServer database;
    private final List<KeycloakServer> nodes = new ArrayList<>();

    private KeycloakCluster(PostgresServer database) {
        this.database = database;
    }

    public static KeycloakCluster start(int size, List<Path> realmFiles) {
        return start(size, realmFiles, List.of());
    }

    /** As {@link #start(int, List)}, each node with the same extra {@code kc.sh} options (e.g. an SPI option). */
    public static KeycloakCluster start(int size, List<Path> realmFiles, List<String> options) {
        BuildArtifacts artifacts = BuildArtifacts.fromSystemProperties();
        KeycloakCluster cluster = new KeycloakCluster(PostgresServer.start(artifacts.instancesDir()));
        try {
            for (int i = 0; i < size; i++) {
                KeycloakServer node = KeycloakServer.fromBuild()
                        .withPostgres(cluster.database.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD)
                        .asClusterNode(BIND_ADDRESS, jgroupsPort())
                        .withStartTimeout(NODE_START_TIMEOUT);
                options.forEach(node::withOption);
                if (i == 0) {
                    node.withRealmFiles(realmFiles);
                }
                cluster.nodes.add(node);
                node.start();
            }
            cluster.awaitOneCluster();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public KeycloakServer node(int index) {
        return nodes.get(index);
    }

    public List<KeycloakServer> nodes() {
        return List.copyOf(nodes);
    }

    public PostgresServer database() {
        return database;
    }

    /**
     * Waits until every running node's last logged view has all running nodes: after a start, a
     * restart or a crash of another node (JGroups' failure detection then installs a smaller view).
     */
    public void awaitOneCluster() {
        if (!oneClusterWithin(VIEW_TIMEOUT)) {
            throw new IllegalStateException(notOneCluster());
        }
    }

    /** Like {@link #awaitOneCluster()}, but answers false after {@code timeout} instead of failing. */
    public boolean oneClusterWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<KeycloakServer> running = running();
            if (running.stream().allMatch(n -> n.clusterViewSize() == running.size())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String notOneCluster() {
        List<KeycloakServer> running = running();
        StringBuilder views = new StringBuilder();
        running.forEach(n -> views.append(System.lineSeparator()).append(n).append(": last view of ")
                .append(n.clusterViewSize()).append(" members"));
        return "the " + running.size() + " running nodes did not form one cluster within " + VIEW_TIMEOUT.toSeconds() + " s:" + views;
    }

    private List<KeycloakServer> running() {
        return nodes.stream().filter(KeycloakServer::isRunning).toList();
    }

    @Override
    public void close() {
        nodes.forEach(KeycloakServer::close);
        database.close();
    }

    /**
     * A free port for JGroups' TCP transport, below 15000: its optional FD_SOCK2 failure detector
     * listens at the bind port + 50000, which must still be a port.
     */
    private static int jgroupsPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(7800, 15000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(BIND_ADDRESS))) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 7800 and 15000 on " + BIND_ADDRESS);
    }
}
