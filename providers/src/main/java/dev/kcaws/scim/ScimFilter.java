package dev.kcaws.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A SCIM filter in the only form Identity Center accepts: {@code attr eq "value"} terms joined by
 * {@code and}. No other operator can be built, so the push cannot send a filter AWS refuses.
 */
public final class ScimFilter {
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)?");

    private final List<String> terms;

    private ScimFilter(List<String> terms) {
        this.terms = List.copyOf(terms);
    }

    public static ScimFilter eq(String attribute, String value) {
        return new ScimFilter(List.of(term(attribute, value)));
    }

    public ScimFilter and(String attribute, String value) {
        List<String> more = new ArrayList<>(terms);
        more.add(term(attribute, value));
        return new ScimFilter(more);
    }

    private static String term(String attribute, String value) {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw new IllegalArgumentException("not a SCIM attribute path: " + attribute);
        }
        if (value == null) {
            throw new IllegalArgumentException("filter value of " + attribute + " is null");
        }
        // RFC 7644 filter values are JSON strings: escape what would end or break the string.
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return attribute + " eq " + quoted.append('"');
    }

    /** The filter text, unencoded (the client URL-encodes it). */
    @Override
    public String toString() {
        return String.join(" and ", terms);
    }
}
