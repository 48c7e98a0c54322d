package dev.grader.report;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping of one line of text with a hanging indent; words longer than a line are not broken. */
final class Wrap {

    private Wrap() {
    }

    /**
     * @param text  one line (no line breaks), already cleaned
     * @param width the column to wrap at, prefixes included
     * @param first the prefix of the first line
     * @param rest  the prefix of the following lines
     */
    static List<String> lines(String text, int width, String first, String rest) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int words = 0;
        for (String word : text.split(" ")) {
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
        return out;
    }

    /** Columns a terminal uses for the text: one per code point (wide East Asian characters count as one). */
    static int columns(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }
}
