package dev.grader.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of {@code RubricReader.validate}, such as {@code line 12: /questions/0/id: must not be empty
 * [schema rule minLength]}, with its JSON pointer picked out so the linter does not report the same spot twice.
 *
 * @param text    the line as the validator wrote it
 * @param pointer the JSON pointer it names, or {@code null} when the line has none
 */
record SchemaViolation(String text, String pointer) {

    private static final Pattern POINTER = Pattern.compile("^(?:line \\d+: )?(/[^:]*): ");

    static SchemaViolation of(String line) {
        Matcher m = POINTER.matcher(line);
        return new SchemaViolation(line, m.find() ? m.group(1) : null);
    }
}
