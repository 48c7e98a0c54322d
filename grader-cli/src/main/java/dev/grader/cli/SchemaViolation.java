package dev.grader.cli;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of {@code RubricReader.validate}, such as {@code line 12: /questions/0/id: must not be empty
 * [schema rule minLength]}, with its line and JSON pointer picked out: lint prints violations in document order
 * and does not report the same spot twice.
 *
 * @param text    the line as the validator wrote it
 * @param line    the line it names, 0 when none
 * @param pointer the JSON pointer it names, or {@code null} when the line has none
 */
record SchemaViolation(String text, int line, String pointer) {

    /** Document order: by line, then by pointer. */
    static final Comparator<SchemaViolation> IN_DOCUMENT_ORDER = Comparator.comparingInt(SchemaViolation::line)
            .thenComparing(v -> v.pointer() == null ? "" : v.pointer());

    private static final Pattern LOCATION = Pattern.compile("^(?:line (\\d+): )?(/[^:]*): ");

    static SchemaViolation of(String text) {
        Matcher m = LOCATION.matcher(text);
        if (!m.find()) {
            return new SchemaViolation(text, 0, null);
        }
        return new SchemaViolation(text, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), m.group(2));
    }
}
