package dev.kcaws.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Identity Center's SCIM API over {@link java.net.http.HttpClient}, keeping AWS's rules: filters
 * from {@link ScimFilter} only, lists read in pages of {@value #PAGE_SIZE} following
 * {@code nextCursor} (or {@code startIndex} where the server pages by index, {@link ScimListing}),
 * membership changes through {@link MembershipPatches}, retries by
 * {@link RetryPolicy}, 409 on create answered by adopting the existing resource.
 *
 * <p>The token is only ever put in the Authorization header: not in {@link #toString()}, not in
 * any {@link ScimException}, not logged (this class logs nothing).
 */
public final class ScimClient {
    /** ListUsers/ListGroups page size: the most AWS's guide has ever allowed (older text 50, current 100). */
    public static final int PAGE_SIZE = 50;
    private static final String SCIM_JSON = "application/scim+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI base;
    private final BearerToken token;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final MemberRemoval memberRemoval;
    private final LongAdder sent = new LongAdder();

    /**
     * @param endpoint Identity Center's SCIM endpoint, {@code https://scim.<region>.amazonaws.com/<tenant>/scim/v2/}
     */
    public ScimClient(URI endpoint, BearerToken token, HttpClient http, RetryPolicy retry, Sleeper sleeper) {
        this(endpoint, token, http, retry, sleeper, MemberRemoval.VALUE_LIST);
    }

    /** @param memberRemoval how PatchGroup names removed members ({@link MemberRemoval#VALUE_LIST} for Identity Center) */
    public ScimClient(URI endpoint, BearerToken token, HttpClient http, RetryPolicy retry, Sleeper sleeper,
                      MemberRemoval memberRemoval) {
        String text = Objects.requireNonNull(endpoint, "endpoint").toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = Objects.requireNonNull(token, "token");
        this.http = Objects.requireNonNull(http, "http");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.memberRemoval = Objects.requireNonNull(memberRemoval, "memberRemoval");
    }

    public static ScimClient create(URI endpoint, BearerToken token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new ScimClient(endpoint, token, http, RetryPolicy.standard(), d -> Thread.sleep(d.toMillis()));
    }

    /** HTTP requests sent so far, every attempt counted (the push reports the difference per run). */
    public long requestsSent() {
        return sent.sum();
    }

    // ---- connection test ----

    /** GET /ServiceProviderConfig: read only, needs a valid token and tenant; the connection test. */
    public JsonNode serviceProviderConfig() {
        return send("ServiceProviderConfig", "GET", "ServiceProviderConfig", null, 200)
                .orElseThrow(() -> ScimException.unreadableAnswer("ServiceProviderConfig", 200));
    }

    // ---- users ----

    public ScimResource createUser(ScimUserDocument user) {
        return resource("CreateUser", 201, send("CreateUser", "POST", "Users", user.toJson(), 201));
    }

    /** CreateUser; on 409 (a user with this userName exists) adopts that user. */
    public Created createOrAdoptUser(ScimUserDocument user) {
        try {
            return new Created(createUser(user), false);
        } catch (ScimException e) {
            if (e.status() != 409) {
                throw e;
            }
            ScimResource existing = findUserByUserName(user.userName()).orElseThrow(() ->
                    new ScimException("CreateUser", 409, "a user with this userName exists but ListUsers does not find it"));
            return new Created(existing, true);
        }
    }

    public Optional<ScimResource> getUser(String id) {
        return send("GetUser", "GET", "Users/" + segment(id), null, 200, 404).map(ScimResource::of);
    }

    public Optional<ScimResource> findUserByUserName(String userName) {
        return single(listUsers(ScimFilter.eq("userName", userName)));
    }

    public Optional<ScimResource> findUserByExternalId(String externalId) {
        return single(listUsers(ScimFilter.eq("externalId", externalId)));
    }

    /** ListUsers, every page; {@code filter} may be null for all users. */
    public List<ScimResource> listUsers(ScimFilter filter) {
        return list("ListUsers", "Users", filter);
    }

    /**
     * PutUser: overwrites the user with this document. The body names the user it replaces
     * ({@code id}), as RFC 7644 §3.5.1's PUT does: a server ignores it (readOnly) or, like
     * Keycloak's SCIM server, refuses a PUT without it (400 "Invalid reference to resource").
     */
    public ScimResource putUser(String id, ScimUserDocument user) {
        ObjectNode body = user.toJson();
        body.put("id", id);
        return resource("PutUser", 200, send("PutUser", "PUT", "Users/" + segment(id), body, 200));
    }

    /** PatchUser with the single {@code replace active} AWS allows per request. */
    public void setUserActive(String id, boolean active) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimJson.PATCH_OP_SCHEMA);
        body.putArray("Operations").addObject().put("op", "replace").put("path", "active").put("value", active);
        send("PatchUser", "PATCH", "Users/" + segment(id), body, 200, 204);
    }

    /** DeleteUser; a user already gone counts as deleted. */
    public void deleteUser(String id) {
        send("DeleteUser", "DELETE", "Users/" + segment(id), null, 204, 404);
    }

    // ---- groups ----

    public ScimResource createGroup(ScimGroupDocument group) {
        return resource("CreateGroup", 201, send("CreateGroup", "POST", "Groups", group.toJson(), 201));
    }

    /** CreateGroup; on 409 (a group with this displayName exists) adopts that group. */
    public Created createOrAdoptGroup(ScimGroupDocument group) {
        try {
            return new Created(createGroup(group), false);
        } catch (ScimException e) {
            if (e.status() != 409) {
                throw e;
            }
            ScimResource existing = findGroupByDisplayName(group.displayName()).orElseThrow(() ->
                    new ScimException("CreateGroup", 409, "a group with this displayName exists but ListGroups does not find it"));
            return new Created(existing, true);
        }
    }

    public Optional<ScimResource> getGroup(String id) {
        return send("GetGroup", "GET", "Groups/" + segment(id), null, 200, 404).map(ScimResource::of);
    }

    public Optional<ScimResource> findGroupByDisplayName(String displayName) {
        return single(listGroups(ScimFilter.eq("displayName", displayName)));
    }

    /** ListGroups, every page (AWS returns groups without members). */
    public List<ScimResource> listGroups(ScimFilter filter) {
        return list("ListGroups", "Groups", filter);
    }

    /**
     * Adds and removes members (Identity Center user IDs) in as many PatchGroup requests of at most
     * {@value MembershipPatches#MAX_CHANGES} changes as needed.
     *
     * @return the number of PatchGroup requests sent
     */
    public int changeMembers(String groupId, Collection<String> add, Collection<String> remove) {
        List<ObjectNode> bodies = MembershipPatches.bodies(add, remove, memberRemoval);
        for (ObjectNode body : bodies) {
            send("PatchGroup", "PATCH", "Groups/" + segment(groupId), body, 200, 204);
        }
        return bodies.size();
    }

    public void renameGroup(String groupId, String displayName) {
        send("PatchGroup", "PATCH", "Groups/" + segment(groupId), MembershipPatches.rename(displayName), 200, 204);
    }

    /** DeleteGroup; a group already gone counts as deleted. */
    public void deleteGroup(String id) {
        send("DeleteGroup", "DELETE", "Groups/" + segment(id), null, 204, 404);
    }

    // ---- plumbing ----

    /** Every page, by cursor (AWS) or by startIndex (RFC 7644 servers such as Keycloak's), as {@link ScimListing} reads them. */
    private List<ScimResource> list(String operation, String path, ScimFilter filter) {
        return ScimListing.read(operation, path, filter, PAGE_SIZE,
                pathAndQuery -> send(operation, "GET", pathAndQuery, null, 200)
                        .orElseThrow(() -> ScimException.unreadableAnswer(operation, 200)));
    }

    private static Optional<ScimResource> single(List<ScimResource> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static String segment(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("empty SCIM resource id");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends with retries. Returns the parsed body for a 2xx with a body, empty for 204/404 when
     * those are among {@code accepted}, throws {@link ScimException} otherwise.
     */
    /** The resource a write answered with; a success without it is {@link ScimException#unreadableAnswer}. */
    private static ScimResource resource(String operation, int status, Optional<JsonNode> answer) {
        return answer.filter(json -> json.hasNonNull("id") && !json.get("id").asText().isEmpty()).map(ScimResource::of)
                .orElseThrow(() -> ScimException.unreadableAnswer(operation, status));
    }

    private Optional<JsonNode> send(String operation, String method, String path, JsonNode body, int... accepted) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", token.authorizationHeader())
                .header("Accept", SCIM_JSON);
        if (body != null) {
            builder.header("Content-Type", SCIM_JSON)
                    .method(method, HttpRequest.BodyPublishers.ofString(ScimJson.write(body), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            int status;
            String detail;
            Optional<String> retryAfter = Optional.empty();
            sent.increment();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = response.statusCode();
                for (int ok : accepted) {
                    if (status == ok) {
                        JsonNode parsed = ScimJson.readOrNull(response.body());
                        return status == 404 || status == 204 || parsed == null ? Optional.empty() : Optional.of(parsed);
                    }
                }
                detail = token.redact(detailOf(response.body()));
                retryAfter = response.headers().firstValue("Retry-After");
            } catch (IOException e) {
                status = 0;
                // The exception's own text names the host at most; the token is never in it.
                detail = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScimException(operation, 0, "interrupted");
            }
            Optional<Duration> wait = retry.delayBeforeRetry(attempt, status, retryAfter);
            if (wait.isEmpty()) {
                throw new ScimException(operation, status, detail);
            }
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScimException(operation, status, detail);
            }
        }
    }

    private static String detailOf(String body) {
        JsonNode json = ScimJson.readOrNull(body);
        if (json != null && json.hasNonNull("detail")) {
            String detail = json.get("detail").asText();
            return detail.length() > 500 ? detail.substring(0, 500) : detail;
        }
        return null;
    }

    @Override
    public String toString() {
        return "ScimClient[" + base + "]";
    }
}
