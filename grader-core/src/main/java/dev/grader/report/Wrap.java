package dev.grader.report;

import dev.grader.Api;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping with a hanging indent, for every text grader prints in columns (reports, grading sheets,
 * the quiz). Words longer than a line (URLs, identifiers) are never broken.
 *
 * <p>Public for the command line.
 */
@Api(status = Api.Status.INTERNAL)
public final class Wrap {

    private Wrap() {
    }

    /**
     * Wraps each line of {@code text} separately (explicit line breaks are kept, runs of spaces collapse).
     *
     * @param width the column to wrap at, prefixes included
     * @param first the prefix of the first line, such as {@code "  1. "}
     * @param rest  the prefix of the following lines, usually spaces as wide as {@code first}
     */
    public static List<String> lines(String text, int width, String first, String rest) {
        List<String> out = new ArrayList<>();
        String prefix = first;
        for (String paragraph : text.strip().split("\\R")) {
            StringBuilder line = new StringBuilder(prefix);
            int words = 0;
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (words > 0 && columns(line) + 1 + columns(word) > width) {
                    out.add(line.toString());
                    line = new StringBuilder(rest);
                    words = 0;
                }
                if (words > 0) {
                    line.append(' ');
                }
                line.append(word);
                words++;
            }
            out.add(line.toString().stripTrailing());
            prefix = rest;
        }
        return out;
    }

    /** Columns a terminal uses for the text: one per code point (wide East Asian characters count as one). */
    public static int columns(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }
}
