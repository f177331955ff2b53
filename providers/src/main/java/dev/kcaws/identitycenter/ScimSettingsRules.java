package dev.kcaws.identitycenter;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.scim.BearerToken;
import dev.kcaws.scim.LeavePolicy;
import dev.kcaws.scim.ScimInputException;
import dev.kcaws.scim.UserNameSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * The rules a realm's push settings must keep, checked the same way on every write path (the
 * bundle's admin API, Keycloak's own components API, a realm import). Every field is checked on
 * its own so that one answer names every bad field.
 */
public final class ScimSettingsRules {

    public static final String ENDPOINT = "endpoint";
    public static final String TOKEN = "token";
    public static final String GROUPS = "groupIds";
    public static final String LEAVE_POLICY = "leavePolicy";
    public static final String RECONCILE_INTERVAL = "reconcileIntervalMinutes";

    /** A full reconcile lists every user and group in pages of 50: more often than this only eats AWS's throttling budget. */
    public static final int MIN_RECONCILE_MINUTES = 15;
    public static final int MAX_RECONCILE_MINUTES = 7 * 24 * 60;
    public static final int DEFAULT_RECONCILE_MINUTES = 60;
    static final int MAX_TOKEN_LENGTH = 8192;
    private static final int MAX_PORT = 65535;

    // Identity Center's endpoint as its console shows it: https://scim.<region>.amazonaws.com/<tenant>/scim/v2/
    private static final Pattern AWS_HOST = Pattern.compile("scim\\.[a-z]{2}(-[a-z]+)+-\\d\\.amazonaws\\.com");
    private static final Pattern AWS_PATH = Pattern.compile("/[A-Za-z0-9_-]+/scim/v2/?");
    private static final Set<String> LOOPBACK = Set.of("localhost", "[::1]", "0.0.0.0");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * Whether plain http (to this machine only) and loopback endpoints are allowed: the server option
     * {@code --spi-kcaws-identity-center-scim--kcaws-identity-center-scim--allow-insecure-endpoint=true},
     * read once at start-up by {@link ScimSettingsComponentFactory}. Off in production, where it would let
     * any manage-realm admin make Keycloak probe services on its own host; the tests' fake SCIM
     * servers need it. Server configuration, the same on every node, not request state.
     */
    private static volatile boolean insecureEndpointsAllowed;

    private ScimSettingsRules() {
    }

    static void allowInsecureEndpoints(boolean allowed) {
        insecureEndpointsAllowed = allowed;
    }

    /** Thrown with every violation of one draft. */
    public static final class Invalid extends RuntimeException {
        private final List<AwsRuleViolation> violations;

        Invalid(List<AwsRuleViolation> violations) {
            super(violations.get(0).getMessage(), null, false, false);
            this.violations = List.copyOf(violations);
        }

        public List<AwsRuleViolation> violations() {
            return violations;
        }
    }

    /**
     * The settings the draft describes, or {@link Invalid} naming every bad field.
     *
     * @param groupExists whether a Keycloak group ID names a group of the realm
     */
    public static IdentityCenterSettings check(ScimSettingsDraft draft, Predicate<String> groupExists, UserNameSource names) {
        List<AwsRuleViolation> found = new ArrayList<>();
        boolean enabled = draft.enabled() == null || draft.enabled();
        URI endpoint = collect(found, () -> endpoint(draft.endpoint()));
        String token = collect(found, () -> token(draft.token()));
        List<String> groups = collect(found, () -> groups(draft.groupIds(), groupExists, enabled));
        LeavePolicy leave = collect(found, () -> leavePolicy(draft.leavePolicy()));
        Duration interval = collect(found, () -> reconcileInterval(draft.reconcileIntervalMinutes()));
        if (!found.isEmpty()) {
            throw new Invalid(found);
        }
        return new IdentityCenterSettings(enabled, endpoint, token, groups, leave, interval, names);
    }

    private interface Field<T> {
        T get();
    }

    private static <T> T collect(List<AwsRuleViolation> found, Field<T> field) {
        try {
            return field.get();
        } catch (AwsRuleViolation e) {
            found.add(e);
            return null;
        }
    }

    /** Identity Center's SCIM endpoint under the server's option (see {@link #endpoint(String, boolean)}). */
    public static URI endpoint(String value) {
        return endpoint(value, insecureEndpointsAllowed);
    }

    /**
     * Identity Center's SCIM endpoint: https, absolute, with a path, not this machine; with
     * {@code insecureAllowed} (tests' local fake servers) also this machine, by http or https.
     */
    public static URI endpoint(String value, boolean insecureAllowed) {
        if (value == null || value.isBlank()) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_REQUIRED);
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_NOT_A_URL, e.getReason());
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_ABSOLUTE);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        // The bearer token travels in every request: plain http would send it across the network in
        // clear. Loopback is allowed only with the server option, so tests can run a local fake SCIM
        // server without a certificate; without it an admin could make Keycloak probe its own host.
        boolean loopback = LOOPBACK.contains(host) || LOOPBACK_V4.matcher(host).matches();
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback && insecureAllowed)) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_HTTPS);
        }
        if (loopback && !insecureAllowed) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_LOOPBACK);
        }
        // URI and HttpRequest both take any digits as a port: 99999 would be stored and fail every delivery.
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_PORT, String.valueOf(uri.getPort()), String.valueOf(MAX_PORT));
        }
        if (uri.getRawUserInfo() != null) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_USER_INFO);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_QUERY);
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_PATH);
        }
        if (host.endsWith(".amazonaws.com") && !(AWS_HOST.matcher(host).matches() && AWS_PATH.matcher(path).matches())) {
            throw new AwsRuleViolation(ENDPOINT, AwsRule.SCIM_ENDPOINT_AWS);
        }
        return uri;
    }

    /** The token itself or a {@code ${vault.key}} reference to it, as it will be stored. */
    public static String token(String value) {
        if (value == null || value.isBlank()) {
            throw new AwsRuleViolation(TOKEN, AwsRule.SCIM_TOKEN_REQUIRED, "${vault.key}");
        }
        String token = value.strip();
        if (VaultReference.is(token)) {
            if (VaultReference.key(token).isBlank()) {
                throw new AwsRuleViolation(TOKEN, AwsRule.SCIM_TOKEN_VAULT_KEY);
            }
            return token;
        }
        if (token.contains("${")) {
            // Meant as a reference but not Keycloak's form: stored as a token it would be sent as one.
            throw new AwsRuleViolation(TOKEN, AwsRule.SCIM_TOKEN_VAULT_FORM, "${vault.<key>}");
        }
        if (token.equals(ComponentRepresentation.SECRET_VALUE)) {
            // Keycloak's partial export and components API show a secret as this mask; importing it back
            // would store the mask as the token and every push would fail with 401.
            throw new AwsRuleViolation(TOKEN, AwsRule.SCIM_TOKEN_MASK);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new AwsRuleViolation(TOKEN, AwsRule.SCIM_TOKEN_LENGTH, MAX_TOKEN_LENGTH);
        }
        try {
            BearerToken.of(token);
        } catch (ScimInputException e) {
            // The message names the rule only; the value is never echoed.
            throw new AwsRuleViolation(TOKEN, token.isBlank() ? AwsRule.SCIM_TOKEN_EMPTY : AwsRule.SCIM_TOKEN_CHARS);
        }
        return token;
    }

    /** Every chosen group exists; at least one while the push is on (none would push nothing and
     * take every user out of scope). */
    public static List<String> groups(List<String> ids, Predicate<String> groupExists, boolean enabled) {
        Set<String> unique = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                missing.add("(empty)");
            } else if (!groupExists.test(id.strip())) {
                missing.add(id.strip());
            } else {
                unique.add(id.strip());
            }
        }
        if (!missing.isEmpty()) {
            throw new AwsRuleViolation(GROUPS, AwsRule.SCIM_GROUPS_UNKNOWN, String.join(", ", missing));
        }
        if (enabled && unique.isEmpty()) {
            throw new AwsRuleViolation(GROUPS, AwsRule.SCIM_GROUPS_NONE);
        }
        return List.copyOf(unique);
    }

    public static LeavePolicy leavePolicy(String value) {
        if (value == null || value.isBlank()) {
            return LeavePolicy.DEACTIVATE;
        }
        try {
            return LeavePolicy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AwsRuleViolation(LEAVE_POLICY, AwsRule.SCIM_LEAVE_POLICY);
        }
    }

    /** Minutes between scheduled reconciles; 0 for on demand only. */
    public static Duration reconcileInterval(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofMinutes(DEFAULT_RECONCILE_MINUTES);
        }
        int minutes;
        try {
            minutes = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new AwsRuleViolation(RECONCILE_INTERVAL, AwsRule.SCIM_INTERVAL_NUMBER);
        }
        if (minutes == 0) {
            return Duration.ZERO;
        }
        if (minutes < MIN_RECONCILE_MINUTES || minutes > MAX_RECONCILE_MINUTES) {
            throw new AwsRuleViolation(RECONCILE_INTERVAL, AwsRule.SCIM_INTERVAL_RANGE, MIN_RECONCILE_MINUTES, MAX_RECONCILE_MINUTES);
        }
        return Duration.ofMinutes(minutes);
    }
}
