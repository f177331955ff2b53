package dev.kcaws.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.DeviceSignIn;
import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.BuildArtifacts;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import static dev.kcaws.bench.ResultTable.fixed;

/**
 * Temporary credentials per second through the CLI exchange ({@code POST /realms/{realm}/aws/cli/credentials}
 * with an {@code aws-cli} access token) against the portal's access keys ({@code POST /realms/{realm}/aws/credentials}
 * with the portal session's cookie and CSRF token), on one dedicated Keycloak whose STS calls go to the
 * AWS-like STS of the tests (which validates every assertion as AWS does). Same user (bob of the demo
 * realm), same pair (222222222222 / PowerUserAccess), 1 and 4 concurrent clients, each client its own
 * sign-in (device grant, or portal login) and its own connection; warm-up, then interleaved rounds.
 *
 * <p>Then the cost of time-bound windows on the login: bob's plain IdP-initiated login (as the
 * {@link LoginBenchmark} series: one signed-in browser, no password hashing in the loop) in two
 * copies of the demo realm created alike, one with every assignment given a window that ends in
 * 2099, interleaved; the ratio of the two.
 *
 * <p>Prints figures and writes them to {@code providers/target/benchmark/credentials-benchmark.txt};
 * asserts only that every answer is what it should be (credentials from the STS, the login's pairs),
 * never anything about speed. Tagged {@code benchmark}, not named {@code *IT}: run it alone with
 * {@code ./bench.sh -o -Dit.test=CredentialsBenchmark} (see docs/benchmarks.md).
 */
@Tag("benchmark")
class CredentialsBenchmark {

    private static final String REALM = "aws-demo";
    private static final String USER = "bob";
    private static final String ACCOUNT = "222222222222";
    private static final String SET = "PowerUserAccess";
    private static final List<Integer> CONCURRENCY = List.of(1, 4);
    private static final int MAX_CLIENTS = 4;
    private static final int WARM_UP = 150;
    private static final int ROUNDS = 6;
    private static final int PER_ROUND = 120;
    private static final String WINDOW_END = "2099-01-01T00:00:00Z";
    private static final int LOGIN_WARM_UP = 100;
    private static final int LOGIN_ROUNDS = 20;
    private static final int LOGIN_PER_ROUND = 100;
    private static final Duration LOGIN_BUDGET = Duration.ofSeconds(20);

    private final StringBuilder report = new StringBuilder();

    @Test
    void cliExchangeAgainstPortalAccessKeys() throws Exception {
        long begun = System.nanoTime();
        Path output = BuildArtifacts.fromSystemProperties().instancesDir().getParent().resolve("benchmark").resolve("credentials-benchmark.txt");
        String loadBefore = loadAverages();
        int stsPort = freePort();
        Path realmFile = Files.createTempFile("credentials-bench", ".json");
        ObjectNode demo = DemoRealm.copyNamed(REALM);
        // A device sign-in's token must outlive the whole run (the demo realm's lasts minutes).
        demo.put("accessTokenLifespan", 7200);
        Files.writeString(realmFile, DemoRealm.JSON.writeValueAsString(demo));
        progress("starting a dedicated Keycloak");
        try (KeycloakServer server = KeycloakServer.fromBuild().withRealmFile(realmFile)
                .withOption("--spi-realm-restapi-extension--aws--sts-endpoint=http://127.0.0.1:" + stsPort)
                .withOption("--spi-theme--cache-themes=true")
                .withOption("--spi-theme--cache-templates=true")
                .start()) {
            AdminApi admin = server.adminApi();
            String keycloakVersion = admin.get("/admin/serverinfo").json().path("systemInfo").path("version").asText("?");
            LongSupplier serverCpu = ServerCpu.of(server);
            String realmUrl = server.baseUrl() + "/realms/" + REALM;
            String metadata = new BrowserSession().get(realmUrl + "/protocol/saml/descriptor").body();
            try (AwsLikeSts sts = AwsLikeSts.startOn(stsPort, AwsLikeServiceProvider.trustingIdpMetadata(metadata), Clock.systemUTC())) {
                progress("signing in " + MAX_CLIENTS + " CLI clients (device grant) and " + MAX_CLIENTS + " portal browsers");
                List<Client> cli = new ArrayList<>();
                List<Client> portal = new ArrayList<>();
                for (int i = 0; i < MAX_CLIENTS; i++) {
                    cli.add(cliClient(realmUrl));
                    portal.add(portalClient(realmUrl));
                }
                List<Series> series = new ArrayList<>();
                for (int clients : CONCURRENCY) {
                    series.add(new Series("CLI exchange `POST /aws/cli/credentials`", clients, cli.subList(0, clients), serverCpu));
                    series.add(new Series("portal access keys `POST /aws/credentials`", clients, portal.subList(0, clients), serverCpu));
                }
                for (Series s : series) {
                    progress("warm-up " + s.label());
                    s.round(WARM_UP, false);
                }
                for (int round = 1; round <= ROUNDS; round++) {
                    for (Series s : series) {
                        progress("round " + round + " " + s.label());
                        s.round(PER_ROUND, true);
                    }
                }
                int issued = sts.acceptedCalls().size();
                int expected = series.size() * (WARM_UP + ROUNDS * PER_ROUND);
                if (issued != expected) {
                    throw new AssertionError("the STS issued " + issued + " credentials, the clients received " + expected);
                }
                if (!sts.acceptedCalls().stream().allMatch(c -> c.roleArn().equals("arn:aws:iam::" + ACCOUNT + ":role/" + SET))) {
                    throw new AssertionError("an STS call named another role than " + ACCOUNT + "/" + SET);
                }
                String loadMid = loadAverages();

                // ---- report of the credentials (kept if the login part fails) ----
                line("# kcaws credentials benchmark");
                line("");
                line("When:      %s", Instant.now());
                line("Keycloak:  %s (dedicated server: start-dev, H2, theme and template caches on; started in %.1f s)",
                        keycloakVersion, server.lastStartDuration().toMillis() / 1000.0);
                line("Machine:   %d cores (nproc); 1/5/15-minute load average before %s, after the credentials %s",
                        Runtime.getRuntime().availableProcessors(), loadBefore, loadMid);
                line("Who:       %s, one pair %s / %s; each client its own sign-in and connection; STS: the tests' AWS-like STS "
                        + "(same machine, validates each assertion)", USER, ACCOUNT, SET);
                line("Method:    %d warm-up requests per series, then %d rounds x %d requests, interleaved across series; "
                        + "a round's requests shared among its concurrent clients", WARM_UP, ROUNDS, PER_ROUND);
                line("");
                line("| path | clients | credentials/s | median ms | p95 ms | Keycloak CPU ms per credential | rounds (credentials/s) |");
                line("|---|---:|---:|---:|---:|---:|---|");
                for (Series s : series) {
                    line("| %s | %d | %s | %s | %s | %s | %s |", s.path, s.clients, fixed(s.perSecond(), 1), fixed(s.percentileMillis(50), 1),
                            fixed(s.percentileMillis(95), 1), s.cpuPerRequest() < 0 ? "n/a" : fixed(s.cpuPerRequest(), 1),
                            s.roundRates.stream().map(r -> fixed(r, 1)).collect(Collectors.joining(" / ")));
                }
                for (int i = 0; i + 1 < series.size(); i += 2) {
                    Series c = series.get(i);
                    Series p = series.get(i + 1);
                    line("CLI / portal at %d client%s: %s by credentials/s, %s by median latency (portal / CLI)", c.clients, c.clients == 1 ? "" : "s",
                            fixed(c.perSecond() / p.perSecond(), 2), fixed(p.percentileMillis(50) / c.percentileMillis(50), 2));
                }
                line("STS calls accepted: %d (every request, warm-up included, one AssumeRoleWithSAML of %s/%s)", issued, ACCOUNT, SET);
                line("");

                // ---- time-bound windows on the login ----
                progress("creating the realms login-plain and login-windowed");
                String plainRealm = "login-plain";
                String windowedRealm = "login-windowed";
                admin.createRealm(DemoRealm.copyNamed(plainRealm));
                admin.createRealm(DemoRealm.copyNamed(windowedRealm));
                int windowed = giveEveryAssignmentAWindow(admin, windowedRealm);
                LoginSeries plain = loginSeries(server, plainRealm, "without windows", serverCpu);
                LoginSeries windows = loginSeries(server, windowedRealm, "every assignment windowed", serverCpu);
                int pairs = pairsOf(server, plainRealm);
                if (pairs != pairsOf(server, windowedRealm)) {
                    throw new AssertionError("bob holds " + pairs + " pairs without windows, " + pairsOf(server, windowedRealm) + " with");
                }
                for (LoginSeries s : List.of(plain, windows)) {
                    progress("warm-up login " + s.name);
                    s.warmUp(LOGIN_WARM_UP, LOGIN_BUDGET);
                }
                for (int round = 1; round <= LOGIN_ROUNDS; round++) {
                    // Alternate which goes first, so neither always follows the other.
                    List<LoginSeries> order = round % 2 == 1 ? List.of(plain, windows) : List.of(windows, plain);
                    for (LoginSeries s : order) {
                        progress("login round " + round + " " + s.name);
                        s.measureRound(LOGIN_PER_ROUND, LOGIN_BUDGET);
                    }
                }
                String loadAfter = loadAverages();

                line("Login with time-bound windows: bob's plain login (%d pairs) in two copies of the demo realm, one with all %d "
                        + "assignments ending %s; %d warm-up logins each, then %d rounds x %d, alternating which goes first.",
                        pairs, windowed, WINDOW_END, LOGIN_WARM_UP, LOGIN_ROUNDS, LOGIN_PER_ROUND);
                line("");
                line("| login | logins/s | median ms | p95 ms | Keycloak CPU ms per login | rounds (logins/s) |");
                line("|---|---:|---:|---:|---:|---|");
                for (LoginSeries s : List.of(plain, windows)) {
                    double cpu = s.serverCpuMillisPerLogin();
                    line("| %s | %s | %s | %s | %s | %s |", s.name, fixed(s.loginsPerSecond(), 1), fixed(s.percentileMillis(50), 1),
                            fixed(s.percentileMillis(95), 1), cpu < 0 ? "n/a" : fixed(cpu, 2),
                            s.roundRates().stream().map(r -> fixed(r, 1)).collect(Collectors.joining(" / ")));
                }
                double ratio = windows.loginsPerSecond() / plain.loginsPerSecond();
                line("Ratio windowed / without: %s by logins/s (target >= 0.97: %s), %s by median latency, %s by Keycloak CPU per login",
                        fixed(ratio, 3), ratio >= 0.97 ? "met" : "MISSED",
                        fixed(plain.percentileMillis(50) / windows.percentileMillis(50), 3),
                        plain.serverCpuMillisPerLogin() <= 0 || windows.serverCpuMillisPerLogin() <= 0 ? "n/a"
                                : fixed(plain.serverCpuMillisPerLogin() / windows.serverCpuMillisPerLogin(), 3));
                line("Load average at the end: %s", loadAfter);
                line("");
                line("Total run time: %.0f s (server start included).", (System.nanoTime() - begun) / 1e9);
                for (Client c : cli) {
                    c.close();
                }
            }
        } finally {
            Files.deleteIfExists(realmFile);
            if (!report.isEmpty()) {
                Files.createDirectories(output.getParent());
                Files.writeString(output, report);
                System.out.println();
                System.out.print(report);
                System.out.println("(written to " + output + ")");
            }
        }
    }

    /** One client: issues one credential per call and says whether the answer carried credentials. */
    private interface Client {
        /** Fetches one credential; throws with what came instead if the answer carries none. */
        void fetch();

        default void close() {
        }
    }

    /** A CLI: its own device sign-in (an {@code aws-cli} access token) and its own HTTP connection. */
    private static Client cliClient(String realmUrl) {
        String token = DeviceSignIn.signIn(realmUrl, "aws-cli", USER, USER).accessToken();
        // Built as the tests' browser builds its client, so both paths speak the same HTTP.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/aws/cli/credentials"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("account=" + ACCOUNT + "&permissionSet=" + SET))
                .build();
        return new Client() {
            @Override
            public void fetch() {
                try {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200 || !answer.body().contains("\"AccessKeyId\"") || !answer.body().contains("\"SessionToken\"")) {
                        throw new AssertionError("CLI exchange answered " + answer.statusCode() + ": " + answer.body());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** A browser signed in to the portal, pressing the pair's access-keys button (the page's CSRF token) again and again. */
    private static Client portalClient(String realmUrl) {
        String portal = realmUrl + "/aws/";
        BrowserSession browser = new BrowserSession();
        Page page = browser.login(portal, USER, USER);
        Element button = page.document().selectFirst(
                ".kcaws-account[data-account-id=" + ACCOUNT + "] .kcaws-role[data-role=" + SET + "] .kcaws-keys-button");
        Element csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]");
        if (button == null || csrf == null) {
            throw new AssertionError("no access-keys button for " + ACCOUNT + "/" + SET + " on bob's portal page: " + page);
        }
        Map<String, String> form = Map.of("csrf", csrf.attr("value"), "access", button.attr("value"));
        return () -> {
            Page keys = browser.post(portal + "credentials", form);
            if (keys.status() != 200 || !keys.body().contains("id=\"kcaws-access-key-id\"")) {
                throw new AssertionError("portal access keys answered " + keys);
            }
        };
    }

    /** One path at one concurrency: its clients share each round's requests, each on its own thread. */
    private static final class Series {
        final String path;
        final int clients;
        private final List<Client> members;
        private final LongSupplier serverCpu;
        private final ExecutorService pool;
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final List<Double> roundRates = new ArrayList<>();
        private long wallNanos;
        private long cpuNanos;
        private boolean cpuKnown = true;
        private int measured;

        Series(String path, int clients, List<Client> members, LongSupplier serverCpu) {
            this.path = path;
            this.clients = clients;
            this.members = List.copyOf(members);
            this.serverCpu = serverCpu;
            this.pool = Executors.newFixedThreadPool(clients, r -> {
                Thread t = new Thread(r, "bench-client");
                t.setDaemon(true);
                return t;
            });
        }

        String label() {
            return path + " x" + clients;
        }

        void round(int requests, boolean record) throws Exception {
            CyclicBarrier start = new CyclicBarrier(clients + 1);
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Client client = members.get(i);
                int share = requests / clients + (i < requests % clients ? 1 : 0);
                done.add(pool.submit(() -> {
                    List<Long> own = new ArrayList<>(share);
                    start.await();
                    for (int k = 0; k < share; k++) {
                        long t0 = System.nanoTime();
                        client.fetch();
                        own.add(System.nanoTime() - t0);
                    }
                    return own;
                }));
            }
            long cpuBefore = serverCpu.getAsLong();
            start.await();
            long t0 = System.nanoTime();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : done) {
                all.addAll(f.get());
            }
            long wall = System.nanoTime() - t0;
            long cpuAfter = serverCpu.getAsLong();
            if (record) {
                nanos.addAll(all);
                wallNanos += wall;
                measured += all.size();
                roundRates.add(all.size() / (wall / 1e9));
                if (cpuBefore < 0 || cpuAfter < 0) {
                    cpuKnown = false;
                } else {
                    cpuNanos += cpuAfter - cpuBefore;
                }
            }
        }

        /** Credentials per second of all clients together: measured requests / wall time of the rounds. */
        double perSecond() {
            return measured / (wallNanos / 1e9);
        }

        double cpuPerRequest() {
            return cpuKnown && measured > 0 ? cpuNanos / 1e6 / measured : -1;
        }

        double percentileMillis(double p) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** POSTs every assignment of the realm again with a window ending {@value #WINDOW_END}; how many. */
    private static int giveEveryAssignmentAWindow(AdminApi admin, String realm) {
        String api = "/admin/realms/" + realm + "/aws/assignments";
        JsonNode rows = admin.expect(200, "GET", api + "?max=1000", null).json();
        JsonNode list = rows.isArray() ? rows : rows.path("assignments");
        int count = 0;
        for (JsonNode row : list) {
            Map<String, Object> body = new java.util.HashMap<>();
            for (String key : List.of("group", "user")) {
                if (row.hasNonNull(key)) {
                    body.put(key, row.get(key).asText());
                }
            }
            body.put("accountId", row.path("accountId").asText());
            body.put("permissionSet", row.path("permissionSet").asText());
            body.put("notAfter", WINDOW_END);
            admin.expect(201, "POST", api, body);
            count++;
        }
        JsonNode after = admin.expect(200, "GET", api + "?max=1000", null).json();
        JsonNode afterList = after.isArray() ? after : after.path("assignments");
        int withWindow = 0;
        for (JsonNode row : afterList) {
            if (WINDOW_END.equals(row.path("notAfter").asText())) {
                withWindow++;
            }
        }
        if (count == 0 || withWindow != count) {
            throw new AssertionError(realm + ": " + withWindow + " of " + count + " assignments carry the window: " + after);
        }
        return count;
    }

    private static LoginSeries loginSeries(KeycloakServer server, String realm, String name, LongSupplier cpu) {
        AwsLogin aws = AwsLogin.to(server, realm);
        BrowserSession browser = new BrowserSession();
        aws.plain(browser, USER).accepted();
        return new LoginSeries(name, browser, n -> aws.realmUrl() + "/protocol/saml/clients/amazon-aws", cpu);
    }

    private static int pairsOf(KeycloakServer server, String realm) {
        AwsSignIn signIn = AwsLogin.to(server, realm).plain(new BrowserSession(), USER).accepted();
        return signIn.rolePairs().size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverages() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return fixed(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
        }
    }

    private static void progress(String what) {
        System.out.println("[bench " + java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "] " + what);
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
