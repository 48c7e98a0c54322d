package dev.grader.report;

import dev.grader.PointStatus;
import dev.grader.Verdict;

/** ANSI styles of the text view, or none. Applied after wrapping, so escape codes never count as columns. */
enum Ansi {
    OFF, ON;

    private static final String RESET = "\u001b[0m";

    static Ansi of(boolean colour) {
        return colour ? ON : OFF;
    }

    String bold(String text) {
        return style("1", text);
    }

    String dim(String text) {
        return style("2", text);
    }

    String status(PointStatus status, String text) {
        return style(switch (status) {
            case COVERED -> "32";
            case PARTIAL -> "33";
            case MISSED -> "31";
            case CONTRADICTED -> "1;35";
        }, text);
    }

    String verdict(Verdict verdict, String text) {
        return style(switch (verdict) {
            case CORRECT -> "1;32";
            case PARTIAL -> "1;33";
            case INCORRECT -> "1;31";
            case CONTRADICTORY -> "1;35";
        }, text);
    }

    String warning(String text) {
        return style("1;33", text);
    }

    private String style(String codes, String text) {
        return this == ON && !text.isEmpty() ? "\u001b[" + codes + "m" + text + RESET : text;
    }
}
