package dev.kcaws.testsupport.awsscim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for IAM Identity Center's SCIM endpoint in tests: an HTTP server on 127.0.0.1 at
 * {@code /<tenant>/scim/v2/} that keeps a directory of users and groups and refuses, with AWS's
 * status and error name, every request AWS's <em>SCIM Implementation Developer Guide</em> says
 * it refuses ({@link ScimRule}). It counts requests by {@link ScimOperation} and can simulate an
 * {@link Outage} (unavailable, throttling, revoked token), for a number of requests or until
 * switched off.
 */
public final class AwsLikeScimServer implements AutoCloseable {
    /** Page size the fake answers with at most (the guide's older limit; the current one is 100). */
    public static final int MAX_PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNSUPPORTED = Set.of("bulk", "me", "search");

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK (about 40 ms on Linux loopback) on every
        // request, which no real endpoint adds. The JDK reads this once, when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String tenant;
    private final String token;
    private final ScimDirectory directory = new ScimDirectory();
    private final Map<ScimOperation, AtomicLong> requests = new EnumMap<>(ScimOperation.class);
    private final Map<ScimRule, AtomicLong> rejections = new EnumMap<>(ScimRule.class);
    private final AtomicLong outageAnswers = new AtomicLong();
    private final AtomicReference<Outage> outage = new AtomicReference<>(Outage.NONE);
    private final AtomicInteger outageRemaining = new AtomicInteger(-1);
    private final AtomicInteger bodiesToDrop = new AtomicInteger();
    private final AtomicLong droppedBodies = new AtomicLong();
    private final AtomicLong memberChanges = new AtomicLong();
    private final AtomicLong delayMillis = new AtomicLong();
    private final Map<ScimOperation, JsonNode> lastBodies = new ConcurrentHashMap<>();
    private final java.util.Queue<Received> received = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private AwsLikeScimServer(String tenant, String token) throws IOException {
        this.tenant = tenant;
        this.token = token;
        for (ScimOperation op : ScimOperation.values()) {
            requests.put(op, new AtomicLong());
        }
        for (ScimRule rule : ScimRule.values()) {
            rejections.put(rule, new AtomicLong());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static AwsLikeScimServer start(String token) throws IOException {
        return new AwsLikeScimServer("t-" + UUID.randomUUID().toString().substring(0, 8), token);
    }

    /** The SCIM endpoint as Identity Center shows it, ending in {@code /scim/v2/}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + tenant + "/scim/v2/");
    }

    public ScimDirectory directory() {
        return directory;
    }

    // ---- switches ----

    /** Simulates {@code kind} on every request until {@link #recover()}. */
    public void simulate(Outage kind) {
        outageRemaining.set(-1);
        outage.set(kind);
    }

    /** Simulates {@code kind} on the next {@code count} requests, then answers normally again. */
    public void simulate(Outage kind, int count) {
        outageRemaining.set(count);
        outage.set(kind);
    }

    /**
     * Carries out the next {@code count} write requests as AWS would but answers them without a
     * body, as a broken proxy in front of Identity Center might: the change is made, and the
     * pusher cannot read what was made.
     */
    public void dropTheBodyOfTheNextWrites(int count) {
        bodiesToDrop.set(count);
    }

    /** How many answers {@link #dropTheBodyOfTheNextWrites} emptied. */
    public long droppedBodies() {
        return droppedBodies.get();
    }

    public void recover() {
        outage.set(Outage.NONE);
    }

    /**
     * Answers every request {@code delay} late (0: at once), as a distant or loaded Identity Center
     * would: a test makes a push outlast something (a transaction timeout) without a large realm.
     */
    public void delayEachRequest(java.time.Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    // ---- counters ----

    public long requests(ScimOperation op) {
        return requests.get(op).get();
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long writeRequests() {
        return requests.entrySet().stream().filter(e -> e.getKey().write()).mapToLong(e -> e.getValue().get()).sum();
    }

    public long rejections(ScimRule rule) {
        return rejections.get(rule).get();
    }

    public long outageAnswers() {
        return outageAnswers.get();
    }

    /** Membership changes applied by PatchGroup and CreateGroup. */
    public long memberChanges() {
        return memberChanges.get();
    }

    /** The body of the last request of this operation that reached the rules (a test looks at what the client sent). */
    public Optional<JsonNode> lastBody(ScimOperation op) {
        return Optional.ofNullable(lastBodies.get(op));
    }

    /** A request as it arrived: its operation, its raw query (null when none) and when (epoch milliseconds). */
    public record Received(ScimOperation op, String query, long atMillis) {
    }

    /** Every request received since the start, in order of arrival (never reset). */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public void resetCounters() {
        requests.values().forEach(c -> c.set(0));
        rejections.values().forEach(c -> c.set(0));
        outageAnswers.set(0);
        memberChanges.set(0);
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            List<String> segments = segments(rawPath);
            ScimOperation op = operation(method, segments);
            requests.get(op).incrementAndGet();
            received.add(new Received(op, exchange.getRequestURI().getRawQuery(), System.currentTimeMillis()));
            long delay = delayMillis.get();
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Outage now = currentOutage();
            if (now != Outage.NONE) {
                outageAnswers.incrementAndGet();
                if (now == Outage.THROTTLING) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                send(exchange, now.status(), ScimErrorBody.of(now.status(), now.exceptionType(),
                        now == Outage.REVOKED_TOKEN ? "The bearer token is invalid or expired" : "Simulated " + now));
                return;
            }
            try {
                ScimRejection.require(segments.size() >= 3 && segments.get(0).equals(tenant)
                        && segments.get(1).equals("scim") && segments.get(2).equals("v2"),
                        ScimRule.BEARER_TOKEN, "The tenant ID is incorrect");
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                ScimRejection.require(auth != null && auth.equals("Bearer " + token), ScimRule.BEARER_TOKEN,
                        "Authorization header is invalid or missing");
                JsonNode body = readBody(exchange, method);
                if (body != null) {
                    lastBodies.put(op, body.deepCopy());
                }
                Answer answer = route(op, method, segments.subList(3, segments.size()), query(exchange.getRequestURI()), body);
                boolean drop = answer.body != null && !method.equals("GET") && bodiesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (drop) {
                    droppedBodies.incrementAndGet();
                }
                send(exchange, answer.status, drop ? null : answer.body);
            } catch (ScimRejection rejection) {
                rejections.get(rejection.rule()).incrementAndGet();
                ScimRule rule = rejection.rule();
                send(exchange, rule.status(), ScimErrorBody.of(rule.status(), rule.exceptionType(), rejection.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, ScimErrorBody.of(500, "InternalServerException", "Service failed to process the request"));
            }
        }
    }

    private Outage currentOutage() {
        Outage now = outage.get();
        if (now == Outage.NONE || outageRemaining.get() < 0) {
            return now;
        }
        int left = outageRemaining.getAndDecrement();
        if (left <= 1) {
            outage.compareAndSet(now, Outage.NONE);
        }
        return left >= 1 ? now : Outage.NONE;
    }

    private record Answer(int status, JsonNode body) {
    }

    private static ScimOperation operation(String method, List<String> segments) {
        if (segments.size() < 4) {
            return ScimOperation.UNSUPPORTED;
        }
        String resource = segments.get(3).toLowerCase(Locale.ROOT);
        boolean one = segments.size() == 5;
        boolean collection = segments.size() == 4;
        return switch (resource) {
            case "users" -> collection && method.equals("GET") ? ScimOperation.LIST_USERS
                    : collection && method.equals("POST") ? ScimOperation.CREATE_USER
                    : one && method.equals("GET") ? ScimOperation.GET_USER
                    : one && method.equals("PUT") ? ScimOperation.PUT_USER
                    : one && method.equals("PATCH") ? ScimOperation.PATCH_USER
                    : one && method.equals("DELETE") ? ScimOperation.DELETE_USER : ScimOperation.UNSUPPORTED;
            case "groups" -> collection && method.equals("GET") ? ScimOperation.LIST_GROUPS
                    : collection && method.equals("POST") ? ScimOperation.CREATE_GROUP
                    : one && method.equals("GET") ? ScimOperation.GET_GROUP
                    : one && method.equals("PATCH") ? ScimOperation.PATCH_GROUP
                    : one && method.equals("DELETE") ? ScimOperation.DELETE_GROUP : ScimOperation.UNSUPPORTED;
            case "serviceproviderconfig" -> collection && method.equals("GET")
                    ? ScimOperation.SERVICE_PROVIDER_CONFIG : ScimOperation.UNSUPPORTED;
            default -> ScimOperation.UNSUPPORTED;
        };
    }

    private Answer route(ScimOperation op, String method, List<String> rest, Map<String, String> query, JsonNode body) {
        String id = rest.size() == 2 ? rest.get(1) : null;
        switch (op) {
            case SERVICE_PROVIDER_CONFIG:
                return new Answer(200, serviceProviderConfig());
            case CREATE_USER:
                UserDocumentRules.checkUser(body, true);
                return new Answer(201, directory.addUser(body));
            case GET_USER:
                return new Answer(200, directory.user(id));
            case PUT_USER:
                directory.user(id);
                UserDocumentRules.checkUser(body, false);
                return new Answer(200, directory.replaceUser(id, body));
            case PATCH_USER: {
                directory.user(id);
                JsonNode operations = UserDocumentRules.checkPatch(body);
                directory.patchUser(id, operations);
                return new Answer(200, directory.user(id));
            }
            case DELETE_USER:
                directory.deleteUser(id);
                return new Answer(204, null);
            case LIST_USERS:
                return new Answer(200, list(query, ScimFilterRules.USER_COMBINATIONS, this::matchUsers));
            case CREATE_GROUP: {
                GroupDocumentRules.checkCreate(body);
                ObjectNode group = directory.addGroup(body);
                memberChanges.addAndGet(directory.membersOf(group.get("id").asText()).size());
                return new Answer(201, withEmptyMembers(group));
            }
            case GET_GROUP:
                return new Answer(200, withEmptyMembers(directory.group(id)));
            case PATCH_GROUP: {
                directory.group(id);
                GroupDocumentRules.GroupPatch patch = GroupDocumentRules.checkPatch(body);
                directory.patchGroup(id, patch);
                memberChanges.addAndGet(patch.changes().size());
                return new Answer(204, null);
            }
            case DELETE_GROUP:
                directory.deleteGroup(id);
                return new Answer(204, null);
            case LIST_GROUPS:
                return new Answer(200, list(query, ScimFilterRules.GROUP_COMBINATIONS, this::matchGroups));
            default: {
                String name = rest.isEmpty() ? "" : rest.get(0).toLowerCase(Locale.ROOT);
                if (name.equals("schemas") || name.equals("resourcetypes")) {
                    return new Answer(200, emptyList());
                }
                throw new ScimRejection(ScimRule.UNSUPPORTED_ENDPOINT, UNSUPPORTED.contains(name)
                        ? "The /" + rest.get(0) + " endpoint is not supported" : "The operation is not supported");
            }
        }
    }

    private interface Matcher {
        List<ObjectNode> match(Map<String, String> filter);
    }

    private List<ObjectNode> matchUsers(Map<String, String> filter) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode user : directory.users()) {
            boolean ok = true;
            for (Map.Entry<String, String> term : filter.entrySet()) {
                String value = term.getValue();
                ok &= switch (term.getKey()) {
                    case "username" -> user.path("userName").asText().equalsIgnoreCase(value);
                    case "externalid" -> user.path("externalId").asText().equals(value);
                    case "id" -> user.path("id").asText().equals(value);
                    case "groups.value" -> directory.isMember(value, user.path("id").asText());
                    case "manager" -> user.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value").asText().equals(value);
                    default -> false;
                };
            }
            if (ok) {
                found.add(user);
            }
        }
        return found;
    }

    private List<ObjectNode> matchGroups(Map<String, String> filter) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode group : directory.groups()) {
            boolean ok = true;
            for (Map.Entry<String, String> term : filter.entrySet()) {
                String value = term.getValue();
                ok &= switch (term.getKey()) {
                    case "displayname" -> group.path("displayName").asText().equalsIgnoreCase(value);
                    case "externalid" -> group.path("externalId").asText().equals(value);
                    case "id" -> group.path("id").asText().equals(value);
                    case "members.value" -> directory.isMember(group.path("id").asText(), value);
                    default -> false;
                };
            }
            if (ok) {
                found.add(withEmptyMembers(group));
            }
        }
        return found;
    }

    private ObjectNode list(Map<String, String> query, List<Set<String>> combinations, Matcher matcher) {
        for (String unsupported : List.of("startIndex", "attributes", "excludedAttributes")) {
            ScimRejection.require(!query.containsKey(unsupported), ScimRule.LIST_UNSUPPORTED_PARAMETER,
                    unsupported + " is not supported");
        }
        int count = 100;
        if (query.containsKey("count")) {
            try {
                count = Integer.parseInt(query.get("count"));
            } catch (NumberFormatException e) {
                count = -1;
            }
            ScimRejection.require(count >= 1 && count <= 100, ScimRule.LIST_COUNT_RANGE, "count must be between 1 and 100");
        }
        int offset = 0;
        boolean cursorMode = query.containsKey("cursor");
        if (cursorMode && !query.get("cursor").isEmpty()) {
            offset = decodeCursor(query.get("cursor"));
        }
        List<ObjectNode> all = query.containsKey("filter")
                ? matcher.match(ScimFilterRules.parse(query.get("filter"), combinations))
                : matcher.match(Map.of());
        int pageSize = Math.min(count, MAX_PAGE);
        List<ObjectNode> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + pageSize));
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        if (!cursorMode) {
            body.put("totalResults", all.size());
            body.put("startIndex", 1);
        }
        body.put("itemsPerPage", page.size());
        if (cursorMode && offset + page.size() < all.size()) {
            // As the guide says: only a request with a cursor parameter gets the cursor-paged format;
            // without one the answer is the first page and totalResults, and no way to the rest.
            body.put("nextCursor", encodeCursor(offset + page.size()));
        }
        ArrayNode resources = body.putArray("Resources");
        page.forEach(resources::add);
        return body;
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        ScimRejection.require(cursor.matches("[-a-zA-Z0-9+=/:_]*"), ScimRule.PARSEABLE_BODY, "cursor does not match its pattern");
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            ScimRejection.require(text.startsWith("o:"), ScimRule.PARSEABLE_BODY, "Invalid cursor");
            return Integer.parseInt(text.substring(2));
        } catch (IllegalArgumentException e) {
            throw new ScimRejection(ScimRule.PARSEABLE_BODY, "Invalid cursor");
        }
    }

    private static ObjectNode withEmptyMembers(ObjectNode group) {
        ObjectNode copy = group.deepCopy();
        copy.putArray("members");
        return copy;
    }

    private static ObjectNode emptyList() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        body.put("totalResults", 0);
        body.putArray("Resources");
        return body;
    }

    private static ObjectNode serviceProviderConfig() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        body.putObject("patch").put("supported", true);
        body.putObject("bulk").put("supported", false).put("maxOperations", 1).put("maxPayloadSize", 1048576);
        body.putObject("filter").put("supported", true).put("maxResults", 50);
        body.putObject("changePassword").put("supported", false);
        body.putObject("sort").put("supported", false);
        body.putObject("etag").put("supported", false);
        body.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("primary", true);
        return body;
    }

    private static JsonNode readBody(HttpExchange exchange, String method) throws IOException {
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            try {
                JsonNode node = JSON.readTree(bytes);
                ScimRejection.require(node != null && node.isObject(), ScimRule.PARSEABLE_BODY, "Request cannot be parsed");
                return node;
            } catch (IOException e) {
                throw new ScimRejection(ScimRule.PARSEABLE_BODY, "Request cannot be parsed");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "AwsLikeScimServer[" + endpoint() + "]";
    }
}
