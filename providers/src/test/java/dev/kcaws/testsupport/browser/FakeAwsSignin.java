package dev.kcaws.testsupport.browser;

import dev.kcaws.testsupport.FormBody;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssp.AwsSamlRejection;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.awssp.RolePair;
import dev.kcaws.testsupport.keycloak.KeycloakServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS sign-in's SAML endpoint, played locally: an HTTPS server on 127.0.0.1 that a real browser
 * reaches as {@code https://signin.aws.amazon.com/saml} (see {@link ChromiumBrowser}, which maps
 * the host here). Every POST is judged by {@link AwsLikeServiceProvider} against the realm's IdP
 * metadata, exactly as AWS would, recorded for the test, and answered with a small page that
 * shows the outcome under stable ids ({@code #aws-result}, {@code #aws-roles},
 * {@code #aws-relay-state}; see {@link FakeAwsPage}).
 *
 * <p>The certificate is self-signed and made once per JVM with the JDK's keytool; the browser
 * is told to ignore certificate errors. Thread-safe.
 */
public final class FakeAwsSignin implements AutoCloseable {

    /** AWS's global sign-in host; the browser sends it (and its regional subdomains) here. */
    public static final String SIGNIN_HOST = "signin.aws.amazon.com";
    public static final String SAML_URL = "https://" + SIGNIN_HOST + "/saml";

    private static final String KEYSTORE_PASSWORD = "fake-aws-signin";
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static SSLContext sslContext;

    private final AwsLikeServiceProvider aws;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Received> unread = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeAwsSignin(AwsLikeServiceProvider aws) {
        this.aws = aws;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-aws-signin-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot open the fake AWS sign-in server", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake that trusts what {@code aws} trusts. */
    public static FakeAwsSignin start(AwsLikeServiceProvider aws) {
        return new FakeAwsSignin(aws);
    }

    /** Starts a fake that trusts the realm's current IdP metadata, as an admin who uploaded it to IAM. */
    public static FakeAwsSignin trustingRealm(KeycloakServer keycloak, String realm) {
        return start(AwsLikeServiceProvider.trustingIdpMetadata(idpMetadata(keycloak, realm)));
    }

    /** The local port; the browser maps AWS's sign-in host to 127.0.0.1 and this port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The next POST not yet returned by this method, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError when nothing arrives in time
     */
    public Received awaitNextSignIn(Duration timeout) {
        try {
            Received next = unread.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("AWS sign-in received no SAML response within " + timeout.toSeconds() + " s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a SAML response", e);
        }
    }

    /** Every POST received since the start (or the last {@link #forget()}), oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets what was received so far, e.g. between two tests sharing one browser. */
    public void forget() {
        unread.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One POST to {@code /saml}: AWS's verdict on it, and what the browser posted. */
    public record Received(Instant at, String postedTo, String samlResponse, String relayState,
                           AwsSignIn signIn, Exception rejection) {

        public boolean isAccepted() {
            return signIn != null;
        }

        /** The sign-in AWS would perform; throws with AWS's message if it would refuse. */
        public AwsSignIn accepted() {
            if (signIn == null) {
                throw new AssertionError("AWS would reject what Keycloak sent: " + rejection.getMessage(), rejection);
            }
            return signIn;
        }

        /** The role ARNs AWS would offer, in the assertion's order. */
        public List<String> roleArns() {
            return accepted().rolePairs().stream().map(RolePair::roleArn).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"/saml".equals(path)) {
                respond(exchange, 404, page("not found", "<p>The fake AWS sign-in only serves POST /saml.</p>"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, page("method not allowed", "<p>POST a SAMLResponse here.</p>"));
                return;
            }
            Map<String, String> form = formFields(exchange.getRequestBody());
            String postedTo = "https://" + hostWithoutPort(exchange) + path;
            Received result = judge(postedTo, form.get("SAMLResponse"), form.get("RelayState"));
            received.add(result);
            unread.add(result);
            respond(exchange, 200, resultPage(result));
        }
    }

    private Received judge(String postedTo, String samlResponse, String relayState) {
        Instant at = Instant.now();
        if (samlResponse == null || samlResponse.isEmpty()) {
            return new Received(at, postedTo, samlResponse, relayState, null,
                    new IllegalArgumentException("the POST had no SAMLResponse field"));
        }
        try {
            return new Received(at, postedTo, samlResponse, relayState, aws.accept(samlResponse, postedTo), null);
        } catch (AwsSamlRejection e) {
            return new Received(at, postedTo, samlResponse, relayState, null, e);
        } catch (RuntimeException e) {
            // An unparsable response is a refusal too; keep it for the test instead of a 500 page.
            return new Received(at, postedTo, samlResponse, relayState, null, e);
        }
    }

    // The Host header the browser sent (signin.aws.amazon.com or a regional one), which decides the
    // partition and must equal the response's Destination, just as at AWS.
    private static String hostWithoutPort(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            return SIGNIN_HOST;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    private static String resultPage(Received result) {
        StringBuilder body = new StringBuilder();
        if (result.isAccepted()) {
            AwsSignIn signIn = result.signIn();
            body.append("<h1 id=\"aws-result\">signed in</h1>\n<ul id=\"aws-roles\">");
            for (RolePair pair : signIn.rolePairs()) {
                body.append("<li>").append(escape(pair.roleArn())).append("</li>");
            }
            body.append("</ul>\n<p>Session name <span id=\"aws-session-name\">").append(escape(signIn.roleSessionName()))
                    .append("</span>, duration <span id=\"aws-session-duration\">")
                    .append(signIn.sessionDurationSeconds() == null ? "" : signIn.sessionDurationSeconds()).append("</span> s</p>\n");
        } else {
            body.append("<h1 id=\"aws-result\">rejected</h1>\n<ul id=\"aws-roles\"></ul>\n<p id=\"aws-rejection\">")
                    .append(escape(String.valueOf(result.rejection().getMessage()))).append("</p>\n");
        }
        body.append("<p>Relay state <span id=\"aws-relay-state\">")
                .append(result.relayState() == null ? "" : escape(result.relayState())).append("</span></p>\n")
                .append("<p>Posted to <span id=\"aws-posted-to\">").append(escape(result.postedTo())).append("</span></p>\n");
        return page("AWS sign-in (local fake)", body.toString());
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2rem}li{font-family:monospace}</style></head>\n<body>\n"
                + body + "</body></html>\n";
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> formFields(InputStream body) throws IOException {
        return FormBody.decode(new String(body.readAllBytes(), StandardCharsets.US_ASCII));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String idpMetadata(KeycloakServer keycloak, String realm) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(keycloak.baseUrl() + "/realms/" + realm + "/protocol/saml/descriptor");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context with a fresh self-signed certificate for AWS's sign-in hosts, made once per JVM. */
    private static synchronized SSLContext sslContext() {
        if (sslContext == null) {
            sslContext = newSelfSignedContext();
        }
        return sslContext;
    }

    private static SSLContext newSelfSignedContext() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fake-aws-signin-");
            Path keystore = dir.resolve("signin.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            List<String> command = new ArrayList<>(List.of(keytool, "-genkeypair", "-noprompt",
                    "-alias", "signin", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                    "-dname", "CN=" + SIGNIN_HOST + ", O=kcaws tests (fake AWS sign-in)",
                    "-ext", "san=dns:" + SIGNIN_HOST + ",ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD));
            Process keytoolProcess = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytoolProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytoolProcess.waitFor(60, TimeUnit.SECONDS) || keytoolProcess.exitValue() != 0) {
                keytoolProcess.destroyForcibly();
                throw new IllegalStateException("keytool could not make the fake AWS certificate: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, KEYSTORE_PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, KEYSTORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the fake AWS certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the fake AWS certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
