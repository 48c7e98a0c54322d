package dev.grader.eval;

import dev.grader.Api;

/**
 * Hears how far an evaluation has got, for a progress bar or a log line. Called on the thread that runs the
 * evaluation, once before grading starts ({@code done = 0}) and once per graded answer, with {@code done}
 * increasing by one each time; never concurrently, so an implementation needs no locking.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@FunctionalInterface
public interface EvaluationProgress {

    /** Reports nothing. */
    EvaluationProgress NONE = (done, total) -> {
    };

    /**
     * @param done  answers graded so far
     * @param total answers to grade
     */
    void update(int done, int total);
}
