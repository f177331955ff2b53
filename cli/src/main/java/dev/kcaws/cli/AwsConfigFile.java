package dev.kcaws.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the text of the AWS CLI's config file ({@code ~/.aws/config}) as a list of lines, so that
 * everything it does not own stays byte for byte: other profiles, comments, blank lines, line
 * endings. A profile is "own" when its {@code credential_process} is this program for the same
 * realm (the caller's predicate decides); own profiles are updated in place (only the keys this
 * program writes; keys the user added stay), own profiles no longer wanted are removed, new ones
 * are appended. A profile of the wanted name that is not own is never touched: it is reported.
 */
public final class AwsConfigFile {
    private static final Pattern HEADER = Pattern.compile("\\[\\s*(.*?)\\s*]\\s*");
    private static final Pattern KEY = Pattern.compile("([^\\s=#;\\[][^=]*?)\\s*=\\s*(.*?)\\s*");

    /** What {@link #apply} did, by profile name. */
    public record Changes(List<String> added, List<String> updated, List<String> removed, List<String> skipped) {
    }

    private final List<String> lines;
    private final String newline;

    private AwsConfigFile(List<String> lines, String newline) {
        this.lines = lines;
        this.newline = newline;
    }

    public static AwsConfigFile parse(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        String newline = !lines.isEmpty() && lines.get(0).endsWith("\r\n") ? "\r\n" : "\n";
        return new AwsConfigFile(lines, newline);
    }

    public String text() {
        return String.join("", lines);
    }

    /** The profile name a header line names ({@code [profile x]} → x, {@code [default]} → default), else null. */
    static String profileName(String line) {
        if (Character.isWhitespace(line.isEmpty() ? 'x' : line.charAt(0))) {
            return null;
        }
        Matcher m = HEADER.matcher(body(line));
        if (!m.matches()) {
            return null;
        }
        String header = m.group(1);
        if (header.equals("default")) {
            return "default";
        }
        if (!header.startsWith("profile") || header.length() == 7 || !Character.isWhitespace(header.charAt(7))) {
            return null;
        }
        List<String> words = ShellWords.split(header);
        return words != null && words.size() == 2 ? words.get(1) : null;
    }

    private static boolean isHeader(String line) {
        return !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && HEADER.matcher(body(line)).matches();
    }

    private static boolean isComment(String line) {
        String t = line.strip();
        return t.startsWith("#") || t.startsWith(";");
    }

    private static boolean isBlank(String line) {
        return line.isBlank();
    }

    private static String body(String line) {
        return line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static String ending(String line) {
        return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
    }

    /**
     * One profile section: its header line and everything up to the next header of any kind ({@code end}),
     * as botocore reads it: keys after a blank or comment line still belong to it. {@code content} ends
     * after its last key (or continuation) line; the blank and comment lines after that lead to what follows.
     */
    private record Span(String name, int header, int content, int end) {
    }

    private List<Span> profiles() {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = profileName(lines.get(i));
            if (name == null) {
                continue;
            }
            int end = i + 1;
            int content = i + 1;
            while (end < lines.size() && !isHeader(lines.get(end))) {
                if (!isComment(lines.get(end)) && !isBlank(lines.get(end))) {
                    content = end + 1;
                }
                end++;
            }
            spans.add(new Span(name, i, content, end));
        }
        return spans;
    }

    /** A top-level key line (not indented, not a comment). */
    private static Matcher keyLine(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || isComment(line)) {
            return null;
        }
        Matcher m = KEY.matcher(body(line));
        return m.matches() ? m : null;
    }

    /** The value of a top-level key in the span, or null. */
    private String value(Span span, String key) {
        for (int i = span.header() + 1; i < span.content(); i++) {
            Matcher m = keyLine(lines.get(i));
            if (m != null && m.group(1).equals(key)) {
                return m.group(2);
            }
        }
        return null;
    }

    /** The names of every profile in the file (own or not), in order. */
    public List<String> profileNames() {
        return profiles().stream().map(Span::name).toList();
    }

    /** The keys of a profile, or null when there is no such profile. */
    public Map<String, String> profile(String name) {
        for (Span span : profiles()) {
            if (span.name().equals(name)) {
                Map<String, String> keys = new LinkedHashMap<>();
                for (int i = span.header() + 1; i < span.content(); i++) {
                    Matcher m = keyLine(lines.get(i));
                    if (m != null) {
                        keys.put(m.group(1), m.group(2));
                    }
                }
                return keys;
            }
        }
        return null;
    }

    /**
     * Makes the own profiles exactly {@code wanted} (name → keys to set, in order).
     *
     * @param own decides from a profile's {@code credential_process} value whether the profile is this program's
     */
    public Changes apply(Map<String, Map<String, String>> wanted, Predicate<String> own) {
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<Span> spans = profiles();
        // back to front, so that the line numbers of the spans not yet visited stay right
        for (int s = spans.size() - 1; s >= 0; s--) {
            Span span = spans.get(s);
            String process = value(span, "credential_process");
            if (process == null || !own.test(process)) {
                continue;
            }
            Map<String, String> keys = wanted.get(span.name());
            if (keys != null && !done.contains(span.name())) {
                if (update(span, keys)) {
                    updated.add(0, span.name());
                }
                done.add(span.name());
            } else {
                remove(span);
                removed.add(0, span.name());
            }
        }
        List<String> names = profileNames();
        for (Map.Entry<String, Map<String, String>> e : wanted.entrySet()) {
            if (done.contains(e.getKey())) {
                continue;
            }
            if (names.contains(e.getKey())) {
                skipped.add(e.getKey());
                continue;
            }
            append(e.getKey(), e.getValue());
            added.add(e.getKey());
        }
        return new Changes(added, updated, removed, skipped);
    }

    /** Sets the keys in place; true when a line changed. */
    private boolean update(Span span, Map<String, String> keys) {
        boolean changed = false;
        // new keys go after the last key line, before the blank and comment lines that lead to the next section
        int insertAt = span.content();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            boolean found = false;
            for (int i = span.header() + 1; i < insertAt; i++) {
                String line = lines.get(i);
                Matcher m = keyLine(line);
                if (m != null && m.group(1).equals(e.getKey())) {
                    found = true;
                    if (!m.group(2).equals(e.getValue())) {
                        lines.set(i, e.getKey() + " = " + e.getValue() + (ending(line).isEmpty() ? newline : ending(line)));
                        changed = true;
                    }
                    break;
                }
            }
            if (!found) {
                terminateLine(insertAt - 1);
                lines.add(insertAt++, e.getKey() + " = " + e.getValue() + newline);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Removes the header and every line up to its last key (the user's keys after a blank line too, which
     * botocore reads as this profile's), and the blank lines just before the header that separated it;
     * the blank and comment lines after its last key stay, leading to the next section.
     */
    private void remove(Span span) {
        int from = span.header();
        while (from > 0 && isBlank(lines.get(from - 1))) {
            from--;
        }
        int to = span.content();
        // at the top of the file nothing came before to separate it from: no blank line is left leading the file
        while (from == 0 && to < span.end() && isBlank(lines.get(to))) {
            to++;
        }
        lines.subList(from, to).clear();
    }

    private void append(String name, Map<String, String> keys) {
        if (!lines.isEmpty()) {
            terminateLine(lines.size() - 1);
            if (!isBlank(lines.get(lines.size() - 1))) {
                lines.add(newline);
            }
        }
        lines.add("[profile " + name + "]" + newline);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            lines.add(e.getKey() + " = " + e.getValue() + newline);
        }
    }

    private void terminateLine(int index) {
        if (index >= 0 && ending(lines.get(index)).isEmpty()) {
            lines.set(index, lines.get(index) + newline);
        }
    }
}
