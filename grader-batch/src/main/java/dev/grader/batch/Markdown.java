package dev.grader.batch;

import java.util.regex.Pattern;

/**
 * Escaping for Markdown (CommonMark and GitHub's dialect), the batch reports' share of what
 * {@code dev.grader.report.MarkdownReportRenderer} does for one answer. Candidate answers and names are untrusted
 * and rubric texts are not Markdown ({@code (*conn).serve} must not turn italic), so every text is escaped:
 * emphasis, code, links, images, raw HTML, entities, table pipes, math, and block markers at the start of a line.
 * Control characters become U+FFFD and bidirectional controls are dropped (they could reorder what is shown).
 */
final class Markdown {

    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]<>#|~$&!])");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([-+=]|\\d+[.)])");
    private static final Pattern BIDI = Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private Markdown() {
    }

    /** One line of inline text: cleaned, escaped, line breaks turned into spaces. */
    static String inline(String text) {
        String oneLine = clean(text).replaceAll("\\s*\\R\\s*", " ").strip();
        return escapeLineStart(INLINE.matcher(oneLine).replaceAll("\\\\$1"));
    }

    /** Multi-line text as a block quote, every line cleaned and escaped. */
    static String quoteBlock(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : clean(text).split("\\R", -1)) {
            String escaped = escapeLineStart(INLINE.matcher(line.stripTrailing()).replaceAll("\\\\$1"));
            out.append(escaped.isBlank() ? ">" : "> " + escaped).append('\n');
        }
        return out.toString();
    }

    private static String clean(String text) {
        return CONTROL.matcher(BIDI.matcher(text == null ? "" : text).replaceAll("")).replaceAll("\uFFFD");
    }

    private static String escapeLineStart(String line) {
        var m = BLOCK_START.matcher(line);
        if (!m.find()) {
            return line;
        }
        String marker = m.group(2);
        String escaped = marker.matches("\\d+[.)]")
                ? marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1)
                : "\\" + marker;
        return m.group(1) + escaped + line.substring(m.end());
    }
}
