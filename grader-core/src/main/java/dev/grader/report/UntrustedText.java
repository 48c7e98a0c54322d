package dev.grader.report;

/**
 * Answer text made safe to show: one line, no control characters (a quote cannot move a terminal's cursor,
 * recolour it or clear it), no bidirectional overrides (a quote cannot reorder what is shown around it), and cut
 * to a readable length. Rubric text goes through the same cleaning: a rubric may come from anyone.
 */
final class UntrustedText {

    static final String ELLIPSIS = "…";
    private static final char REPLACEMENT = '\uFFFD';

    private UntrustedText() {
    }

    /**
     * Whitespace runs (line breaks included) become one space; other control characters become U+FFFD;
     * bidirectional controls and unpaired surrogates are dropped; the ends are stripped.
     */
    static String line(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                space = append(sb, space, c);
                sb.append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || isBidiControl(c)) {
                continue;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                space = append(sb, space, Character.isISOControl(c) ? REPLACEMENT : c);
            }
        }
        return sb.toString();
    }

    /** {@link #line} cut to at most {@code max} chars, at a word boundary when one is near, ending with "…". */
    static String quote(String text, int max) {
        String line = line(text);
        if (line.length() <= max) {
            return line;
        }
        int end = max - ELLIPSIS.length();
        int space = line.lastIndexOf(' ', end);
        if (space >= end * 2 / 3) {
            end = space;
        } else if (Character.isLowSurrogate(line.charAt(end))) {
            end--;
        }
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static boolean append(StringBuilder sb, boolean space, char c) {
        if (space && sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(c);
        return false;
    }

    /** LRM, RLM, ALM and the embedding, override and isolate controls. */
    private static boolean isBidiControl(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
