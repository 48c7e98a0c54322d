package dev.grader;

import dev.grader.rubric.Question;

/**
 * Decides, for one answer to one question, the status of every key point and which misconceptions it states.
 *
 * <p>The offline judge and the LLM judge are implementations side by side; policies (escalate, blend,
 * consensus) are judges that combine others. Scoring is not a judge's business: {@link Grader} turns an
 * {@link Assessment} into a score with a pure function.
 *
 * <p>Implementations must be thread-safe: one instance serves concurrent {@code assess} calls. The answer is
 * untrusted text and must never be able to change how the judge grades.
 */
@Api(status = Api.Status.STABLE)
public interface Judge {

    /**
     * Assesses one answer.
     *
     * @param question the question, with its graded key points and misconceptions
     * @param answer   the candidate's answer, possibly empty, never null
     * @return one {@link Assessment.Point} per graded key point of the question, in rubric order
     */
    Assessment assess(Question question, String answer);

    /** Name and verdict-relevant settings, for the audit trail and cache keys. */
    JudgeInfo info();

    /**
     * Called by {@link Grader.Builder#build()} with the rubric the judge will grade against, so it can
     * prepare what depends on the whole rubric (the offline judge weighs words by how rare they are across
     * it). Judges must still accept questions they were not prepared for. The default does nothing.
     *
     * <p>Preparing for a rubric must not change how a question prepared earlier is judged: graders built
     * before keep their results. So a judge shared by graders of several rubrics judges a question they share as
     * the first of them prepared it; give each rubric its own judge when that matters.
     */
    default void prepare(dev.grader.rubric.Rubric rubric) {
    }
}
