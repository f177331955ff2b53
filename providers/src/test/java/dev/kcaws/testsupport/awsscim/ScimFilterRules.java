package dev.kcaws.testsupport.awsscim;

import static dev.kcaws.testsupport.awsscim.ScimRejection.require;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a list filter as Identity Center accepts it — {@code attr eq "value"} terms joined by
 * {@code and}, nothing else — and checks the attribute combination against the operation's list.
 */
final class ScimFilterRules {
    private static final Pattern TERM = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)?)\\s+(\\S+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    static final List<Set<String>> USER_COMBINATIONS = List.of(
            Set.of("username"), Set.of("externalid"), Set.of("groups.value"), Set.of("id", "manager"));
    static final List<Set<String>> GROUP_COMBINATIONS = List.of(
            Set.of("displayname"), Set.of("externalid"), Set.of("id", "members.value"));

    private ScimFilterRules() {
    }

    /** @return lower-cased attribute → unescaped value, in order */
    static Map<String, String> parse(String filter, List<Set<String>> combinations) {
        Map<String, String> terms = new LinkedHashMap<>();
        // Split on " and " outside quotes.
        boolean quoted = false;
        int start = 0;
        String lower = filter.toLowerCase(Locale.ROOT);
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\\' && quoted) {
                i++;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted) {
                require(c != '(' && c != ')' && c != '[', ScimRule.FILTER_ONLY_EQ_AND, "Grouping is not supported in filters");
                if (lower.startsWith(" or ", i) || lower.startsWith("not ", i) && i == start) {
                    throw new ScimRejection(ScimRule.FILTER_ONLY_EQ_AND, "Only 'and' is supported to combine filters");
                }
                if (lower.startsWith(" and ", i)) {
                    term(filter.substring(start, i), terms);
                    start = i + 5;
                    i += 4;
                }
            }
        }
        require(!quoted, ScimRule.FILTER_ONLY_EQ_AND, "Filter is syntactically incorrect");
        term(filter.substring(start), terms);
        require(combinations.contains(terms.keySet()), ScimRule.FILTER_COMBINATION,
                "Unsupported filter attribute combination: " + terms.keySet());
        return terms;
    }

    private static void term(String text, Map<String, String> terms) {
        Matcher m = TERM.matcher(text);
        if (!m.matches()) {
            throw new ScimRejection(ScimRule.FILTER_ONLY_EQ_AND, "Filter is syntactically incorrect or uses an unsupported operator");
        }
        require(m.group(2).equalsIgnoreCase("eq"), ScimRule.FILTER_ONLY_EQ_AND,
                "Unsupported operator '" + m.group(2) + "': only eq is supported");
        terms.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3).replaceAll("\\\\(.)", "$1"));
    }
}
