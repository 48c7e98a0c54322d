package dev.grader.batch;

/**
 * An input of a batch that was left out on purpose, with the reason: a named pipe, device or socket in a
 * submissions folder (batch reads regular files only), a link to nothing, or a file or folder given twice (it is
 * read once). Reported on standard error and in {@code summary.json}; unlike a {@link BatchProblem}, nothing
 * that should have been graded is missing.
 *
 * <p>Status: experimental.
 *
 * @param source the path, as found or given
 * @param reason why it was left out, in words for the user
 */
public record SkippedInput(String source, String reason) {

    /** {@code subs/pipe.md: skipped: a named pipe, not a regular file}. */
    public String message() {
        return source + ": skipped: " + reason;
    }
}
