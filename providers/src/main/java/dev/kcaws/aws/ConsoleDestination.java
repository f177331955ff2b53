package dev.kcaws.aws;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A page of the AWS console to land on after sign-in (SAML relay state). Only https URLs on the
 * partition's console host (or one of its regional sub-hosts) are accepted, so a shortcut link can
 * never turn the IdP into an open redirector.
 */
public record ConsoleDestination(String url) {

    public static ConsoleDestination parse(String field, String url, Partition partition) {
        if (url == null || url.isBlank()) {
            throw new AwsRuleViolation(field, AwsRule.NOT_EMPTY);
        }
        if (url.length() > AwsLimits.MAX_RELAY_STATE_CHARS) {
            throw new AwsRuleViolation(field, AwsRule.MAX_CHARS_WAS, AwsLimits.MAX_RELAY_STATE_CHARS, url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new AwsRuleViolation(field, AwsRule.URL);
        }
        String host = uri.getHost();
        boolean consoleHost = host != null && (host.equals(partition.consoleHost()) || host.endsWith("." + partition.consoleHost()));
        if (!"https".equals(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getPort() != -1 || !consoleHost) {
            throw new AwsRuleViolation(field, AwsRule.CONSOLE_URL, partition.consoleHost(), partition.id());
        }
        return new ConsoleDestination(url);
    }

    /** Valid in some partition: permission sets are partition-free, accounts are not. */
    public static ConsoleDestination parseAnyPartition(String field, String url) {
        AwsRuleViolation first = null;
        for (Partition p : Partition.values()) {
            try {
                return parse(field, url, p);
            } catch (AwsRuleViolation e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first.key() != null && first.key().equals(AwsRule.CONSOLE_URL.key())
                ? new AwsRuleViolation(field, AwsRule.CONSOLE_URL_ANY_PARTITION, Partition.AWS.consoleHost())
                : first;
    }

    public boolean isIn(Partition partition) {
        try {
            parse("destination", url, partition);
            return true;
        } catch (AwsRuleViolation e) {
            return false;
        }
    }
}
