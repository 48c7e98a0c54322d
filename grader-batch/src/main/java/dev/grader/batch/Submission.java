package dev.grader.batch;

import java.io.IOException;

/**
 * One candidate's submission before it is read: a file of a folder, or the rows of one candidate in a table.
 * Only its identity is held in memory; the answers are read when a worker grades it.
 */
sealed interface Submission permits FileSubmission, TableSubmission {

    /** The candidate id: a file's name without its extension, or a table's {@code candidate} value. */
    String candidateId();

    /** Where it comes from, as given on the command line (a path), for messages and the mapping. */
    String source();

    /**
     * The bytes that identify the submission's content: what its fingerprint hashes.
     *
     * @throws UnreadableSubmissionException when the submission cannot even be read (too large, unsupported)
     */
    byte[] content() throws IOException;

    /**
     * The answers of a submission whose {@link #content()} is {@code content}.
     *
     * @throws UnreadableSubmissionException with the reason when it cannot be graded
     */
    ParsedSubmission read(byte[] content, SubmissionParser parser);
}
