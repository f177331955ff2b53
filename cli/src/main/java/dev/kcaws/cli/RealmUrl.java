package dev.kcaws.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** A Keycloak realm's address ({@code https://sso.example.com/realms/acme}), as the user gives it with {@code --url}. */
public record RealmUrl(String value) {

    /** Checks and normalizes (no trailing slash, no query) what the user typed. */
    public static RealmUrl parse(String text) {
        String bad = "--url must be the realm's address, like https://sso.example.com/realms/acme (was: " + text + ")";
        if (text == null || text.isBlank()) {
            throw CliFailure.usage("--url is required: the realm's address, like https://sso.example.com/realms/acme");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw CliFailure.usage(bad);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() == null
                || !uri.getRawPath().matches(".*/realms/[^/]+/?")) {
            throw CliFailure.usage(bad);
        }
        String normalized = uri.toString();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return new RealmUrl(normalized);
    }

    public URI resolve(String path) {
        return URI.create(value + path);
    }

    @Override
    public String toString() {
        return value;
    }
}
