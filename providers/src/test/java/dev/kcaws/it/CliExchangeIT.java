package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DeviceSignIn;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.RolePair;
import dev.kcaws.testsupport.awssts.StsCall;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI exchange on the real server: a token of the public client {@code aws-cli}, obtained with
 * the device authorization grant approved on Keycloak's own verification and login pages, lists the
 * roles the user holds and buys credentials for exactly one of them from the AWS-like STS (the real
 * AWS SDK, the assertion validated as AWS does). Refusals: 403 for a pair not held (also a second
 * after a time-bound window ends), 401 for any token Keycloak would not accept or not issued to
 * {@code aws-cli}, 400 naming a bad field, 404 for unknown names; every exchange a
 * {@code TOKEN_EXCHANGE} event naming the pair.
 */
class CliExchangeIT {

    static final String REALM = "cli-exchange";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).withEvents()
            .editing(r -> r.putArray("enabledEventTypes").add("TOKEN_EXCHANGE").add("TOKEN_EXCHANGE_ERROR")).withSts();

    @BeforeAll
    static void usersAndSandboxRegion() {
        realm.createUsers("tina", "kim", "dora", "lou", "ned");
        for (String user : List.of("kim", "dora", "lou")) {
            realm.admin().expect(201, "POST", realm.api("/assignments"),
                    Map.of("user", user, "accountId", "222222222222", "permissionSet", "PowerUserAccess"));
        }
        realm.updateUser("kim", kim -> kim.putObject("attributes").putArray("locale").add("ko"));
        ObjectNode sandbox = (ObjectNode) realm.admin().expect(200, "GET", realm.api("/accounts/333333333333"), null).json();
        sandbox.put("region", "eu-west-1");
        realm.admin().expect(200, "PUT", realm.api("/accounts/333333333333"), sandbox);
    }

    static String cliToken(String user) {
        return DeviceSignIn.signIn(realm.url(), "aws-cli", user, user).accessToken();
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json.path("error").asText();
        }

        String description() {
            return json.path("error_description").asText();
        }
    }

    static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer roles(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.url() + "/aws/cli/roles"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static Answer credentials(String token, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.url() + "/aws/cli/credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static Answer credentials(String token, String accountId, String set) {
        return credentials(token, "account=" + accountId + "&permissionSet=" + set);
    }

    static List<String> pairs(JsonNode roles) {
        List<String> pairs = new ArrayList<>();
        roles.path("roles").forEach(r -> pairs.add(r.path("accountId").asText() + "/" + r.path("permissionSet").asText()));
        return pairs;
    }

    /** The realm's TOKEN_EXCHANGE events and errors of a user, newest first. */
    static List<JsonNode> exchangeEvents(String username) {
        List<JsonNode> events = new ArrayList<>();
        realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/events?type=TOKEN_EXCHANGE&type=TOKEN_EXCHANGE_ERROR&user=" + realm.userId(username),
                null).json().forEach(events::add);
        return events;
    }

    @Test
    void theRolesListedAreExactlyWhatTheUserHoldsAsThePortalShowsThem() {
        Answer answer = roles(cliToken("bob"));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(answer.raw().headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
        // Sorted by account name (acme-prod, acme-sandbox, acme-staging), then permission set.
        assertThat(pairs(answer.json())).containsExactly("111111111111/ReadOnlyAccess", "333333333333/PowerUserAccess",
                "333333333333/ReadOnlyAccess", "222222222222/PowerUserAccess");

        BrowserSession browser = new BrowserSession();
        Page portal = browser.login(realm.url() + "/aws/", "bob", "bob");
        List<String> shown = new ArrayList<>();
        for (String account : PortalIT.accounts(portal)) {
            PortalIT.roles(portal, account).forEach(set -> shown.add(account + "/" + set));
        }
        assertThat(pairs(answer.json())).containsExactlyInAnyOrderElementsOf(shown);

        JsonNode prod = answer.json().path("roles").get(0);
        assertThat(prod.path("accountName").asText()).isEqualTo("acme-prod");
        assertThat(prod.path("region").asText()).as("no region on the account: the partition's home region").isEqualTo("us-east-1");
        assertThat(prod.path("partition").asText()).isEqualTo("aws");
        assertThat(prod.path("sessionDuration").asInt()).isEqualTo(43200);
        assertThat(prod.has("notAfter")).isTrue();
        assertThat(prod.path("notAfter").isNull()).as("permanent access does not end").isTrue();
        JsonNode sandbox = answer.json().path("roles").get(1);
        assertThat(sandbox.path("accountName").asText()).isEqualTo("acme-sandbox");
        assertThat(sandbox.path("region").asText()).as("the account's own region").isEqualTo("eu-west-1");
        assertThat(sandbox.path("sessionDuration").asInt()).isEqualTo(28800);

        Answer nobody = roles(cliToken("ned"));
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.json().path("roles").isArray()).isTrue();
        assertThat(nobody.json().path("roles")).isEmpty();
    }

    @Test
    void credentialsComeFromStsForExactlyTheAskedPairAndTheExchangeIsAnEvent() throws Exception {
        String token = cliToken("bob");
        int before = realm.sts().acceptedCalls().size();
        Answer answer = credentials(token, "222222222222", "PowerUserAccess");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.raw().headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));

        JsonNode c = answer.json();
        assertThat(c.path("Version").isInt()).isTrue();
        assertThat(c.path("Version").asInt()).isEqualTo(1);
        assertThat(c.path("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(c.path("SecretAccessKey").asText()).isNotBlank();
        assertThat(c.path("SessionToken").asText()).isNotBlank();
        Instant expiration = Instant.parse(c.path("Expiration").asText());
        assertThat(c.path("Expiration").asText()).endsWith("Z");
        assertThat(expiration).isAfter(Instant.now().plusSeconds(28800 - 600)).isBefore(Instant.now().plusSeconds(28800 + 600));
        List<String> names = new ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration");

        assertThat(realm.sts().acceptedCalls()).hasSize(before + 1);
        StsCall call = realm.sts().acceptedCalls().get(before);
        assertThat(call.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess");
        assertThat(call.principalArn()).isEqualTo("arn:aws:iam::222222222222:saml-provider/keycloak");
        assertThat(call.durationSeconds()).isEqualTo(28800);
        assertThat(call.roleSessionName()).isEqualTo("bob@example.com");
        assertThat(realm.sts().acceptedAssertionPairs().get(before)).as("the assertion named exactly one role")
                .containsExactly(new RolePair("arn:aws:iam::222222222222:role/PowerUserAccess", "arn:aws:iam::222222222222:saml-provider/keycloak"));

        JsonNode event = exchangeEvents("bob").get(0);
        assertThat(event.path("type").asText()).isEqualTo("TOKEN_EXCHANGE");
        assertThat(event.path("clientId").asText()).isEqualTo("aws-cli");
        assertThat(event.path("sessionId").asText()).isNotBlank();
        assertThat(event.path("details").path("aws_account").asText()).isEqualTo("222222222222");
        assertThat(event.path("details").path("permission_set").asText()).isEqualTo("PowerUserAccess");
        assertThat(event.path("details").path("aws_channel").asText()).isEqualTo("cli");

        String log = Files.readString(realm.server().logFile());
        assertThat(log).as("credentials are never logged").doesNotContain(c.path("SecretAccessKey").asText());
        assertThat(log).as("the token is never logged").doesNotContain(token);
    }

    @Test
    void aPairTheUserDoesNotHoldIsRefusedWithoutCallingSts() {
        String token = cliToken("bob");
        int calls = realm.sts().requestCount();
        Answer refused = credentials(token, "111111111111", "AdministratorAccess");
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("access_denied");
        assertThat(refused.description()).isEqualTo("You do not have access to AWS account 111111111111 as AdministratorAccess.");
        assertThat(realm.sts().requestCount()).isEqualTo(calls);

        JsonNode event = exchangeEvents("bob").get(0);
        assertThat(event.path("type").asText()).isEqualTo("TOKEN_EXCHANGE_ERROR");
        assertThat(event.path("error").asText()).isEqualTo("access_denied");
        assertThat(event.path("clientId").asText()).isEqualTo("aws-cli");
        assertThat(event.path("details").path("aws_account").asText()).isEqualTo("111111111111");
        assertThat(event.path("details").path("permission_set").asText()).isEqualTo("AdministratorAccess");
        assertThat(event.path("details").path("aws_channel").asText()).isEqualTo("cli");
        assertThat(event.path("details").path("reason").asText()).contains("111111111111");
    }

    @Test
    void aTimeBoundGrantWorksInsideItsWindowAndIsRefusedASecondAfterItEnds() throws Exception {
        Instant end = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        realm.admin().expect(201, "POST", realm.api("/assignments"), TimeBoundAssignmentsIT.assignment("user", "tina", "111111111111", "Billing", null,
                end.toString()));
        String token = cliToken("tina");
        Answer listed = roles(token);
        assertThat(pairs(listed.json())).containsExactly("111111111111/Billing");
        assertThat(listed.json().path("roles").get(0).path("notAfter").asText()).isEqualTo(end.toString());
        Answer inside = credentials(token, "111111111111", "Billing");
        assertThat(inside.status()).as(inside.raw().body()).isEqualTo(200);
        assertThat(Instant.now()).as("everything above ran inside the window; lengthen it if the machine is this slow").isBefore(end);

        TimeBoundAssignmentsIT.sleepUntil(end.plusSeconds(1));
        int calls = realm.sts().requestCount();
        Answer after = credentials(token, "111111111111", "Billing");
        assertThat(after.status()).as(after.raw().body()).isEqualTo(403);
        assertThat(after.error()).isEqualTo("access_denied");
        assertThat(realm.sts().requestCount()).isEqualTo(calls);
        assertThat(pairs(roles(token).json())).isEmpty();
    }

    @Test
    void onlyAValidTokenOfAwsCliWithALiveSessionAndAnEnabledUserIsAccepted() throws Exception {
        assertUnauthorized(roles(null), "no token");
        assertUnauthorized(credentials(null, "222222222222", "PowerUserAccess"), "no token");
        assertUnauthorized(credentials("not-a-jwt", "222222222222", "PowerUserAccess"), "garbage");

        DeviceSignIn.Tokens bob = DeviceSignIn.signIn(realm.url(), "aws-cli", "bob", "bob");
        assertUnauthorized(credentials(bob.refreshToken(), "222222222222", "PowerUserAccess"), "a refresh token");
        String tampered = bob.accessToken().substring(0, bob.accessToken().lastIndexOf('.') + 1) + "AAAA";
        assertUnauthorized(credentials(tampered, "222222222222", "PowerUserAccess"), "a bad signature");

        // Another client's token of the same user: valid for Keycloak, not for the exchange.
        JsonNode adminCli = DeviceSignIn.post(realm.url() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "bob", "password", "bob"));
        int calls = realm.sts().requestCount();
        Answer otherClient = credentials(adminCli.path("access_token").asText(), "222222222222", "PowerUserAccess");
        assertUnauthorized(otherClient, "admin-cli's token");
        assertThat(otherClient.description()).contains("aws-cli");
        assertUnauthorized(roles(adminCli.path("access_token").asText()), "admin-cli's token");
        JsonNode wrongClientEvent = exchangeEvents("bob").get(0);
        assertThat(wrongClientEvent.path("type").asText()).isEqualTo("TOKEN_EXCHANGE_ERROR");
        assertThat(wrongClientEvent.path("error").asText()).isEqualTo("invalid_token");

        // Logged out: the session the token was issued in is gone.
        String lou = cliToken("lou");
        assertThat(credentials(lou, "222222222222", "PowerUserAccess").status()).isEqualTo(200);
        realm.admin().expect(204, "POST", "/admin/realms/" + REALM + "/users/" + realm.userId("lou") + "/logout", null);
        assertUnauthorized(credentials(lou, "222222222222", "PowerUserAccess"), "after logout");
        assertUnauthorized(roles(lou), "after logout");

        // Disabled user, token still unexpired.
        String dora = cliToken("dora");
        assertThat(roles(dora).status()).isEqualTo(200);
        ObjectNode user = (ObjectNode) realm.admin().expect(200, "GET", "/admin/realms/" + REALM + "/users/" + realm.userId("dora"), null).json();
        realm.admin().expect(204, "PUT", "/admin/realms/" + REALM + "/users/" + realm.userId("dora"), user.put("enabled", false));
        assertUnauthorized(credentials(dora, "222222222222", "PowerUserAccess"), "disabled user");
        assertUnauthorized(roles(dora), "disabled user");
        assertThat(realm.sts().requestCount()).isEqualTo(calls + 1);
    }

    @Test
    void anExpiredAccessTokenIsRefused() throws Exception {
        JsonNode cli = realm.admin().findClientByClientId(REALM, "aws-cli").orElseThrow();
        String path = "/admin/realms/" + REALM + "/clients/" + cli.path("id").asText();
        ObjectNode changed = cli.deepCopy();
        ((ObjectNode) changed.path("attributes")).put("access.token.lifespan", "2");
        realm.admin().expect(204, "PUT", path, changed);
        String token;
        try {
            token = cliToken("bob");
        } finally {
            realm.admin().expect(204, "PUT", path, cli);
        }
        assertThat(roles(token).status()).as("still valid").isEqualTo(200);
        Thread.sleep(3500);
        assertUnauthorized(roles(token), "expired");
        assertUnauthorized(credentials(token, "222222222222", "PowerUserAccess"), "expired");
    }

    static void assertUnauthorized(Answer answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer.raw().body()).isEqualTo(401);
        assertThat(answer.error()).as(what).isEqualTo("invalid_token");
        assertThat(answer.description()).as(what).isNotBlank();
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).as(what)
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer ").contains("error=\"invalid_token\""));
    }

    @Test
    void badFieldsAreRefusedNamingTheFieldAndNothingIsIssued() {
        String token = cliToken("bob");
        int calls = realm.sts().requestCount();
        String[][] cases = {
                {"permissionSet=PowerUserAccess", "account"},
                {"account=&permissionSet=PowerUserAccess", "account"},
                {"account=22222222222&permissionSet=PowerUserAccess", "account"},
                {"account=22222222222x&permissionSet=PowerUserAccess", "account"},
                {"account=222222222222&account=111111111111&permissionSet=PowerUserAccess", "account"},
                {"account=222222222222", "permissionSet"},
                {"account=222222222222&permissionSet=Power%20User", "permissionSet"},
                {"account=222222222222&permissionSet=" + "A".repeat(33), "permissionSet"},
        };
        for (String[] c : cases) {
            Answer bad = credentials(token, c[0]);
            assertThat(bad.status()).as(c[0] + ": " + bad.raw().body()).isEqualTo(400);
            assertThat(bad.error()).as(c[0]).isEqualTo("invalid_request");
            assertThat(bad.description()).as(c[0]).contains(c[1]);
        }
        Answer json = send(HttpRequest.newBuilder(URI.create(realm.url() + "/aws/cli/credentials")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"222222222222\",\"permissionSet\":\"PowerUserAccess\"}")));
        assertThat(json.status()).as("a JSON body: " + json.raw().body()).isEqualTo(400);
        assertThat(json.description()).contains("account");

        Answer unknownAccount = credentials(token, "999999999999", "PowerUserAccess");
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.error()).isEqualTo("not_found");
        assertThat(unknownAccount.description()).contains("999999999999");
        Answer unknownSet = credentials(token, "222222222222", "NoSuchSet");
        assertThat(unknownSet.status()).isEqualTo(404);
        assertThat(unknownSet.description()).contains("NoSuchSet");
        assertThat(realm.sts().requestCount()).isEqualTo(calls);
    }

    /**
     * Keycloak parses every POST body as a form before the resource runs, a multipart part with a
     * file name as a file: no body, content type or part may end in a 5xx; each is a 400
     * {@code invalid_request} saying how to send the fields, and nothing is issued.
     */
    @Test
    void aBodyThatIsNotAUrlEncodedFormIsRefusedAs400NotAServerError() throws Exception {
        String token = cliToken("bob");
        int calls = realm.sts().requestCount();
        String boundary = "kcawsBoundary42";
        String fileParts = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"account\"; filename=\"account.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n222222222222\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"permissionSet\"\r\n\r\n"
                + "PowerUserAccess\r\n--" + boundary + "--\r\n";
        String plainParts = fileParts.replace("; filename=\"account.txt\"\r\nContent-Type: text/plain", "");
        String[][] cases = {
                {"multipart/form-data; boundary=" + boundary, fileParts},
                {"multipart/form-data; boundary=" + boundary, plainParts},
                {"multipart/form-data", fileParts},
                {"text/plain", "account=222222222222&permissionSet=PowerUserAccess"},
                {"application/octet-stream", "\u0000\u0001"},
        };
        for (String[] c : cases) {
            Answer bad = send(HttpRequest.newBuilder(URI.create(realm.url() + "/aws/cli/credentials")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", c[0]).POST(HttpRequest.BodyPublishers.ofString(c[1])));
            assertThat(bad.status()).as(c[0] + ": " + bad.raw().body()).isEqualTo(400);
            assertThat(bad.error()).as(c[0]).isEqualTo("invalid_request");
            assertThat(bad.description()).as(c[0]).contains("application/x-www-form-urlencoded");
        }
        assertThat(realm.sts().requestCount()).as("nothing issued to the CLI").isEqualTo(calls);
        // The portal's access keys (@FormParam): a multipart body with a file part, with and without the user's session, is no
        // server error. RESTEasy Reactive passes it to the @Consumes(form-urlencoded) method and @FormParam reads the file
        // part's text, so with the session and its anti-CSRF token it is the portal's form (200, the keys), as a browser's
        // multipart form would be; without them it is refused.
        BrowserSession browser = new BrowserSession();
        Page page = browser.login(realm.url() + "/aws/", "bob", "bob");
        String csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");
        String cookies = String.join("; ", browser.cookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        String portalParts = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"; filename=\"csrf.txt\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"access\"\r\n\r\n222222222222:PowerUserAccess\r\n--" + boundary + "--\r\n";
        for (String cookie : List.of("", cookies)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.url() + "/aws/credentials"))
                    .header("Content-Type", cases[0][0]).POST(HttpRequest.BodyPublishers.ofString(portalParts));
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> portal = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(portal.statusCode()).as(cookie.isEmpty() ? "no session" : "session").isEqualTo(cookie.isEmpty() ? 401 : 200);
        }
    }

    @Test
    void errorsSpeakTheUsersLanguage() {
        String token = cliToken("kim");
        Answer refused = credentials(token, "111111111111", "Billing");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.description()).isEqualTo("AWS 계정 111111111111에 Billing 권한으로 액세스할 수 없습니다.");
        Answer bad = credentials(token, "account=1");
        assertThat(bad.description()).isEqualTo("account 필드는 12자리 AWS 계정 ID여야 합니다.");
    }

    /** Beside the sentence in the user's language, its key and values, as the admin API's errors carry them. */
    @Test
    void errorsCarryTheirMessageKeyAndValues() {
        Answer unknownAccount = credentials(cliToken("kim"), "999999999999", "PowerUserAccess");
        assertThat(unknownAccount.status()).as(unknownAccount.raw().body()).isEqualTo(404);
        assertThat(unknownAccount.json().path("messageKey").asText()).isEqualTo("kcawsLinkUnknownAccount");
        assertThat(unknownAccount.json().path("params")).extracting(JsonNode::asText).containsExactly("999999999999");
        assertThat(unknownAccount.description()).contains("999999999999");
    }

    @Test
    void aDisabledCliClientAnswersClearly() {
        String token = cliToken("bob");
        JsonNode cli = realm.admin().findClientByClientId(REALM, "aws-cli").orElseThrow();
        String path = "/admin/realms/" + REALM + "/clients/" + cli.path("id").asText();
        realm.admin().expect(204, "PUT", path, ((ObjectNode) cli.deepCopy()).put("enabled", false));
        try {
            for (Answer answer : List.of(roles(token), credentials(token, "222222222222", "PowerUserAccess"))) {
                assertThat(answer.status()).as(answer.raw().body()).isEqualTo(404);
                assertThat(answer.error()).isEqualTo("not_found");
                assertThat(answer.description()).contains("aws-cli");
            }
        } finally {
            realm.admin().expect(204, "PUT", path, cli);
        }
    }

    @Test
    void theClientIsADeviceGrantOnlyPublicClientMadeWithThePageClients() {
        String fresh = "cli-client-check";
        realm.admin().expect(201, "POST", "/admin/realms", Map.of("realm", fresh, "enabled", true));
        try {
            realm.admin().expect(201, "POST", "/admin/realms/" + fresh + "/aws/clients", Map.of());
            for (String name : List.of(fresh, REALM)) {
                JsonNode cli = realm.admin().findClientByClientId(name, "aws-cli").orElseThrow();
                assertThat(cli.path("publicClient").asBoolean()).as(name).isTrue();
                assertThat(cli.path("enabled").asBoolean()).as(name).isTrue();
                assertThat(cli.path("attributes").path("oauth2.device.authorization.grant.enabled").asText()).as(name).isEqualTo("true");
                for (String off : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled",
                        "fullScopeAllowed", "consentRequired")) {
                    assertThat(cli.path(off).asBoolean()).as(name + " " + off).isFalse();
                }
                assertThat((ArrayNode) cli.path("redirectUris")).as(name).isEmpty();
                String scopes = "/admin/realms/" + name + "/clients/" + cli.path("id").asText();
                assertThat(realm.admin().expect(200, "GET", scopes + "/default-client-scopes", null).json().findValuesAsText("name"))
                        .as(name).containsExactly("basic");
                assertThat(realm.admin().expect(200, "GET", scopes + "/optional-client-scopes", null).json().findValuesAsText("name"))
                        .as(name).isEmpty();
            }
            // The device grant works in the fresh realm too (nobody there holds a role: an empty list).
            realm.admin().createUser(fresh, "fay", "fay");
            String token = DeviceSignIn.signIn(realm.server().baseUrl() + "/realms/" + fresh, "aws-cli", "fay", "fay").accessToken();
            Answer answer = send(HttpRequest.newBuilder(URI.create(realm.server().baseUrl() + "/realms/" + fresh + "/aws/cli/roles"))
                    .header("Authorization", "Bearer " + token));
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
            assertThat(answer.json().path("roles")).isEmpty();
        } finally {
            realm.admin().deleteRealm(fresh);
        }
    }
}
