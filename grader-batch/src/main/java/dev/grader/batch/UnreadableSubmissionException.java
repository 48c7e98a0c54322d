package dev.grader.batch;

/**
 * A submission that cannot be graded (binary, not UTF-8, empty, no recognisable answers). The message is the
 * reason, in words for the user, without the file name: callers add it where it may be shown.
 */
final class UnreadableSubmissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableSubmissionException(String reason) {
        super(reason, null, false, false);
    }
}
