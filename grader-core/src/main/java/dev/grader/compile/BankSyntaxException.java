package dev.grader.compile;

/** A structural problem at a line of a bank; {@link BankCompiler} turns it into an InvalidInputException. */
final class BankSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String columnSuffix;

    BankSyntaxException(int line, String message) {
        this(line, "", message);
    }

    /** @param columnSuffix such as {@code ", column 7"}, appended to the line in messages */
    BankSyntaxException(int line, String columnSuffix, String message) {
        super(message);
        this.line = line;
        this.columnSuffix = columnSuffix;
    }

    /** {@code line 12}, {@code line 12, column 7}, or null when the line is unknown. */
    String location() {
        return line > 0 ? "line " + line + columnSuffix : null;
    }
}
