package dev.grader.batch;

import dev.grader.Api;

/**
 * Hears how far a batch has got, for a progress bar or a log line. Called on the thread that runs the batch, once
 * before grading starts ({@code done = 0}) and once per candidate finished (graded, unreadable or failed), with
 * {@code done} increasing by one each time; never concurrently. Candidates skipped as up to date are not counted:
 * {@code total} is what this run grades, so rate and time left describe real work.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@FunctionalInterface
public interface BatchProgress {

    /** Reports nothing. */
    BatchProgress NONE = (done, total) -> {
    };

    /**
     * @param done  candidates finished so far
     * @param total candidates this run grades
     */
    void update(int done, int total);
}
