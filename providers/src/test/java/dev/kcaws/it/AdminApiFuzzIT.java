package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.fuzz.AdminFuzzCases;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests to every admin endpoint of the bundle: none may get a 5xx, and a refused one
 * (4xx) must leave the realm's AWS model as it was. Seeded (20261130 unless told): the seed is printed, and
 * {@code -Dkcaws.fuzz.seed=<seed>} repeats a run; {@code -Dkcaws.fuzz.cases=<n>} sets its size.
 */
class AdminApiFuzzIT {

    static final String REALM = "fuzz-check";
    static final String API = "/admin/realms/" + REALM + "/aws";
    static String modelClientId;

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    @BeforeAll
    static void modelClient() {
        modelClientId = realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow().path("id").asText();
    }

    @Test
    void noInputGetsAServerErrorAndARefusalChangesNothing() {
        // A fixed seed by default, so the test command gives the same answer every run; other seeds explore.
        long seed = Long.getLong("kcaws.fuzz.seed", 20261130L);
        int cases = Integer.getInteger("kcaws.fuzz.cases", 200);
        System.out.println("AdminApiFuzzIT: seed " + seed + " (repeat with -Dkcaws.fuzz.seed=" + seed + "), " + cases + " cases");
        AdminFuzzCases generator = new AdminFuzzCases(seed, API);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> changedOnRefusal = new ArrayList<>();
        long started = System.nanoTime();
        String before = snapshot();
        for (int i = 0; i < cases; i++) {
            AdminFuzzCases.Case c = generator.next();
            ApiResponse response = realm.admin().send(c.method(), c.path(), c.body());
            statuses.merge(response.status(), 1, Integer::sum);
            String after = snapshot();
            if (response.status() >= 500) {
                serverErrors.add("#" + i + " " + c + " -> " + response.status() + " " + response.body());
            } else if (response.status() >= 400 && !after.equals(before)) {
                changedOnRefusal.add("#" + i + " " + c + " -> " + response.status() + " " + response.body());
            }
            before = after;
        }
        int refused = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("AdminApiFuzzIT: %d cases in %.1f s: %d refused (4xx), %d server errors (5xx), %d refusals that changed state; by status %s%n",
                cases, (System.nanoTime() - started) / 1e9, refused, serverErrors.size(), changedOnRefusal.size(), statuses);
        serverErrors.stream().limit(40).forEach(e -> System.out.println("  5xx " + e));
        changedOnRefusal.stream().limit(40).forEach(e -> System.out.println("  changed " + e));
        assertThat(serverErrors).as("5xx answers (seed " + seed + ")").isEmpty();
        assertThat(changedOnRefusal).as("refusals that changed state (seed " + seed + ")").isEmpty();
    }

    /**
     * The same for the Identity Center endpoints (SCIM settings and their test, the SAML client, the
     * push status and sync, the Identity Center code): every answer a 4xx with Keycloak's
     * {@code ErrorRepresentation} ({@code errorMessage}) or a success, never a 5xx, and a refusal
     * changes neither the model nor the Identity Center settings or client. Seeded as above;
     * {@code -Dkcaws.fuzz.icCases=<n>} sets its size.
     */
    @Test
    void identityCenterEndpointsRefuseBadInputWithoutServerErrorsOrChanges() {
        long seed = Long.getLong("kcaws.fuzz.seed", 20261130L);
        int cases = Integer.getInteger("kcaws.fuzz.icCases", 150);
        System.out.println("AdminApiFuzzIT (Identity Center): seed " + seed + ", " + cases + " cases");
        AdminFuzzCases generator = new AdminFuzzCases(seed, API);
        List<String> groupIds = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/groups?max=100", null).json().findValuesAsText("id");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> changedOnRefusal = new ArrayList<>();
        List<String> notAnErrorRepresentation = new ArrayList<>();
        Map<String, Map<Integer, Integer>> byEndpoint = new TreeMap<>();
        long started = System.nanoTime();
        String before = snapshot() + identityCenterSnapshot();
        for (int i = 0; i < cases; i++) {
            AdminFuzzCases.Case c = generator.nextIdentityCenter(groupIds);
            ApiResponse response = realm.admin().send(c.method(), c.path(), c.body());
            statuses.merge(response.status(), 1, Integer::sum);
            byEndpoint.computeIfAbsent(c.method() + " " + endpoint(c.path()), k -> new TreeMap<>()).merge(response.status(), 1, Integer::sum);
            String after = snapshot() + identityCenterSnapshot();
            if (response.status() >= 500) {
                serverErrors.add("#" + i + " " + c + " -> " + response.status() + " " + response.body());
            } else if (response.status() >= 400) {
                if (!after.equals(before)) {
                    changedOnRefusal.add("#" + i + " " + c + " -> " + response.status() + " " + response.body());
                }
                if (!errorRepresentation(response)) {
                    notAnErrorRepresentation.add("#" + i + " " + c + " -> " + response.status() + " " + response.body());
                }
            }
            before = after;
        }
        int refused = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("AdminApiFuzzIT (Identity Center): %d cases in %.1f s: %d refused (4xx), %d server errors (5xx),"
                        + " %d refusals that changed state, %d refusals without an ErrorRepresentation; by status %s%n",
                cases, (System.nanoTime() - started) / 1e9, refused, serverErrors.size(), changedOnRefusal.size(),
                notAnErrorRepresentation.size(), statuses);
        byEndpoint.forEach((endpoint, counts) -> System.out.println("  " + endpoint + " " + counts));
        serverErrors.stream().limit(40).forEach(e -> System.out.println("  5xx " + e));
        changedOnRefusal.stream().limit(40).forEach(e -> System.out.println("  changed " + e));
        notAnErrorRepresentation.stream().limit(40).forEach(e -> System.out.println("  body " + e));
        assertThat(serverErrors).as("5xx answers (seed " + seed + ")").isEmpty();
        assertThat(changedOnRefusal).as("refusals that changed state (seed " + seed + ")").isEmpty();
        assertThat(notAnErrorRepresentation).as("refusals without an ErrorRepresentation (seed " + seed + ")").isEmpty();
    }

    /**
     * The access review's filters and format: never a 5xx, every refusal a 4xx with Keycloak's
     * {@code ErrorRepresentation} (or JAX-RS's own 405 for another method), nothing changed.
     * Seeded as above; {@code -Dkcaws.fuzz.reviewCases=<n>} sets its size.
     */
    @Test
    void accessReviewRefusesBadQueriesWithoutServerErrors() {
        long seed = Long.getLong("kcaws.fuzz.seed", 20261130L);
        int cases = Integer.getInteger("kcaws.fuzz.reviewCases", 60);
        AdminFuzzCases generator = new AdminFuzzCases(seed, API);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        String before = snapshot();
        for (int i = 0; i < cases; i++) {
            AdminFuzzCases.Case c = generator.nextAccessReview();
            ApiResponse response = realm.admin().send(c.method(), c.path(), c.body());
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() >= 500 || (response.status() >= 400 && response.status() != 405 && !errorRepresentation(response))) {
                problems.add("#" + i + " " + c + " -> " + response.status() + " " + response.body());
            }
        }
        System.out.printf("AdminApiFuzzIT (access review): %d cases in %.1f s, by status %s%n", cases, (System.nanoTime() - started) / 1e9, statuses);
        problems.stream().limit(40).forEach(e -> System.out.println("  " + e));
        assertThat(problems).as("5xx answers or refusals without an ErrorRepresentation (seed " + seed + ")").isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * The realm's CLI endpoints ({@code /realms/{realm}/aws/cli/}): generated methods, paths, content
     * types (multipart with and without files, JSON, none), bodies and tokens never get a 5xx, and
     * every refusal of a known endpoint is the contract's JSON {@code error}. The token is of a user
     * who holds nothing, so no case reaches STS. {@code -Dkcaws.fuzz.cliCases=<n>} sets its size.
     */
    @Test
    void cliEndpointsRefuseBadRequestsWithoutServerErrors() throws Exception {
        long seed = Long.getLong("kcaws.fuzz.seed", 20261130L);
        int cases = Integer.getInteger("kcaws.fuzz.cliCases", 80);
        java.util.Random random = new java.util.Random(seed);
        realm.createUsers("fuzz-nobody");
        String token = dev.kcaws.testsupport.DeviceSignIn.signIn(realm.url(), "aws-cli", "fuzz-nobody", "fuzz-nobody").accessToken();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String boundary = "fuzzBoundary";
        String[] paths = {"cli/credentials", "cli/credentials", "cli/credentials", "cli/roles", "cli/", "cli/x%00y"};
        String[] types = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=" + boundary, "multipart/form-data",
                "application/json", "text/plain", "application/x-www-form-urlencoded; charset=ISO-8859-1", null};
        String[] fields = {"account=222222222222", "permissionSet=PowerUserAccess", "account=999999999999", "permissionSet=NoSuchSet",
                // No malformed %-escape (account=%ZZ): Keycloak's form parser fails on it with a 500 before any resource runs.
                "account=%41%42", "account=\u0000", "permissionSet=" + "A".repeat(40), "account=1&account=2", "=", "&&", "account=100%25"};
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String path = paths[random.nextInt(paths.length)];
            String method = random.nextInt(6) == 0 ? List.of("GET", "PUT", "DELETE").get(random.nextInt(3)) : (path.endsWith("roles") ? "GET" : "POST");
            String type = types[random.nextInt(types.length)];
            String form = fields[random.nextInt(fields.length)] + "&" + fields[random.nextInt(fields.length)];
            String body;
            if (type != null && type.startsWith("multipart")) {
                StringBuilder parts = new StringBuilder();
                for (String field : form.split("&")) {
                    String[] kv = field.split("=", 2);
                    parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(kv[0]).append('"')
                            .append(random.nextBoolean() ? "; filename=\"f.txt\"" : "").append("\r\n\r\n").append(kv.length > 1 ? kv[1] : "").append("\r\n");
                }
                body = parts.append("--").append(boundary).append("--\r\n").toString();
            } else if ("application/json".equals(type)) {
                body = "{\"account\":\"222222222222\",\"permissionSet\":[1]}";
            } else {
                body = form;
            }
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(realm.url() + "/aws/" + path))
                    .method(method, method.equals("GET") || method.equals("DELETE") ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            int auth = random.nextInt(4);
            if (auth < 3) {
                request.header("Authorization", auth == 0 ? "Bearer " + token : auth == 1 ? "Bearer not-a-token" : "Basic Zm9vOmJhcg==");
            }
            java.net.http.HttpResponse<String> response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String known = method + " " + path;
            boolean contract = known.equals("POST cli/credentials") || known.equals("GET cli/roles");
            if (response.statusCode() >= 500 || (contract && response.statusCode() >= 400 && !response.body().contains("\"error\""))) {
                problems.add("#" + i + " " + method + " " + path + " " + type + " " + body.replace("\r\n", "|") + " -> " + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("AdminApiFuzzIT (CLI endpoints): %d cases, by status %s%n", cases, statuses);
        problems.stream().limit(40).forEach(e -> System.out.println("  " + e));
        assertThat(problems).as("5xx answers or refusals without the contract's error (seed " + seed + ")").isEmpty();
    }

    /** The endpoint a case went to: its path below {@code identity-center/}, the query and anything past the known endpoint left out. */
    private static String endpoint(String path) {
        String below = path.substring(path.indexOf("/identity-center/") + "/identity-center/".length()).replaceAll("\\?.*", "");
        String[] parts = below.split("/", -1);
        boolean twoParts = parts.length > 1 && List.of("scim/test", "push/status", "push/sync", "iac/terraform", "iac/cloudformation")
                .contains(parts[0] + "/" + parts[1]);
        String known = twoParts ? parts[0] + "/" + parts[1] : parts[0];
        return known + (below.length() > known.length() ? "/…" : "");
    }

    /** A 4xx of the bundle's or Keycloak's own: a JSON object with {@code errorMessage} (or Keycloak's {@code error}). */
    private static boolean errorRepresentation(ApiResponse response) {
        try {
            JsonNode body = response.json();
            return body.isObject() && (body.path("errorMessage").isTextual() || body.path("error").isTextual());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** The Identity Center side: the SCIM settings (never the token), the settings components, the SAML client, the user-name setting. */
    private static String identityCenterSnapshot() {
        ApiResponse saml = realm.admin().send("GET", API + "/identity-center/saml-client", null);
        JsonNode representation = realm.admin().expect(200, "GET", "/admin/realms/" + REALM, null).json();
        return realm.admin().expect(200, "GET", API + "/identity-center/scim", null).body()
                + realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/components?type=dev.kcaws.identitycenter.ScimPushSettingsProvider", null)
                        .json().findValuesAsText("id")
                + saml.status() + saml.body()
                + representation.path("attributes").path("kcaws.identity-center.user-name-source").asText();
    }

    /** The realm's AWS model as the admin sees it: the model client, its access roles, the assignments and the realm's clients. */
    private static String snapshot() {
        String client = "/admin/realms/" + REALM + "/clients/" + modelClientId;
        JsonNode clients = realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/clients?max=1000", null).json();
        List<String> clientIds = new ArrayList<>();
        clients.forEach(c -> clientIds.add(c.path("clientId").asText()));
        return realm.admin().expect(200, "GET", client, null).body()
                + realm.admin().expect(200, "GET", client + "/roles?max=100000", null).body()
                + realm.admin().expect(200, "GET", API + "/assignments?max=1000", null).body()
                + clientIds.stream().sorted().toList();
    }
}
