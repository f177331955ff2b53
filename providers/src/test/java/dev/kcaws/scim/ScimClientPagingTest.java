package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link ScimClient} pages ListUsers / ListGroups: by cursor where the server answers in AWS's
 * cursor format, by {@code startIndex} where it answers in RFC 7644's index format (Keycloak's
 * SCIM server), and never with a silent partial view of a broken server's listing (the reconcile
 * would act on it). Each server here is a function of the request's query parameters.
 */
class ScimClientPagingTest {
    private static final String TOKEN = "paging-test-token";
    private static final int GUARD = 20;

    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A client on a server answering every GET of Users with {@code answer(query)}; more than {@value #GUARD} requests is a loop. */
    private ScimClient client(Function<Map<String, String>, ObjectNode> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> query = query(exchange.getRequestURI());
                queries.add(query);
                byte[] body = queries.size() > GUARD
                        ? "{\"status\":\"500\",\"detail\":\"the client loops\"}".getBytes(StandardCharsets.UTF_8)
                        : ScimJson.write(answer.apply(query)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
                exchange.sendResponseHeaders(queries.size() > GUARD ? 500 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2/");
        RetryPolicy noRetry = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.5, Clock.systemUTC());
        return new ScimClient(endpoint, BearerToken.of(TOKEN), HttpClient.newHttpClient(), noRetry, d -> { });
    }

    private void restart() {
        server.stop(0);
        queries.clear();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "id-" + i).toList();
    }

    private static ObjectNode page(List<String> ids) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        ArrayNode resources = body.putArray("Resources");
        ids.forEach(id -> resources.addObject().put("id", id).put("userName", id + "@example.com"));
        body.put("itemsPerPage", ids.size());
        return body;
    }

    /** RFC 7644 §3.4.2.4 as Keycloak 26.7's SCIM server answers it: startIndex and count, cursor ignored. */
    private static Function<Map<String, String>, ObjectNode> indexServer(List<String> all) {
        return query -> {
            int start = Integer.parseInt(query.getOrDefault("startIndex", "1"));
            int count = Integer.parseInt(query.getOrDefault("count", "100"));
            int from = Math.min(all.size(), start - 1);
            ObjectNode body = page(all.subList(from, Math.min(all.size(), from + count)));
            return body.put("totalResults", all.size()).put("startIndex", start);
        };
    }

    /** AWS's cursor format (the AWS-like fake's): itemsPerPage and nextCursor, no totalResults; startIndex refused. */
    private static Function<Map<String, String>, ObjectNode> cursorServer(List<String> all) {
        return query -> {
            if (query.containsKey("startIndex")) {
                throw new AssertionError("startIndex sent to a server that pages by cursor: " + query);
            }
            int from = query.getOrDefault("cursor", "").isEmpty() ? 0 : Integer.parseInt(query.get("cursor").substring(1));
            int to = Math.min(all.size(), from + Integer.parseInt(query.get("count")));
            ObjectNode body = page(all.subList(from, to));
            if (to < all.size()) {
                body.put("nextCursor", "c" + to);
            }
            return body;
        };
    }

    private static List<String> listedIds(List<ScimResource> listed) {
        return listed.stream().map(ScimResource::id).toList();
    }

    @Test
    void eachServerIsReadInTheFormatItAnswers() throws IOException {
        // RFC 7644's index format (Keycloak's SCIM server): startIndex pages to the end.
        List<String> all = ids(123);
        ScimClient byIndex = client(indexServer(all));

        assertThat(listedIds(byIndex.listUsers(null))).containsExactlyElementsOf(all);
        assertThat(queries).extracting(q -> q.get("startIndex")).containsExactly(null, "51", "101");
        assertThat(queries).extracting(q -> q.get("count")).containsOnly("50");
        assertThat(queries.subList(1, 3)).allSatisfy(q -> assertThat(q).doesNotContainKey("cursor"));
        restart();

        // AWS's cursor format: cursor pages, never a startIndex (AWS refuses it).
        List<String> more = ids(120);
        ScimClient byCursor = client(cursorServer(more));

        assertThat(listedIds(byCursor.listUsers(null))).containsExactlyElementsOf(more);
        assertThat(queries).extracting(q -> q.get("cursor")).containsExactly("", "c50", "c100");
        assertThat(queries).allSatisfy(q -> assertThat(q).doesNotContainKey("startIndex"));
        restart();

        // A cursor listing whose last page leaves resources out: an error, not a switch to startIndex.
        ScimClient cutShort = client(query -> query.get("cursor").isEmpty()
                ? page(ids(50)).put("nextCursor", "c50")
                : page(List.of("id-50")).put("totalResults", 80).put("startIndex", 1));

        assertThatThrownBy(() -> cutShort.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("51 of 80").contains("no cursor"));
        assertThat(queries).hasSize(2).allSatisfy(q -> assertThat(q).doesNotContainKey("startIndex"));
        restart();

        // A listing that fits one page is one request.
        assertThat(client(indexServer(ids(7))).listGroups(null)).hasSize(7);
        assertThat(queries).hasSize(1);
    }

    @Test
    void aFilteredListingByIndexKeepsItsFilterOnEveryPage() throws IOException {
        List<String> all = ids(60);
        ScimClient client = client(indexServer(all));

        assertThat(client.listUsers(ScimFilter.eq("groups.value", "g-1"))).hasSize(60);

        assertThat(queries).hasSize(2).extracting(q -> q.get("filter")).containsOnly("groups.value eq \"g-1\"");
    }

    @Test
    void anIndexPageThatAddsNothingEndsTheListingWithAnError() throws IOException {
        // Announces 80, serves the first 50, then empty pages.
        List<String> first = ids(50);
        ScimClient client = client(query -> {
            int start = Integer.parseInt(query.getOrDefault("startIndex", "1"));
            return page(start == 1 ? first : List.of()).put("totalResults", 80).put("startIndex", start);
        });

        assertThatThrownBy(() -> client.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("startIndex 51 added nothing").contains("50 of 80"));
        assertThat(queries).hasSize(2);
    }

    @Test
    void aCursorPageThatAddsNothingEndsTheListingWithAnError() throws IOException {
        // A new cursor on every answer and nothing in it: without the check this never ends.
        ScimClient client = client(query -> page(List.of()).put("nextCursor", "c" + queries.size()));

        assertThatThrownBy(() -> client.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("added nothing"));
        assertThat(queries).hasSize(1);
    }

    @Test
    void aCursorAnsweredWithItselfIsAnErrorNotTheEnd() throws IOException {
        ScimClient client = client(query -> query.get("cursor").isEmpty()
                ? page(ids(50)).put("nextCursor", "c50")
                : page(List.of("id-50")).put("nextCursor", "c50"));

        assertThatThrownBy(() -> client.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("cursor it was sent"));
    }

    @Test
    void aServerThatIgnoresStartIndexIsAnErrorNotARepeatedPage() throws IOException {
        // Answers the first page to every request, saying so.
        ScimClient client = client(query -> page(ids(50)).put("totalResults", 120).put("startIndex", 1));

        assertThatThrownBy(() -> client.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("startIndex 1 to a request for 51"));
        assertThat(queries).hasSize(2);
    }

    @Test
    void aResourceListedTwiceIsAnError() throws IOException {
        // Cursor pages that overlap: id-49 comes again on the second page.
        List<String> all = ids(80);
        ScimClient byCursor = client(query -> query.get("cursor").isEmpty()
                ? page(all.subList(0, 50)).put("nextCursor", "c49")
                : page(all.subList(49, 80)));
        assertThatThrownBy(() -> byCursor.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("id-49 twice"));
        restart();

        // Index pages that overlap without saying which page they are.
        ScimClient byIndex = client(query -> {
            int start = Integer.parseInt(query.getOrDefault("startIndex", "1"));
            ObjectNode body = page(all.subList(start == 1 ? 0 : 45, start == 1 ? 50 : 80)).put("totalResults", 80);
            return start == 1 ? body.put("startIndex", 1) : body;
        });
        assertThatThrownBy(() -> byIndex.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("id-45 twice"));
    }

    @Test
    void moreResourcesThanTotalResultsIsAnError() throws IOException {
        ScimClient client = client(query -> page(ids(5)).put("totalResults", 3).put("startIndex", 1));

        assertThatThrownBy(() -> client.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("listed 5 resources, more than its totalResults 3"));
    }

    @Test
    void aResourceWithoutAnIdIsAnError() throws IOException {
        ScimClient client = client(query -> {
            ObjectNode body = page(ids(2)).put("totalResults", 3).put("startIndex", 1);
            body.withArray("Resources").addObject().put("userName", "nobody@example.com");
            return body;
        });

        assertThatThrownBy(() -> client.listUsers(null)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("without id"));
    }
}
