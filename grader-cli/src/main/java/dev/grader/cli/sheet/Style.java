package dev.grader.cli.sheet;

/**
 * ANSI emphasis, or none. Applied to whole lines after wrapping, so escape codes never count towards the width.
 */
public enum Style {
    PLAIN, ANSI;

    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET_INTENSITY = "\u001b[22m";

    public static Style of(boolean color) {
        return color ? ANSI : PLAIN;
    }

    String bold(String text) {
        return this == ANSI && !text.isEmpty() ? BOLD + text + RESET_INTENSITY : text;
    }

    String dim(String text) {
        return this == ANSI && !text.isEmpty() ? DIM + text + RESET_INTENSITY : text;
    }
}
