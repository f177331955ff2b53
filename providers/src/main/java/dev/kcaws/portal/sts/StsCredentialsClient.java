package dev.kcaws.portal.sts;

import dev.kcaws.aws.AwsLimits;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.RolePair;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Exchanges a SAML response naming one role pair for temporary credentials, with STS's
 * {@code AssumeRoleWithSAML} (AWS SDK for Java v2, JDK HTTP client, no credentials: the call is
 * unsigned). Each partition's STS endpoint ({@link Partition#stsEndpoint()}) is called, or one
 * override for tests.
 *
 * <p>One SDK client per partition is built on first use and kept by this instance (SDK clients are
 * immutable and thread-safe); nothing is static, so every node of a cluster behaves the same.
 * {@link #close()} releases them. Credentials and assertions are never logged or kept.
 */
public final class StsCredentialsClient implements AutoCloseable {

    /** {@code durationSeconds} value meaning "send none": AWS then issues one hour. */
    public static final int AWS_DEFAULT_DURATION = 0;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_MESSAGE_CHARS = 500;

    private final URI endpointOverride;
    private final Map<Partition, StsClient> clients = new EnumMap<>(Partition.class);
    private boolean closed;

    /** Calls AWS: each partition's own STS endpoint. */
    public StsCredentialsClient() {
        this(null);
    }

    /**
     * @param endpointOverride where to send every call instead of AWS (an AWS-like STS in tests, a
     *     VPC endpoint); null = AWS's endpoint of the role pair's partition
     */
    public StsCredentialsClient(URI endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    /**
     * @param pair the role to assume and the SAML provider trusted by it; must be one of the
     *     assertion's role pairs
     * @param samlResponseBase64 the base64 SAMLResponse as it would be posted to AWS sign-in
     * @param durationSeconds 900..43200, or {@link #AWS_DEFAULT_DURATION} to let AWS choose (one hour)
     * @throws StsFailure when STS refuses (its error code and message) or cannot be reached
     */
    public TemporaryCredentials assumeRoleWithSaml(RolePair pair, String samlResponseBase64, int durationSeconds)
            throws StsFailure {
        Objects.requireNonNull(pair, "pair");
        if (samlResponseBase64 == null || samlResponseBase64.isBlank()) {
            throw new IllegalArgumentException("no SAML response");
        }
        if (durationSeconds != AWS_DEFAULT_DURATION
                && (durationSeconds < AwsLimits.MIN_SESSION_SECONDS || durationSeconds > AwsLimits.MAX_SESSION_SECONDS)) {
            throw new IllegalArgumentException("durationSeconds must be 900..43200 (was " + durationSeconds + ")");
        }
        AssumeRoleWithSamlRequest.Builder request = AssumeRoleWithSamlRequest.builder()
                .roleArn(pair.roleArn())
                .principalArn(pair.providerArn())
                .samlAssertion(samlResponseBase64);
        if (durationSeconds != AWS_DEFAULT_DURATION) {
            request.durationSeconds(durationSeconds);
        }
        StsClient sts = client(pair.partition());
        AssumeRoleWithSamlResponse response;
        try {
            response = sts.assumeRoleWithSAML(request.build());
        } catch (AwsServiceException e) {
            throw refused(e, samlResponseBase64);
        } catch (SdkException e) {
            throw unreachable(pair.partition(), e);
        }
        return credentials(response);
    }

    /** The endpoint calls for this partition go to. */
    public URI endpoint(Partition partition) {
        return endpointOverride != null ? endpointOverride : URI.create(partition.stsEndpoint());
    }

    /** The region the SDK is configured with for a partition (STS's home region there). */
    static Region region(Partition partition) {
        return switch (partition) {
            case AWS -> Region.US_EAST_1;
            case AWS_US_GOV -> Region.US_GOV_WEST_1;
            case AWS_CN -> Region.CN_NORTH_1;
        };
    }

    private synchronized StsClient client(Partition partition) {
        if (closed) {
            throw new IllegalStateException("StsCredentialsClient is closed");
        }
        return clients.computeIfAbsent(partition, this::build);
    }

    private StsClient build(Partition partition) {
        // An empty profile file: the server's ~/.aws files and AWS_* settings must not change
        // where or how this calls (no IMDS, no shared credentials: the operation is unsigned).
        ProfileFile noProfiles = ProfileFile.builder()
                .content(new ByteArrayInputStream(new byte[0]))
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
        return StsClient.builder()
                .region(region(partition))
                .endpointOverride(endpoint(partition))
                .fipsEnabled(false)
                .dualstackEnabled(false)
                .defaultsMode(DefaultsMode.STANDARD)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .overrideConfiguration(o -> o
                        .apiCallTimeout(CALL_TIMEOUT)
                        .defaultProfileFile(noProfiles)
                        .defaultProfileName("default"))
                .build();
    }

    private static TemporaryCredentials credentials(AssumeRoleWithSamlResponse response) throws StsFailure {
        Credentials c = response.credentials();
        if (c == null || c.accessKeyId() == null || c.secretAccessKey() == null || c.sessionToken() == null
                || c.expiration() == null || response.assumedRoleUser() == null || response.assumedRoleUser().arn() == null) {
            throw new StsFailure(StsFailure.CLIENT_ERROR, "STS answered without complete credentials", 200,
                    response.responseMetadata() == null ? null : response.responseMetadata().requestId());
        }
        return new TemporaryCredentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration(),
                response.assumedRoleUser().arn());
    }

    private static StsFailure refused(AwsServiceException e, String assertion) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "HTTP" + e.statusCode() : details.errorCode();
        String message = details == null || details.errorMessage() == null
                ? "STS refused the request (HTTP " + e.statusCode() + ")"
                : details.errorMessage();
        return new StsFailure(code, presentable(message, assertion), e.statusCode(), e.requestId());
    }

    private StsFailure unreachable(Partition partition, SdkException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == e ? e.getClass().getSimpleName() : root.getClass().getSimpleName();
        if (root.getMessage() != null) {
            why += ": " + root.getMessage();
        }
        return new StsFailure(StsFailure.CLIENT_ERROR,
                "Could not get an answer from AWS STS at " + endpoint(partition) + " (" + presentable(why, null) + ")", 0, null);
    }

    /** One line, bounded, and never the assertion even if a server echoed it. */
    static String presentable(String message, String assertion) {
        String text = message;
        if (assertion != null && assertion.length() >= 4) {
            text = text.replace(assertion, "[SAML assertion]");
        }
        text = text.replaceAll("[\\p{Cntrl}]+", " ").trim();
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "..." : text;
    }

    @Override
    public synchronized void close() {
        closed = true;
        clients.values().forEach(StsClient::close);
        clients.clear();
    }
}
