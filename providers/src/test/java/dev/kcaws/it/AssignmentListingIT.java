package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET assignments} against what the realm holds, read through Keycloak's own admin API (the
 * groups and users of each access role): for every filter, the whole listing and every page size
 * walked to the end (no duplicate, no gap). The realm has a user in a sub-group, a user in several
 * groups with direct assignments too, and group and user names with LIKE wildcards and quotes.
 */
class AssignmentListingIT {

    static final String REALM = "listing-check";
    static final String API = "/admin/realms/" + REALM + "/aws";
    static final String A1 = "111111111111";
    static final String A2 = "222222222222";
    static final String A3 = "333333333333";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).editing(AssignmentListingIT::listingCases);
    /** Every assignment the realm holds, in the listing's order. */
    static List<Row> expected;

    record Row(String group, String user, String accountId, String permissionSet) {
        static Row of(JsonNode n) {
            return new Row(text(n, "group"), text(n, "user"), n.path("accountId").asText(), n.path("permissionSet").asText());
        }
    }

    /** Adds to the demo realm what the listing must get right: sub-groups, several groups, direct assignments, LIKE wildcards, quotes. */
    static void listingCases(ObjectNode realm) {
        ArrayNode groups = realm.withArray("groups");
        ObjectNode top = group(groups, "Top", "/Top", role(A1, "ReadOnlyAccess"));
        ArrayNode sub = top.putArray("subGroups");
        group(sub, "Sub", "/Top/Sub", role(A2, "ReadOnlyAccess"), role(A1, "Billing"));
        group(sub, "a_b", "/Top/a_b", role(A1, "ReadOnlyAccess"));
        group(groups, "axb", "/axb", role(A1, "ReadOnlyAccess"));
        group(groups, "100%", "/100%", role(A2, "ReadOnlyAccess"));
        group(groups, "100x", "/100x", role(A2, "ReadOnlyAccess"));
        group(groups, "O'Neil \"q\"", "/O'Neil \"q\"", role(A3, "Billing"), role(A1, "ReadOnlyAccess"));
        ArrayNode users = realm.withArray("users");
        user(users, "sub.user", List.of("/Top/Sub"), role(A2, "PowerUserAccess"));
        user(users, "multi", List.of("/DevOps", "/Developers", "/Top"), role(A1, "ReadOnlyAccess"), role(A3, "ReadOnlyAccess"));
        user(users, "pct%user", List.of(), role(A1, "ReadOnlyAccess"));
        user(users, "pctxuser", List.of(), role(A1, "ReadOnlyAccess"));
        user(users, "under_user", List.of(), role(A2, "Billing"));
        user(users, "underxuser", List.of(), role(A2, "Billing"));
        user(users, "o'brien", List.of("/O'Neil \"q\""), role(A1, "ReadOnlyAccess"));
        listMappedRoles(realm);
    }

    @BeforeAll
    static void whatTheRealmHoldsAtStart() {
        expected = whatTheRealmHolds();
    }

    @Test
    void theRealmHasWhatThisTestIsAbout() {
        assertThat(expected).contains(new Row("/Top/Sub", null, A2, "ReadOnlyAccess"), new Row(null, "sub.user", A2, "PowerUserAccess"),
                new Row("/100%", null, A2, "ReadOnlyAccess"), new Row("/O'Neil \"q\"", null, A3, "Billing"),
                new Row(null, "pct%user", A1, "ReadOnlyAccess"), new Row(null, "o'brien", A1, "ReadOnlyAccess"),
                new Row(null, "multi", A3, "ReadOnlyAccess"));
        assertThat(expected).hasSize(25);
    }

    @Test
    void everyFilterListsWhatTheRealmHoldsOnEveryPage() {
        Map<String, List<Row>> cases = new LinkedHashMap<>();
        cases.put("", expected);
        for (String account : List.of(A1, A2, A3, "999999999999", "12345", "11111111111%")) {
            cases.put("accountId=" + account, where(r -> r.accountId().equals(account)));
        }
        for (String set : List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "Billing", "Read_nlyAccess", "%")) {
            cases.put("permissionSet=" + set, where(r -> r.permissionSet().equals(set)));
        }
        TreeSet<String> paths = new TreeSet<>(List.of("/a_b", "/Top/a%", "/Top/a_", "/NoSuchGroup"));
        expected.stream().map(Row::group).filter(g -> g != null).forEach(paths::add);
        for (String path : paths) {
            cases.put("group=" + path, where(r -> path.equals(r.group())));
        }
        cases.put("group=Top/Sub", where(r -> "/Top/Sub".equals(r.group())));
        TreeSet<String> usernames = new TreeSet<>(List.of("pct_user", "under%", "nobody"));
        expected.stream().map(Row::user).filter(u -> u != null).forEach(usernames::add);
        for (String username : usernames) {
            cases.put("user=" + username, where(r -> username.equals(r.user())));
        }
        cases.put("accountId=" + A1 + "&permissionSet=ReadOnlyAccess", where(r -> r.accountId().equals(A1) && r.permissionSet().equals("ReadOnlyAccess")));
        cases.put("group=/Top/Sub&accountId=" + A2, where(r -> "/Top/Sub".equals(r.group()) && r.accountId().equals(A2)));
        cases.put("user=multi&permissionSet=ReadOnlyAccess", where(r -> "multi".equals(r.user()) && r.permissionSet().equals("ReadOnlyAccess")));
        cases.put("group=/Top&user=multi", List.of());

        cases.forEach((query, rows) -> {
            assertThat(list(query, 0, 1000)).as(query).isEqualTo(rows);
            for (int size : query.isEmpty() ? List.of(1, 2, 3, 7, 10) : List.of(1, 4)) {
                assertThat(walk(query, size)).as(query + " in pages of " + size).isEqualTo(rows);
            }
        });
    }

    @Test
    void pagesBeyondTheEndAreEmpty() {
        assertThat(list("", expected.size(), 1000)).isEmpty();
        assertThat(list("", expected.size() - 1, 1000)).containsExactly(expected.get(expected.size() - 1));
        assertThat(list("", Integer.MAX_VALUE - 10, 1000)).isEmpty();
        assertThat(list("", Integer.MAX_VALUE, 1000)).isEmpty();
    }

    /** All pages of {@code size} rows, from first = 0 until a short page. */
    static List<Row> walk(String query, int size) {
        List<Row> all = new ArrayList<>();
        for (int first = 0; ; first += size) {
            List<Row> page = list(query, first, size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
        }
    }

    static List<Row> list(String query, int first, int max) {
        String q = query.isEmpty() ? "" : encodeValues(query) + "&";
        ApiResponse response = realm.admin().send("GET", API + "/assignments?" + q + "first=" + first + "&max=" + max, null);
        assertThat(response.status()).as(query + " first=" + first + " max=" + max + ": " + response.body()).isEqualTo(200);
        List<Row> rows = new ArrayList<>();
        response.json().forEach(n -> rows.add(Row.of(n)));
        return rows;
    }

    static List<Row> where(java.util.function.Predicate<Row> filter) {
        return expected.stream().filter(filter).toList();
    }

    /**
     * Keycloak's own view: every access role of the model client, its groups' paths and its
     * users' names, in the listing's order (account, set, groups by path, then users by name).
     */
    static List<Row> whatTheRealmHolds() {
        String client = realm.admin().findClientByClientId(REALM, "aws-access").orElseThrow().path("id").asText();
        String roles = "/admin/realms/" + REALM + "/clients/" + client + "/roles";
        List<String> names = new ArrayList<>();
        realm.admin().expect(200, "GET", roles + "?first=0&max=10000", null).json().forEach(r -> names.add(r.path("name").asText()));
        names.removeIf(n -> !n.startsWith("access:"));
        names.sort(Comparator.comparing((String n) -> n.split(":")[1]).thenComparing(n -> n.split(":", 3)[2]));
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            String account = name.split(":")[1];
            String set = name.split(":", 3)[2];
            String role = roles + "/" + encode(name);
            List<String> groups = new ArrayList<>();
            realm.admin().expect(200, "GET", role + "/groups?first=0&max=1000", null).json().forEach(g -> groups.add(g.path("path").asText()));
            groups.stream().sorted().forEach(g -> rows.add(new Row(g, null, account, set)));
            List<String> users = new ArrayList<>();
            realm.admin().expect(200, "GET", role + "/users?first=0&max=1000", null).json().forEach(u -> users.add(u.path("username").asText()));
            users.stream().sorted().forEach(u -> rows.add(new Row(null, u, account, set)));
        }
        return rows;
    }

    /**
     * Lists every mapped access role under {@code roles.client.aws-access}: Keycloak's import creates
     * an unlisted role for the first of two users mapping it and fails on the second (duplicate key).
     */
    static void listMappedRoles(ObjectNode realm) {
        TreeSet<String> listed = new TreeSet<>();
        ArrayNode roles = DemoRealm.modelRoles(realm);
        roles.forEach(r -> listed.add(r.path("name").asText()));
        List<JsonNode> holders = new ArrayList<>();
        realm.withArray("users").forEach(holders::add);
        for (int i = 0; i < realm.withArray("groups").size(); i++) {
            collectGroups(realm.withArray("groups").get(i), holders);
        }
        holders.forEach(h -> h.path("clientRoles").path("aws-access").forEach(r -> {
            if (listed.add(r.asText())) {
                roles.addObject().put("name", r.asText()).put("clientRole", true);
            }
        }));
    }

    static void collectGroups(JsonNode group, List<JsonNode> into) {
        into.add(group);
        group.path("subGroups").forEach(g -> collectGroups(g, into));
    }

    static ObjectNode group(ArrayNode groups, String name, String path, String... roles) {
        ObjectNode group = groups.addObject().put("name", name).put("path", path);
        ArrayNode mapped = group.putObject("clientRoles").putArray("aws-access");
        for (String role : roles) {
            mapped.add(role);
        }
        return group;
    }

    static void user(ArrayNode users, String username, List<String> groups, String... roles) {
        ObjectNode user = users.addObject().put("username", username).put("enabled", true)
                .put("email", username.replaceAll("[^a-z.]", "") + "@example.com").put("firstName", "F").put("lastName", "L");
        ArrayNode g = user.putArray("groups");
        groups.forEach(g::add);
        ArrayNode mapped = user.putObject("clientRoles").putArray("aws-access");
        for (String role : roles) {
            mapped.add(role);
        }
    }

    static String role(String account, String set) {
        return "access:" + account + ":" + set;
    }

    static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Encodes the values of {@code a=b&c=d}. */
    static String encodeValues(String query) {
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parts.add(pair.substring(0, eq + 1) + encode(pair.substring(eq + 1)));
        }
        return String.join("&", parts);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
