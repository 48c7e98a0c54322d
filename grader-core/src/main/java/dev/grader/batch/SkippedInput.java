package dev.grader.batch;

/**
 * A file in an input folder that the batch chose not to read, and why: hidden files (the name starts with a
 * dot) and editor backups ({@code answer.md~}). Listed so that a submission is never left out silently: on
 * standard error, one line each, and in {@code summary.json} under {@code skipped}. A warning, not a failure:
 * the exit code does not change for it.
 *
 * <p>Status: experimental.
 *
 * @param source the file, as found under the input folder given on the command line
 * @param reason why it was skipped, in words for the user
 */
public record SkippedInput(String source, String reason) {

    static final String HIDDEN = "hidden file (its name starts with a dot); rename it to grade it";
    static final String BACKUP = "editor backup file (its name ends with ~)";

    /** {@code subs/.alice.md: skipped: hidden file ...}: the one-line form for consoles and logs. */
    public String message() {
        return source + ": skipped: " + reason;
    }
}
