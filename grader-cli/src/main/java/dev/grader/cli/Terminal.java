package dev.grader.cli;

/**
 * What the output device can do: colour, and the width to wrap prose at.
 *
 * @param color whether ANSI styles may be written
 * @param width the column to wrap at
 */
record Terminal(boolean color, int width) {

    /** Wider lines are hard to read even on a wide terminal. */
    static final int MAX_WIDTH = 100;
    static final int MIN_WIDTH = 40;

    /** Plain output at the default width: files, pipes and tests. */
    static Terminal plain() {
        return new Terminal(false, MAX_WIDTH);
    }

    /**
     * Colour only on an interactive terminal, never with {@code --no-color}, the {@code NO_COLOR} convention
     * (no-color.org) or {@code TERM=dumb}. The width comes from {@code COLUMNS}, which the {@code ./grader} launcher exports; without
     * it, or when not on a terminal, {@link #MAX_WIDTH}.
     */
    static Terminal detect(boolean noColorRequested) {
        boolean interactive = System.console() != null;
        boolean color = colorAllowed(interactive, noColorRequested, System.getenv("NO_COLOR"), System.getenv("TERM"));
        int width = interactive ? columns(System.getenv("COLUMNS")) : MAX_WIDTH;
        return new Terminal(color, width);
    }

    /** {@code TERM=dumb} is a terminal that shows escape codes as text (Emacs shells, some CI consoles). */
    static boolean colorAllowed(boolean interactive, boolean noColorRequested, String noColor, String term) {
        return interactive && !noColorRequested && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    }

    static int columns(String value) {
        try {
            int columns = Integer.parseInt(value == null ? "" : value.strip());
            // 0 is what a terminal of unknown size reports.
            return columns <= 0 ? MAX_WIDTH : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns));
        } catch (NumberFormatException e) {
            return MAX_WIDTH;
        }
    }
}
