package dev.grader.rubric;

import dev.grader.Api;

/**
 * One problem found by {@link RubricLinter}.
 *
 * @param severity how bad it is
 * @param pointer  JSON pointer of the offending element ({@code /questions/3/keyPoints/1/weight})
 * @param message  what is wrong, one line
 */
@Api(status = Api.Status.STABLE)
public record LintFinding(Severity severity, String pointer, String message) {

    /** Errors make a rubric unusable for grading; warnings and notices are advice. */
    public enum Severity {
        ERROR, WARNING, NOTICE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return severity.label() + ": " + pointer + ": " + message;
    }
}
