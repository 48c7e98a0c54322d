package dev.grader.cli.sheet;

import java.util.Locale;

/** The forms {@code grader show} can print. */
public enum SheetFormat {
    /** For reading in a terminal: wrapped, bold headings when the terminal allows. */
    TEXT,
    /** For pasting into documents and issues. */
    MARKDOWN;

    /** The name users type: {@code text}, {@code markdown}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; the message lists the choices in the form users type them. */
    public static SheetFormat parse(String value) {
        for (SheetFormat f : values()) {
            if (f.option().equalsIgnoreCase(value.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected text or markdown, found '" + value + "'");
    }
}
