package dev.kcaws.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The README table: scenario, pairs, logins/s, mean ms, p95 ms, response chars, ratio vs stock. */
final class ResultTable {

    static final List<String> HEADER = List.of("scenario", "pairs", "logins/s", "mean ms", "p95 ms", "response chars", "ratio vs stock");

    private final List<List<String>> rows = new ArrayList<>();

    /** A measured series. {@code ratio} is a ready-made cell (e.g. "1.08 (target >= 1.0: met)"). */
    void add(String scenario, String pairs, LoginSeries series, String responseChars, String ratio) {
        add(scenario, pairs, series, "", responseChars, ratio);
    }

    /** A measured series whose iterations are not logins: {@code unit} follows the rate (e.g. " pages/s"). */
    void add(String scenario, String pairs, LoginSeries series, String unit, String responseChars, String ratio) {
        rows.add(List.of(scenario, pairs, fixed(series.loginsPerSecond(), 1) + unit, fixed(series.meanMillis(), 1),
                fixed(series.percentileMillis(95), 1), responseChars, ratio));
    }

    /** A row without timings (e.g. a refused login). */
    void addText(String scenario, String pairs, String loginsPerSecond, String responseChars, String ratio) {
        rows.add(List.of(scenario, pairs, loginsPerSecond, "–", "–", responseChars, ratio));
    }

    String markdown() {
        int[] widths = new int[HEADER.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], Math.max(3, row.get(c).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, HEADER, widths);
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            // text columns left, numbers right-aligned
            rule.add(c < 2 ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":");
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(c < 2 ? cell + pad : pad + cell).append(" |");
        }
        out.append(System.lineSeparator());
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String thousands(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
