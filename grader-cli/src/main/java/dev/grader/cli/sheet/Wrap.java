package dev.grader.cli.sheet;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping with a hanging indent. Words longer than a line (URLs, identifiers) are never broken. */
final class Wrap {

    private Wrap() {
    }

    /**
     * Wraps each line of {@code text} separately (explicit line breaks are kept) to {@code width} columns.
     *
     * @param first the prefix of the first line, such as {@code "  1. "}
     * @param rest  the prefix of the following lines, usually spaces as wide as {@code first}
     */
    static List<String> lines(String text, int width, String first, String rest) {
        List<String> out = new ArrayList<>();
        String prefix = first;
        for (String paragraph : text.strip().split("\\R")) {
            StringBuilder line = new StringBuilder(prefix);
            int wordsOnLine = 0;
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (wordsOnLine > 0 && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line = new StringBuilder(rest);
                    wordsOnLine = 0;
                }
                if (wordsOnLine > 0) {
                    line.append(' ');
                }
                line.append(word);
                wordsOnLine++;
            }
            out.add(line.toString().stripTrailing());
            prefix = rest;
        }
        return out;
    }
}
