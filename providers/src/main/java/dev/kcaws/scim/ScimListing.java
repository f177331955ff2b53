package dev.kcaws.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a whole ListUsers / ListGroups listing, paging the way the server answers:
 * <ul>
 *   <li><b>cursor</b> (IAM Identity Center): the first request sends an empty {@code cursor}, which
 *       makes AWS answer in its cursor format ({@code itemsPerPage}, {@code nextCursor}); each next
 *       page asks for the {@code nextCursor} it was given. AWS refuses {@code startIndex}, so once a
 *       server has answered with a cursor it is never sent one.</li>
 *   <li><b>index</b> (RFC 7644 §3.4.2.4; Keycloak's own SCIM server, which ignores {@code cursor}):
 *       an answer with {@code totalResults} and {@code startIndex} and no {@code nextCursor}, holding
 *       fewer resources than {@code totalResults}, is followed by {@code startIndex} pages.</li>
 * </ul>
 * The reconcile acts on what is listed, and would delete or re-create what a partial listing
 * missed, so every sign of a broken listing is a {@link ScimException} (status 200, the answer that
 * was broken) rather than a shorter list: a page that adds nothing while more is announced (also
 * what stops a loop), a resource listed twice or without {@code id}, more resources than
 * {@code totalResults}, fewer with no way to the rest, a repeated cursor, an index page that is
 * not the one asked for.
 */
final class ScimListing {

    /** Sends one list request (the path and query, relative to the SCIM base) and returns its answer. */
    @FunctionalInterface
    interface Pages {
        JsonNode get(String pathAndQuery);
    }

    private ScimListing() {
    }

    static List<ScimResource> read(String operation, String path, ScimFilter filter, int pageSize, Pages pages) {
        String first = path + "?count=" + pageSize
                + (filter == null ? "" : "&filter=" + URLEncoder.encode(filter.toString(), StandardCharsets.UTF_8));
        List<ScimResource> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // AWS's cursor pattern [-a-zA-Z0-9+=/:_]* admits the empty cursor, which asks for the first page.
        String cursor = "";
        boolean byCursor = false;
        int startIndex = 0; // > 0 once the server pages by index: the startIndex asked for
        while (true) {
            String query = startIndex > 0 ? first + "&startIndex=" + startIndex
                    : first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            JsonNode page = pages.get(query);
            if (startIndex > 0) {
                requireStartIndex(operation, page, startIndex);
            }
            int added = 0;
            for (JsonNode resource : page.path("Resources")) {
                ScimResource listed = ScimResource.of(resource);
                if (listed.id() == null || listed.id().isEmpty()) {
                    throw broken(operation, "listed a resource without id");
                }
                if (!ids.add(listed.id())) {
                    throw broken(operation, "listed resource " + listed.id() + " twice (pages overlap)");
                }
                all.add(listed);
                added++;
            }
            Integer total = page.hasNonNull("totalResults") ? page.get("totalResults").asInt() : null;
            if (total != null && all.size() > total) {
                throw broken(operation, "listed " + all.size() + " resources, more than its totalResults " + total);
            }
            String next = page.path("nextCursor").asText("");
            if (startIndex == 0 && !next.isEmpty()) {
                if (next.equals(cursor)) {
                    throw broken(operation, "answered the cursor it was sent as nextCursor (listed " + all.size() + ")");
                }
                if (added == 0) {
                    throw broken(operation, "a page with a nextCursor added nothing (listed " + all.size() + ")");
                }
                byCursor = true;
                cursor = next;
                continue;
            }
            if (total == null || all.size() == total) {
                return all;
            }
            // Fewer than totalResults and no cursor to the rest: page by index if the server does.
            if (byCursor || !page.hasNonNull("startIndex")) {
                throw broken(operation, "listed " + all.size() + " of " + total + " resources and no cursor to the rest");
            }
            if (startIndex == 0) {
                requireStartIndex(operation, page, 1); // RFC 7644: a request without startIndex asks for 1
            }
            if (added == 0) {
                throw broken(operation, "the page at startIndex " + Math.max(startIndex, 1) + " added nothing (listed "
                        + all.size() + " of " + total + ")");
            }
            startIndex = all.size() + 1;
        }
    }

    /** An index page must be the one asked for: a server ignoring startIndex would otherwise be read as overlapping pages. */
    private static void requireStartIndex(String operation, JsonNode page, int asked) {
        if (page.hasNonNull("startIndex") && page.get("startIndex").asInt() != asked) {
            throw broken(operation, "answered startIndex " + page.get("startIndex").asInt() + " to a request for " + asked);
        }
    }

    private static ScimException broken(String operation, String detail) {
        return new ScimException(operation, 200, detail);
    }
}
