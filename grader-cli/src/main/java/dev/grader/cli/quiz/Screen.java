package dev.grader.cli.quiz;

import dev.grader.report.Wrap;
import java.io.PrintWriter;

/** Where the quiz writes: prose wrapped to the width, bold and dim only with colour, flushed at each prompt. */
final class Screen {

    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;
    private final int width;

    Screen(PrintWriter out, boolean colour, int width) {
        this.out = out;
        this.colour = colour;
        this.width = width;
    }

    int width() {
        return width;
    }

    boolean colour() {
        return colour;
    }

    void line(String text) {
        out.println(text);
    }

    void blank() {
        out.println();
    }

    /** Already-rendered text (a report), as is. */
    void block(String text) {
        out.print(text);
    }

    void bold(String text) {
        paragraph(text, "", "", BOLD);
    }

    void dim(String text) {
        paragraph(text, "", "", DIM);
    }

    void plain(String text, String first, String rest) {
        paragraph(text, first, rest, null);
    }

    /** A horizontal rule between questions. */
    void rule() {
        String rule = "─".repeat(width);
        out.println(colour ? DIM + rule + RESET : rule);
    }

    /** Text printed as is and flushed: the learner answers after it. */
    void prompt(String text) {
        out.print(text);
        out.flush();
    }

    void flush() {
        out.flush();
    }

    /** One paragraph: line breaks in the text are spaces here, as in the report. */
    private void paragraph(String text, String first, String rest, String style) {
        Wrap.lines(text.replaceAll("\\s+", " "), width, first, rest).forEach(line -> emit(line, style));
    }

    private void emit(String line, String style) {
        out.println(colour && style != null && !line.isBlank() ? style + line + RESET : line);
    }
}
