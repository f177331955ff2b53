package dev.kcaws.aws;

/** Character rules shared by the free-text fields (names, descriptions) that reach generated code and pages. */
public final class Text {

    private Text() {
    }

    /**
     * No control characters (C0, DEL, C1: NUL, newline, escape…), no invisible format characters
     * (bidirectional overrides, zero-width characters: text that reads differently from what it
     * is), no line or paragraph separators and no unpaired surrogates.
     */
    public static boolean isPrintable(String text) {
        return isPrintable(text, false);
    }

    /** Like {@link #isPrintable(String)}, but tab, line feed and carriage return are allowed (multi-line text). */
    public static boolean isPrintableMultiLine(String text) {
        return isPrintable(text, true);
    }

    private static boolean isPrintable(String text, boolean lines) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (lines && (cp == '\t' || cp == '\n' || cp == '\r')) {
                continue;
            }
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }
}
