package dev.grader.eval;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned (names), the others right-aligned (numbers). */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size() + " cells, found " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The table, one line per row after the header, each line ending in {@code \n}, no trailing blanks. */
    String render() {
        int[] widths = new int[header.size()];
        for (List<String> line : lines()) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines()) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                if (c == 0) {
                    text.append(cell).append(pad);
                } else {
                    text.append("  ").append(pad).append(cell);
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> lines() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
