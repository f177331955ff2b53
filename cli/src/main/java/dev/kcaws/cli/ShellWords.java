package dev.kcaws.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The AWS CLI splits {@code credential_process} as a POSIX shell would (botocore's
 * {@code compat_shell_split}, i.e. Python's {@code shlex.split} on Linux and macOS): words quoted
 * here come back whole there, paths with spaces included.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** One word as a shell reads it back: unchanged when plain, else in single quotes. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(quote(word));
        }
        return out.toString();
    }

    /** Splits as {@code shlex.split} does (quotes, backslashes); null when the quotes do not close. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
                        j++;
                        d = line.charAt(j);
                    }
                    word.append(d);
                }
                if (j >= line.length()) {
                    return null;
                }
                i = j;
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                }
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
