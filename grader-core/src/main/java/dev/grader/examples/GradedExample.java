package dev.grader.examples;

import dev.grader.Api;
import java.util.Objects;

/**
 * An answer a person has already graded: the evidence grading by example learns from.
 *
 * @param id         the example's id as written, or {@code line N} when the file gives none
 * @param questionId the rubric question it answers
 * @param answer     the answer as written
 * @param score      the grade, 0..{@code scale}
 * @param scale      the scale of the grade ({@code 5} for "4 of 5")
 * @param kind       the kind of answer when the file says (full, partial, misconception, ...), or null
 */
@Api(status = Api.Status.EXPERIMENTAL)
// Serializable: platforms ship examples to their workers (grader-spark broadcasts them).
public record GradedExample(String id, String questionId, String answer, double score, double scale, String kind)
        implements java.io.Serializable {

    public GradedExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(answer, "answer");
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be a positive number, found " + scale);
        }
        if (!(score >= 0 && score <= scale)) {
            throw new IllegalArgumentException("score must be in 0.." + scale + ", found " + score);
        }
    }

    /** The grade as a share of full credit, 0..1. */
    public double fraction() {
        return score / scale;
    }
}
