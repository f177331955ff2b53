package dev.kcaws.admin;

import java.util.List;

/**
 * The access review as CSV (RFC 4180): a header row, then one line per row, every field quoted
 * (inner quotes doubled), lines ended with CRLF. A field that a spreadsheet would take for a formula
 * (starting with {@code = + - @}, or a tab or carriage return before one) gets a leading apostrophe,
 * as OWASP advises against CSV injection: group paths and usernames are chosen by people.
 */
final class AccessReviewCsv {

    private AccessReviewCsv() {
    }

    static String write(List<AccessReviewRowRepresentation> rows) {
        StringBuilder out = new StringBuilder();
        line(out, AccessReviewRowRepresentation.COLUMNS);
        rows.forEach(row -> line(out, row.values()));
        return out.toString();
    }

    private static void line(StringBuilder out, String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(field(values[i]).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /** The value as a spreadsheet may show it: absent as empty, a would-be formula as text. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
