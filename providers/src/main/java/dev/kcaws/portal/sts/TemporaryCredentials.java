package dev.kcaws.portal.sts;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary AWS credentials from {@code AssumeRoleWithSAML}. Held only while a page is rendered:
 * never logged, stored or cached. {@link #toString()} redacts the secret key and session token, so
 * an accidental log line or exception message leaks nothing that could be used.
 *
 * @param accessKeyId an {@code ASIA...} key ID (an identifier, shown)
 * @param secretAccessKey the secret (never shown by toString)
 * @param sessionToken the session token (never shown by toString)
 * @param expiration when AWS stops accepting them
 * @param assumedRoleArn {@code arn:aws:sts::{account}:assumed-role/{role}/{session name}}
 */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        String assumedRoleArn) {

    static final String REDACTED = "<redacted>";

    public TemporaryCredentials {
        requireText(accessKeyId, "accessKeyId");
        requireText(secretAccessKey, "secretAccessKey");
        requireText(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        requireText(assumedRoleArn, "assumedRoleArn");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            // never echo the value: it may be half a secret
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + REDACTED + ", sessionToken="
                + REDACTED + ", expiration=" + expiration + ", assumedRoleArn=" + assumedRoleArn + "]";
    }
}
