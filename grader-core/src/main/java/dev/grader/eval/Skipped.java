package dev.grader.eval;

import java.util.List;

/**
 * Gold answers left out of an evaluation, and why.
 *
 * <p>Status: experimental.
 *
 * @param reason    why they were not graded, such as {@code question not in rubric}
 * @param rows      how many answers
 * @param questions the question ids concerned, in order of first appearance
 */
public record Skipped(String reason, int rows, List<String> questions) {

    /** The reason of answers whose question the rubric lacks. */
    public static final String QUESTION_NOT_IN_RUBRIC = "question not in rubric";

    public Skipped {
        questions = List.copyOf(questions);
    }
}
