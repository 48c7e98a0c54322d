package dev.grader.batch;

import dev.grader.Api;

/**
 * An input of a batch that was left out on purpose, with the reason: a hidden file (its name starts with a dot)
 * or an editor backup ({@code answer.md~}) in a submissions folder, a named pipe, device or socket there (batch
 * reads regular files only), a link to nothing, or a file or folder given twice (it is read once). Listed so that
 * a submission is never left out silently: on standard error, one line each, and in {@code summary.json} under
 * {@code skipped}. A warning, not a failure: unlike a {@link BatchProblem}, nothing that should have been graded
 * is missing, and the exit code does not change for it.
 *
 * @param source the path, as found under an input folder or as given on the command line
 * @param kind   what it is
 * @param reason why it was left out, in words for the user
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record SkippedInput(String source, Kind kind, String reason) {

    /** What was skipped. */
    public enum Kind {
        /** A file whose name starts with a dot. */
        HIDDEN,
        /** An editor backup, {@code answer.md~}. */
        BACKUP,
        /** A named pipe, device or socket. */
        SPECIAL,
        /** A link whose target is missing. */
        BROKEN_LINK,
        /** A file or folder reached a second time (given twice, or by another name). */
        REPEAT
    }

    static final String HIDDEN = "hidden file (its name starts with a dot); rename it to grade it";
    static final String BACKUP = "editor backup file (its name ends with ~)";
    static final String BROKEN_LINK = "a link to nothing: its target is missing";
    /** The reason of a repeat without the path it repeats, which may name a candidate. */
    private static final String REPEATED = "given twice; read once";

    static SkippedInput hidden(String source) {
        return new SkippedInput(source, Kind.HIDDEN, HIDDEN);
    }

    static SkippedInput backup(String source) {
        return new SkippedInput(source, Kind.BACKUP, BACKUP);
    }

    static SkippedInput special(String source, String what) {
        return new SkippedInput(source, Kind.SPECIAL, what);
    }

    static SkippedInput brokenLink(String source) {
        return new SkippedInput(source, Kind.BROKEN_LINK, BROKEN_LINK);
    }

    /** A file or folder reached a second time; {@code first} is how it was reached the first time. */
    static SkippedInput repeat(String source, String first, boolean folder) {
        if (folder) {
            return new SkippedInput(source, Kind.REPEAT, "the same folder as " + first + ", given twice; read once");
        }
        return new SkippedInput(source, Kind.REPEAT, source.equals(first) ? "given twice; graded once"
                : "the same file as " + first + "; graded once");
    }

    /** The reason without paths, for anonymized reports: a repeat names the path it repeats. */
    public String anonymousReason() {
        return kind == Kind.REPEAT ? REPEATED : reason;
    }

    /** {@code subs/pipe.md: skipped: a named pipe, not a regular file}: the one-line form for consoles and logs. */
    public String message() {
        return source + ": skipped: " + reason;
    }
}
