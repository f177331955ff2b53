package dev.kcaws.bench;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.GeneratedRealm;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many SQL statements one one-role shortcut login runs, on a first open (the access role not yet
 * in Keycloak's realm cache) and on a warm one: a dedicated Keycloak logging Hibernate's SQL
 * ({@code org.hibernate.SQL:debug}), a small generated realm ({@value #ACCOUNTS} accounts, one group
 * holding them all as {@value #SET}), one signed-in browser. Counts the statements each login adds
 * to the server's log and prints them by kind; asserts only that every login reaches AWS's POST form.
 * Run it with {@code ./bench.sh -o -Dit.test=ShortcutQueriesBenchmark}.
 */
@Tag("benchmark")
class ShortcutQueriesBenchmark {

    private static final String REALM = "kcaws-queries";
    private static final int ACCOUNTS = 41;
    private static final String SET = "ReadOnlyAccess";
    private static final String USER = "u41";

    @Test
    void countStatementsPerShortcutLogin() throws Exception {
        StringBuilder report = new StringBuilder();
        try (KeycloakServer server = KeycloakServer.fromBuild()
                .withOption("--spi-theme--cache-themes=true")
                .withOption("--spi-theme--cache-templates=true")
                .withOption("--log-level=INFO,org.hibernate.SQL:debug")
                .start()) {
            GeneratedRealm generated = GeneratedRealm.named(REALM).accounts(ACCOUNTS).permissionSet(SET, 3600)
                    .group("pairs", SET, ACCOUNTS).user(USER, "pairs");
            createRealm(server, generated.json().toString());
            AwsLogin bundle = AwsLogin.to(server, REALM);
            BrowserSession browser = new BrowserSession();
            bundle.shortcut(browser, USER, GeneratedRealm.accountId(0), SET, null).accepted();
            for (int i = 0; i < 30; i++) {
                open(browser, bundle, 0);
            }
            Path log = server.logFile();
            List<Integer> first = new ArrayList<>();
            List<Integer> warm = new ArrayList<>();
            Map<String, Integer> firstKinds = new TreeMap<>();
            Map<String, Integer> warmKinds = new TreeMap<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 1; i < ACCOUNTS; i++) {
                    long mark = settledSize(log);
                    open(browser, bundle, i);
                    List<String> statements = statementsSince(log, mark, settledSize(log));
                    (round == 0 ? first : warm).add(statements.size());
                    Map<String, Integer> kinds = round == 0 ? firstKinds : warmKinds;
                    statements.forEach(s -> kinds.merge(kind(s), 1, Integer::sum));
                }
            }
            line(report, "# SQL statements per one-role shortcut login (%s)", server.adminApi().get("/admin/serverinfo").json()
                    .path("systemInfo").path("version").asText("?"));
            line(report, "first open (role not cached): %s per login over %d logins: %s", mean(first), first.size(), first);
            line(report, "warm (second open):           %s per login over %d logins: %s", mean(warm), warm.size(), warm);
            line(report, "first opens, statements by kind (total over %d logins):", first.size());
            firstKinds.forEach((k, n) -> line(report, "  %4d  %s", n, k));
            line(report, "warm opens, statements by kind (total over %d logins):", warm.size());
            warmKinds.forEach((k, n) -> line(report, "  %4d  %s", n, k));
        } finally {
            System.out.print(report);
            Path out = Path.of("target", "benchmark", "shortcut-queries.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private static void open(BrowserSession browser, AwsLogin bundle, int account) {
        Page page = browser.get(bundle.shortcutUrl(GeneratedRealm.accountId(account), SET, null));
        if (page.document().selectFirst("form input[name=SAMLResponse]") == null) {
            throw new AssertionError("shortcut to account " + account + " did not reach AWS's POST form: " + page);
        }
    }

    /** The log's size once it stopped growing (the request's last lines are written after the response). */
    private static long settledSize(Path log) throws IOException, InterruptedException {
        long size = Files.size(log);
        while (true) {
            Thread.sleep(150);
            long now = Files.size(log);
            if (now == size) {
                return size;
            }
            size = now;
        }
    }

    private static List<String> statementsSince(Path log, long from, long to) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        List<String> statements = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("[org.hibernate.SQL]")) {
                // The statement follows the logger's name, on the same line or the next ones.
                String rest = lines[i].substring(lines[i].indexOf("[org.hibernate.SQL]") + "[org.hibernate.SQL]".length());
                rest = rest.replaceFirst("^\\s*\\([^)]*\\)\\s*", "").trim();
                if (rest.isEmpty() && i + 1 < lines.length) {
                    rest = lines[i + 1].trim();
                }
                statements.add(rest);
            }
        }
        return statements;
    }

    /** The statement's verb and its first table: {@code select KEYCLOAK_ROLE}. */
    private static String kind(String statement) {
        String s = statement.replaceAll("\\s+", " ").trim();
        String verb = s.isEmpty() ? "?" : s.split(" ")[0].toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b(from|into|update)\\s+(\\w+)").matcher(s);
        return verb + " " + (m.find() ? m.group(2) : s.substring(0, Math.min(60, s.length())));
    }

    private static String mean(List<Integer> counts) {
        return String.format(Locale.ROOT, "%.2f", counts.stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    private static void createRealm(KeycloakServer server, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.adminApi().baseUrl() + "/admin/realms"))
                .timeout(Duration.ofMinutes(4))
                .header("Authorization", "Bearer " + server.adminApi().token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /admin/realms answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
