package dev.kcaws.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A realm's token, device and {@code /aws/cli} endpoints, answering what the test scripts, and recording every request. */
final class FakeKeycloak implements AutoCloseable {
    record Request(String method, String path, Map<String, String> form, String authorization) {
    }

    record Reply(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripted = new LinkedHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeKeycloak() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    RealmUrl url() {
        return RealmUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/acme");
    }

    /** Answers the next request to {@code path} (after the realm URL) with this; the last reply repeats. */
    FakeKeycloak reply(String path, int status, String json) {
        scripted.computeIfAbsent("/realms/acme" + path, p -> new ArrayDeque<>()).add(new Reply(status, json));
        return this;
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals("/realms/acme" + path)).toList();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, form, exchange.getRequestHeaders().getFirst("Authorization")));
            Deque<Reply> replies = scripted.get(path);
            Reply reply = replies == null || replies.isEmpty() ? new Reply(404, "{\"error\":\"not_found\"}")
                    : replies.size() > 1 ? replies.poll() : replies.peek();
            byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
