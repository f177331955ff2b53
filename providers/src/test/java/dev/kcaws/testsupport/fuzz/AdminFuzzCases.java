package dev.kcaws.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;

/**
 * Generates requests for every admin endpoint of the bundle from one seed: boundary and random
 * JSON (wrong types, nulls, sizes up to about 1 MB, unicode, control characters, wrong shapes)
 * and hostile path and query values. The same seed gives the same cases.
 */
public final class AdminFuzzCases {

    /** One request: {@code body} null means no body at all; otherwise it is sent as-is with a JSON content type. */
    public record Case(String method, String path, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "(no body)" : body.length() > 160 ? body.substring(0, 160) + "…(" + body.length() + " chars)" : body;
            return method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path) + " " + shown;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_MB = "a".repeat(1 << 20);

    /** Values that are known to the demo realm, so that some cases get past the first check. */
    private static final String[] KNOWN = {"111111111111", "222222222222", "333333333333", "Billing", "AdministratorAccess",
            "ReadOnly", "/DevOps", "DevOps", "/Developers", "alice", "bob", "erin", "aws", "aws-us-gov", "aws-cn", "global",
            "eu-west-1", "us-gov-west-1", "cn-north-1", "keycloak"};

    /** The hostile values that are already percent-encoded path segments. */
    private static final Set<String> PRE_ENCODED = Set.of("%2F", "%2e%2e", "%252F");
    private static final String[] HOSTILE = {"", " ", ".", "..", "...", "%2F", "%2e%2e", "%252F", "a/b", "../../x", "./", "\\",
            "\u0000", "\n", "\r\n", "\t", "\u202e", "\uFEFF", "😀", "ñ", "Ω≈ç√", "\ud800", "${file(\"/etc/passwd\")}", "%{x}",
            "{\"Fn::GetAtt\":[\"a\",\"b\"]}", "<script>alert(1)</script>", "' OR 1=1 --", "null", "true", "0", "-1",
            "123456789012", "000000000000", "1234567890123", "arn:aws:iam::aws:policy/ReadOnlyAccess", "https://evil.example/",
            "https://console.aws.amazon.com/", "access:111111111111:Billing", "kcaws.account.1"};

    private static final String[] ENDPOINT_PATHS = {"accounts", "permission-sets", "assignments", "assignments/bulk", "clients",
            "client-template", "iac/cloudformation", "iac/terraform", "iac/archive", "idp-metadata"};

    private final Random random;
    private final String api;

    public AdminFuzzCases(long seed, String api) {
        this.random = new Random(seed);
        this.api = api;
    }

    public Case next() {
        return switch (random.nextInt(16)) {
            case 0, 1 -> new Case("POST", api + "/accounts", body(this::account));
            case 2 -> new Case("PUT", api + "/accounts/" + pathValue(), body(this::account));
            case 3, 4 -> new Case("POST", api + "/permission-sets", body(this::permissionSet));
            case 5 -> new Case("PUT", api + "/permission-sets/" + pathValue(), body(this::permissionSet));
            case 6 -> new Case("POST", api + "/assignments", body(this::assignment));
            case 7 -> new Case("POST", api + "/assignments/bulk", body(this::bulk));
            case 8 -> new Case("POST", api + "/clients", body(this::clientRequest));
            case 9 -> new Case(pick("GET", "DELETE"), api + "/" + pick("accounts/", "permission-sets/") + pathValue(), null);
            case 10, 11 -> new Case("GET", api + "/assignments" + query("accountId", "permissionSet", "group", "user", "first", "max"), null);
            case 12 -> new Case("DELETE", api + "/assignments" + query("accountId", "permissionSet", "group", "user"), null);
            case 13 -> new Case("GET", api + "/client-template" + query("endpoint", "clientId", "urlName", "name"), null);
            case 14 -> new Case("GET", api + "/" + pick("iac/cloudformation", "iac/terraform") + query("accountId"), null);
            default -> new Case(pick("GET", "POST", "PUT", "DELETE"), api + "/" + pick(ENDPOINT_PATHS) + query("first", "max"),
                    random.nextBoolean() ? null : wholeBody());
        };
    }

    /**
     * A request to the access review: its filters and format as hostile, unknown, repeated or valid
     * values. A separate sequence, so that {@link #next}'s cases for a seed stay what they were.
     */
    public Case nextAccessReview() {
        String q = query("account", "permissionSet", "user", "format");
        if (random.nextInt(3) == 0) {
            q += (q.isEmpty() ? "?" : "&") + "format=" + pick("json", "csv", "JSON", "xml", "");
        }
        if (random.nextInt(3) == 0) {
            q += (q.isEmpty() ? "?" : "&") + "account=" + pick("111111111111", "222222222222", "999999999999");
        }
        return new Case(random.nextInt(10) == 0 ? pick("POST", "PUT", "DELETE") : "GET", api + "/access-review" + q, null);
    }

    private static final String[] IC_PATHS = {"scim", "scim/test", "saml-client", "push/status", "push/sync", "iac/terraform", "iac/cloudformation"};

    /**
     * A request to one of the Identity Center endpoints, with the same bad-input classes as {@link #next}
     * (wrong shapes and types, nulls, oversized and hostile values, unknown fields, tampered group IDs).
     * A separate sequence, so that {@link #next}'s cases for a seed stay what they were.
     * {@code groupIds} are the IDs of the realm's groups, for bodies that get past the first check; an
     * endpoint that is valid sends nothing out of this machine ({@code localhost:1}).
     */
    public Case nextIdentityCenter(List<String> groupIds) {
        String ic = api + "/identity-center";
        return switch (random.nextInt(12)) {
            // Now and then a body as generated (often valid), so that refusals also meet stored settings and a client.
            case 0, 1, 2, 3 -> new Case("PUT", ic + "/scim", random.nextInt(3) == 0 ? write(validScimSettings(groupIds)) : body(() -> scimSettings(groupIds)));
            case 4, 5, 6 -> new Case("POST", ic + "/saml-client", random.nextInt(4) == 0 ? write(validSamlClient()) : body(this::samlClient));
            case 7 -> new Case(pick("GET", "DELETE", "POST"), ic + pick("/scim", "/scim/test", "/push/sync", "/push/status", "/saml-client"),
                    random.nextBoolean() ? null : wholeBody());
            case 8 -> new Case("GET", ic + "/" + pick("iac/terraform", "iac/cloudformation") + query("accountId", "partition"), null);
            case 9 -> new Case(pick("GET", "POST", "PUT", "DELETE"), ic + "/" + pick(IC_PATHS) + "/" + pathValue(), null);
            default -> new Case(pick("GET", "POST", "PUT", "DELETE", "PATCH"), ic + "/" + pick(IC_PATHS) + query("first", "max"),
                    random.nextBoolean() ? null : wholeBody());
        };
    }

    private Map<String, Object> scimSettings(List<String> groupIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", random.nextInt(4) == 0);
        // Nothing valid leaves this machine: the token is never sent anywhere but a closed local port.
        m.put("endpoint", pick("http://localhost:1/scim/v2/", "http://localhost:1/scim/v2/", "http://127.0.0.1:1/tenant/scim/v2/",
                "http://scim.example.com/x/", "https://scim.us-east-1.amazonaws.com/"));
        m.put("token", pick("fuzz-token-1", "fuzz-token-1", "fuzz-token-2", null, "", "**********", "${vault.scim-token}", "${vault.}"));
        List<Object> groups = new ArrayList<>(groupIds.subList(0, 1 + random.nextInt(groupIds.size())));
        if (random.nextInt(3) == 0) {
            // A tampered ID: unknown, hostile, of another shape.
            groups.add(random.nextBoolean() ? pick(HOSTILE) : value(1));
        }
        m.put("groupIds", groups);
        m.put("userNameSource", pick("EMAIL", "USERNAME", "EMAIL", "email", "PHONE"));
        m.put("leavePolicy", pick("DEACTIVATE", "DELETE", "DEACTIVATE", "KEEP"));
        m.put("reconcileIntervalMinutes", pick(0, 15, 60, 10080, 60, 10081, 14));
        return m;
    }

    private Map<String, Object> validScimSettings(List<String> groupIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", random.nextBoolean());
        m.put("endpoint", "http://localhost:1/scim/v2/");
        m.put("token", "fuzz-token-" + random.nextInt(3));
        m.put("groupIds", groupIds.subList(0, 1 + random.nextInt(groupIds.size())));
        m.put("userNameSource", pick("EMAIL", "USERNAME"));
        m.put("leavePolicy", pick("DEACTIVATE", "DELETE"));
        m.put("reconcileIntervalMinutes", pick(0, 60));
        return m;
    }

    private Map<String, Object> validSamlClient() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acsUrl", "https://us-east-1.signin.aws/platform/saml/acs/fuzz" + random.nextInt(3));
        m.put("issuer", "https://us-east-1.signin.aws.amazon.com/platform/saml/d-123456789" + random.nextInt(3));
        return m;
    }

    private Map<String, Object> samlClient() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            m.put("metadata", pick("<md:EntityDescriptor/>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                    "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890\">"
                            + "<SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><AssertionConsumerService"
                            + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://us-east-1.signin.aws/platform/saml/acs/fuzz\""
                            + " index=\"0\"/></SPSSODescriptor></EntityDescriptor>", "not xml"));
        } else {
            m.put("acsUrl", pick("https://us-east-1.signin.aws/platform/saml/acs/fuzz", "http://evil.example/acs", ""));
            m.put("issuer", pick("https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890", "urn:x", ""));
        }
        m.put("attributes", List.of(Map.of("key", pick("CostCenter", "bad key", ""), "userAttribute", pick("costCenter", "x y"))));
        m.put("urlName", pick("aws-identity-center", "fuzz" + random.nextInt(1000), "../x"));
        m.put("name", pick("AWS IAM Identity Center", "<b>x</b>"));
        m.put("accessPortalUrl", pick(null, "https://d-1234567890.awsapps.com/start", "javascript:alert(1)"));
        return m;
    }

    // ---- bodies ----

    private String body(java.util.function.Supplier<Map<String, Object>> shaped) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return wholeBody();
        }
        Map<String, Object> fields = shaped.get();
        int mutations = 1 + random.nextInt(3);
        List<String> names = new ArrayList<>(fields.keySet());
        for (int i = 0; i < mutations; i++) {
            int how = random.nextInt(10);
            if (how == 0) {
                fields.put(pick(HOSTILE) + "x", value(2));
            } else if (how == 1 && !names.isEmpty()) {
                fields.remove(names.get(random.nextInt(names.size())));
            } else if (!names.isEmpty()) {
                fields.put(names.get(random.nextInt(names.size())), value(2));
            }
        }
        return write(fields);
    }

    /** A body that is not the object the call expects, or not JSON at all. */
    private String wholeBody() {
        return switch (random.nextInt(22)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "[]";
            case 3 -> "\"x\"";
            case 4 -> "42";
            case 5 -> "true";
            case 6 -> "{}";
            case 7 -> "{";
            case 8 -> "[null]";
            case 9 -> "[".repeat(5000) + "]".repeat(5000);
            case 10 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 11 -> "\"" + ONE_MB + "\"";
            case 12 -> "{} {}";
            case 13 -> "\uFEFF{}";
            case 14 -> "{\"id\":NaN}";
            case 15 -> "{\"name\":\"\\u0000\"}";
            case 16 -> "1e999999";
            case 17 -> "{\"id\":\"111111111111\",\"id\":\"222222222222\"}";
            case 18 -> "{'id':'x'}";
            case 19 -> " \n\t ";
            case 20 -> write(value(4));
            default -> "{\"x\":\"" + "\\uD83D".repeat(1000) + "\"}";
        };
    }

    private Map<String, Object> account() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", random.nextBoolean() ? pick(KNOWN) : digits(12));
        m.put("name", "fuzz-" + random.nextInt(1000));
        m.put("partition", pick("aws", "aws-us-gov", "aws-cn"));
        m.put("samlProvider", "keycloak");
        m.put("region", pick("eu-west-1", "us-east-1", "cn-north-1"));
        return m;
    }

    private Map<String, Object> permissionSet() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", random.nextBoolean() ? pick(KNOWN) : "Fuzz" + random.nextInt(1000));
        m.put("description", "fuzzed");
        m.put("sessionDuration", pick(3600, 900, 43200));
        m.put("relayState", pick("https://console.aws.amazon.com/", null));
        m.put("managedPolicies", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        m.put("inlinePolicy", pick(null, "{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        m.put("permissionsBoundary", null);
        return m;
    }

    private Map<String, Object> assignment() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            m.put("group", pick("/DevOps", "/Developers", "/Everyone"));
        } else {
            m.put("user", pick("alice", "bob", "erin"));
        }
        m.put("accountId", pick("111111111111", "222222222222"));
        m.put("permissionSet", pick("Billing", "AdministratorAccess"));
        return m;
    }

    private Map<String, Object> bulk() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groups", List.of(pick("/DevOps", "/Developers")));
        m.put("users", List.of(pick("alice", "bob")));
        m.put("accountIds", List.of(pick("111111111111", "222222222222")));
        m.put("permissionSets", List.of(pick("Billing", "AdministratorAccess")));
        return m;
    }

    private Map<String, Object> clientRequest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", pick("global", "eu-west-1", "aws-us-gov", "aws-cn"));
        m.put("clientId", "urn:fuzz:" + random.nextInt(100000));
        m.put("urlName", "fuzz" + random.nextInt(100000));
        m.put("name", "fuzz");
        return m;
    }

    /** A random JSON value of at most {@code depth} levels: every type, boundary numbers and hostile strings. */
    private Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 14 : 11);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> pick(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 899, 43201);
            case 3 -> pick(new java.math.BigInteger("99999999999999999999999999"), 1.5e308, -0.0, 3.5);
            case 4, 5 -> pick(HOSTILE);
            case 6 -> pick(KNOWN);
            case 7 -> randomString(random.nextInt(40));
            case 8 -> random.nextInt(20) == 0 ? ONE_MB : randomString(200 + random.nextInt(70_000));
            case 9 -> controlChars(1 + random.nextInt(10));
            case 10 -> "";
            case 11 -> List.of();
            case 12 -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(value(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    map.put(randomString(1 + random.nextInt(8)), value(depth - 1));
                }
                yield map;
            }
        };
    }

    // ---- paths and queries ----

    private String pathValue() {
        int kind = random.nextInt(6);
        String raw = kind == 0 ? pick(KNOWN) : kind == 1 ? randomString(random.nextInt(30)) : kind == 2 ? "x".repeat(5000) : pick(HOSTILE);
        // Already-encoded hostile values (%2F, %2e%2e, …) stay as they are, to send encoded separators;
        // any other text with a percent sign (e.g. %{x}) is encoded like the rest.
        return PRE_ENCODED.contains(raw) || raw.equals(".") || raw.equals("..") ? raw : encode(raw);
    }

    private String query(String... names) {
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            q.append(q.length() == 0 ? "?" : "&").append(name).append('=').append(encode(queryValue(name)));
        }
        if (random.nextInt(8) == 0) {
            q.append(q.length() == 0 ? "?" : "&").append(name(names)).append("=1&").append(name(names)).append("=2");
        }
        return q.toString();
    }

    private String queryValue(String name) {
        if (name.equals("first") || name.equals("max")) {
            return pick("-1", "0", "1", "1000", "1001", "99999999999", "2147483647", "2147483000", "-2147483648", "abc", "",
                    "1e3", "1.5", " 1", "0x10");
        }
        int kind = random.nextInt(4);
        return kind == 0 ? pick(KNOWN) : kind == 1 ? randomString(random.nextInt(30)) : pick(HOSTILE);
    }

    private String name(String... names) {
        return names[random.nextInt(names.length)];
    }

    // ---- helpers ----

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private String randomString(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            s.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5f)) : kind < 8 ? (char) (0xa0 + random.nextInt(0x2000))
                    : kind < 9 ? (char) random.nextInt(0x20) : (char) (0x4e00 + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    private String controlChars(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) random.nextInt(0x20));
        }
        return s.toString();
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
