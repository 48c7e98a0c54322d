package dev.grader.eval;

import dev.grader.Api;
import java.util.List;

/**
 * Gold answers left out of an evaluation, and why.
 *
 * @param reason    why they were not graded, such as {@code question not in rubric}
 * @param rows      how many answers
 * @param questions the question ids concerned, in order of first appearance
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Skipped(String reason, int rows, List<String> questions) {

    /** The reason of answers whose question the rubric lacks. */
    public static final String QUESTION_NOT_IN_RUBRIC = "question not in rubric";

    /** The start of the reason of answers whose grading failed; the first error follows. */
    public static final String GRADING_FAILED = "grading failed";

    /** The reason of answers to a question of the bank that could not be compiled. */
    public static final String NOT_COMPILED = "question could not be compiled";

    public Skipped {
        questions = List.copyOf(questions);
    }
}
