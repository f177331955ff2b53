package dev.kcaws.testsupport.awssts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssp.AwsSamlRejection;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.awssp.RolePair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for AWS STS in tests: an HTTP server on 127.0.0.1 speaking STS's Query API for
 * {@code AssumeRoleWithSAML} (form-encoded POST to {@code /}, XML answers and errors as STS writes
 * them), so the real AWS SDK can be pointed at it with an endpoint override.
 *
 * <p>It judges the assertion as AWS does: the {@link AwsLikeServiceProvider} trusting the IdP
 * metadata validates it (signature, issuer, audience, time window, Role attribute, ...), addressed
 * to the sign-in endpoint the response names ({@link AssertionAddress}); then the requested
 * (RoleArn, PrincipalArn) must be one of its role pairs (else {@code AccessDenied}), and
 * DurationSeconds, when sent, must be 900..43200 and not above the assertion's SessionDuration
 * (else {@code ValidationError}). Accepted calls are recorded without the credentials issued.
 *
 * <p>It also answers {@code GetCallerIdentity} for the credentials it issued, as the AWS CLI and
 * SDKs send it (SigV4-signed POST): the access key ID is read from the {@code Authorization}
 * header's {@code Credential=} scope and the {@code X-Amz-Security-Token} must be the session token
 * issued with it ({@code InvalidClientTokenId} otherwise, or for a key it never issued), and the
 * credentials must not have expired ({@code ExpiredToken}). The signature itself is not checked:
 * only a SHA-256 of each session token is kept, never a secret.
 */
public final class AwsLikeSts implements AutoCloseable {
    public static final int MIN_DURATION = 900;
    public static final int MAX_DURATION = 43_200;
    public static final int DEFAULT_DURATION = 3_600;
    /** AssumeRoleWithSAML's SAMLAssertion length limits (STS API model). */
    public static final int MIN_ASSERTION_CHARS = 4;
    public static final int MAX_ASSERTION_CHARS = 100_000;
    /** What a response that names no address is judged against. */
    static final String DEFAULT_SIGNIN = "https://signin.aws.amazon.com/saml";

    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    private static final char[] KEY_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final AwsLikeServiceProvider serviceProvider;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final List<StsCall> accepted = new CopyOnWriteArrayList<>();
    /** The role pairs of each accepted call's assertion, in the order of {@link #accepted}. */
    private final List<List<RolePair>> acceptedAssertionPairs = new CopyOnWriteArrayList<>();
    private final List<StsError> rejected = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, IssuedKey> issued = new ConcurrentHashMap<>();
    private final List<String> callerIdentities = new CopyOnWriteArrayList<>();

    /** What is kept of credentials issued: enough to recognize them, not to use them. */
    private record IssuedKey(String sessionTokenSha256, Instant expiration, String arn, String userId, String account) {
    }

    private AwsLikeSts(AwsLikeServiceProvider serviceProvider, Clock clock, int port) throws IOException {
        this.serviceProvider = Objects.requireNonNull(serviceProvider);
        this.clock = Objects.requireNonNull(clock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "aws-like-sts");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** An STS trusting the IdP whose metadata this is (as uploaded to IAM), on a free port, at the real time. */
    public static AwsLikeSts start(String idpMetadataXml) {
        return start(idpMetadataXml, Clock.systemUTC());
    }

    /** As {@link #start(String)}, judging time windows and issuing expirations by this clock. */
    public static AwsLikeSts start(String idpMetadataXml, Clock clock) {
        return start(AwsLikeServiceProvider.trustingIdpMetadata(idpMetadataXml).withClock(clock), clock);
    }

    /** With a service provider configured by the caller (audience, registered providers, clock). */
    public static AwsLikeSts start(AwsLikeServiceProvider serviceProvider, Clock clock) {
        return startOn(0, serviceProvider, clock);
    }

    /**
     * The STS the shared Keycloak server ({@code SharedKeycloak}) was told to use, trusting the realm at
     * {@code realmUrl} (its SAML metadata as the realm publishes it now), on the real clock.
     */
    public static AwsLikeSts forSharedServer(String realmUrl) {
        String metadata = new dev.kcaws.testsupport.keycloak.BrowserSession().get(realmUrl + "/protocol/saml/descriptor").body();
        return startOn(dev.kcaws.testsupport.keycloak.SharedKeycloak.stsPort(), AwsLikeServiceProvider.trustingIdpMetadata(metadata),
                Clock.systemUTC());
    }

    /**
     * On a given port: a Keycloak server is told its STS endpoint when it starts, before its
     * realm's metadata (which this STS must trust) exists.
     */
    public static AwsLikeSts startOn(int port, AwsLikeServiceProvider serviceProvider, Clock clock) {
        try {
            return new AwsLikeSts(serviceProvider, clock, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the AWS-like STS", e);
        }
    }

    /** What to give the SDK as endpoint override: {@code http://127.0.0.1:<port>/}. */
    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/");
    }

    /** Every call that returned credentials, in order. */
    public List<StsCall> acceptedCalls() {
        return List.copyOf(accepted);
    }

    /** The role pairs each accepted call's SAML assertion named (its Role attribute), in the order of {@link #acceptedCalls()}. */
    public List<List<RolePair>> acceptedAssertionPairs() {
        return List.copyOf(acceptedAssertionPairs);
    }

    /** Every error answered, in order. */
    public List<StsError> rejectedCalls() {
        return List.copyOf(rejected);
    }

    /** HTTP requests received, retries included. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String xml;
            int status;
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                    throw new StsError(exchange.getRequestMethod().equals("POST") ? 404 : 405, "Sender", "InvalidAction",
                            "Only POST / is served (" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ")")
                            .toException();
                }
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                    throw new StsError(400, "Sender", "InvalidQueryParameter",
                            "Content-Type must be application/x-www-form-urlencoded (was " + contentType + ")").toException();
                }
                Map<String, String> params = StsWireFormat.form(body);
                xml = StsWireFormat.CALLER_IDENTITY.equals(params.get("Action"))
                        ? StsWireFormat.callerIdentity(getCallerIdentity(exchange, params), requestId)
                        : StsWireFormat.success(assumeRoleWithSaml(params), requestId);
                status = 200;
            } catch (StsError.StsException e) {
                rejected.add(e.error);
                xml = StsWireFormat.error(e.error, requestId);
                status = e.error.httpStatus();
            } catch (RuntimeException e) {
                StsError error = new StsError(500, "Receiver", "InternalFailure", "AWS-like STS failed: " + e);
                rejected.add(error);
                xml = StsWireFormat.error(error, requestId);
                status = 500;
            }
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // ---- AssumeRoleWithSAML ----

    private StsWireFormat.Result assumeRoleWithSaml(Map<String, String> params) throws StsError.StsException {
        String action = params.get("Action");
        if (!StsWireFormat.ACTION.equals(action)) {
            throw new StsError(400, "Sender", "InvalidAction", "Could not find operation " + action + " for version "
                    + params.get("Version")).toException();
        }
        if (!StsWireFormat.VERSION.equals(params.get("Version"))) {
            throw new StsError(400, "Sender", "InvalidAction", "Could not find operation " + action + " for version "
                    + params.get("Version")).toException();
        }
        String roleArn = required(params, "RoleArn");
        String principalArn = required(params, "PrincipalArn");
        String assertion = required(params, "SAMLAssertion");
        requireLength("roleArn", roleArn, 20, 2048);
        requireLength("principalArn", principalArn, 20, 2048);
        requireLength("sAMLAssertion", assertion, MIN_ASSERTION_CHARS, MAX_ASSERTION_CHARS);
        Integer requestedDuration = duration(params.get("DurationSeconds"));

        String audience = AssertionAddress.of(assertion).orElse(DEFAULT_SIGNIN);
        AwsSignIn signIn;
        try {
            signIn = serviceProvider.accept(assertion, audience);
        } catch (AwsSamlRejection e) {
            throw rejection(e).toException();
        }
        RolePair pair = new RolePair(roleArn, principalArn);
        if (!signIn.rolePairs().contains(pair)) {
            throw StsError.accessDenied().toException();
        }
        Integer sessionDuration = signIn.sessionDurationSeconds();
        if (requestedDuration != null && sessionDuration != null && requestedDuration > sessionDuration) {
            throw StsError.validation("The requested DurationSeconds exceeds the SessionDuration of the SAML assertion ("
                    + sessionDuration + " seconds).").toException();
        }
        int granted = requestedDuration != null ? requestedDuration
                : sessionDuration != null ? Math.min(DEFAULT_DURATION, sessionDuration) : DEFAULT_DURATION;

        Instant now = clock.instant();
        String issuer = serviceProvider.idpEntityId();
        String roleName = pair.roleName();
        acceptedAssertionPairs.add(signIn.rolePairs());
        accepted.add(new StsCall(roleArn, principalArn, signIn.roleSessionName(), granted, requestedDuration != null,
                signIn.nameId()));
        String accessKeyId = "ASIA" + randomText(KEY_ID_CHARS, 16);
        String sessionToken = sessionToken();
        String assumedRoleArn = "arn:" + pair.partition() + ":sts::" + pair.accountId() + ":assumed-role/" + roleName + "/" + signIn.roleSessionName();
        String assumedRoleId = "AROA" + randomText(KEY_ID_CHARS, 17) + ":" + signIn.roleSessionName();
        issued.put(accessKeyId, new IssuedKey(sha256(sessionToken), now.plusSeconds(granted), assumedRoleArn, assumedRoleId, pair.accountId()));
        return new StsWireFormat.Result(
                accessKeyId,
                randomText(SECRET_CHARS, 40),
                sessionToken,
                now.plusSeconds(granted),
                assumedRoleArn,
                assumedRoleId,
                audience,
                issuer,
                signIn.nameId(),
                subjectType(signIn.nameIdFormat()),
                nameQualifier(issuer, pair),
                signIn.sourceIdentity());
    }

    // ---- GetCallerIdentity ----

    private static final java.util.regex.Pattern CREDENTIAL =
            java.util.regex.Pattern.compile("AWS4-HMAC-SHA256 .*\\bCredential=([A-Z0-9]+)/[^,\\s]+.*");

    private StsWireFormat.Identity getCallerIdentity(HttpExchange exchange, Map<String, String> params) throws StsError.StsException {
        if (!StsWireFormat.VERSION.equals(params.get("Version"))) {
            throw new StsError(400, "Sender", "InvalidAction", "Could not find operation " + params.get("Action") + " for version "
                    + params.get("Version")).toException();
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw StsError.missingAuthenticationToken().toException();
        }
        java.util.regex.Matcher credential = CREDENTIAL.matcher(authorization);
        if (!credential.matches() || !authorization.contains("Signature=")) {
            throw StsError.incompleteSignature().toException();
        }
        IssuedKey key = issued.get(credential.group(1));
        String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
        if (key == null || token == null || !key.sessionTokenSha256().equals(sha256(token))) {
            throw StsError.invalidClientTokenId().toException();
        }
        if (!clock.instant().isBefore(key.expiration())) {
            throw StsError.expiredSecurityToken().toException();
        }
        callerIdentities.add(key.arn());
        return new StsWireFormat.Identity(key.arn(), key.userId(), key.account());
    }

    /** The ARN of every GetCallerIdentity call answered, in order. */
    public List<String> callerIdentityCalls() {
        return List.copyOf(callerIdentities);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AWS's mapping from what is wrong with the assertion to STS's error. */
    private static StsError rejection(AwsSamlRejection e) {
        return switch (e.rule()) {
            case "SUBJECT_CONFIRMATION_EXPIRED", "CONDITIONS_EXPIRED" -> StsError.expiredToken("Response has expired");
            case "RESPONSE_SIZE" -> StsError.validation("SAMLAssertion must be 4 to 100000 characters");
            default -> e.awsMessage().equals(StsError.NOT_AUTHORIZED)
                    ? StsError.accessDenied()
                    : StsError.invalidIdentityToken(e.awsMessage());
        };
    }

    private static String required(Map<String, String> params, String name) throws StsError.StsException {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw StsError.missingParameter(name).toException();
        }
        return value;
    }

    private static void requireLength(String member, String value, int min, int max) throws StsError.StsException {
        if (value.length() < min) {
            throw StsError.validation("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min).toException();
        }
        if (value.length() > max) {
            throw StsError.validation("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max).toException();
        }
    }

    private static Integer duration(String text) throws StsError.StsException {
        if (text == null) {
            return null;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw StsError.validation("Invalid value for DurationSeconds: " + text).toException();
        }
        if (seconds < MIN_DURATION) {
            throw StsError.validation("1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to "
                    + MIN_DURATION).toException();
        }
        if (seconds > MAX_DURATION) {
            throw StsError.validation("1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to "
                    + MAX_DURATION).toException();
        }
        return seconds;
    }

    private static String subjectType(String nameIdFormat) {
        if (PERSISTENT.equals(nameIdFormat)) {
            return "persistent";
        }
        if (TRANSIENT.equals(nameIdFormat)) {
            return "transient";
        }
        return nameIdFormat;
    }

    /** IAM's documented NameQualifier: Base64(SHA1(Issuer + AccountId + "/" + provider name)). */
    static String nameQualifier(String issuer, RolePair pair) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((issuer + pair.accountId() + "/" + pair.providerName()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sessionToken() {
        byte[] bytes = new byte[320];
        random.nextBytes(bytes);
        // "IQoJb3JpZ2luX2Vj" = base64 of "\x21\n\x09origin_ec": how real STS session tokens begin
        return "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(bytes);
    }

    private String randomText(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    /** For diagnostics in test output: never the credentials, which are not kept. */
    @Override
    public String toString() {
        return "AwsLikeSts[" + endpoint() + ", accepted=" + accepted.size() + ", rejected=" + rejected.size() + "]";
    }

    /** The calls accepted for one role ARN. */
    public List<StsCall> acceptedCallsFor(String roleArn) {
        return accepted.stream().filter(c -> c.roleArn().equals(roleArn)).toList();
    }

    /** The last error answered, if any. */
    public Optional<StsError> lastRejection() {
        return rejected.isEmpty() ? Optional.empty() : Optional.of(rejected.get(rejected.size() - 1));
    }
}
