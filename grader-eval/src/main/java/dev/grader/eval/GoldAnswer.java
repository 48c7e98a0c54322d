package dev.grader.eval;

import dev.grader.Api;
import java.util.List;
import java.util.Objects;

/**
 * One human-graded answer from a dataset's {@code answers.jsonl}.
 *
 * @param id             the answer's id, unique in its file
 * @param question       the id of the question it answers (a bank or rubric question id)
 * @param answer         the candidate's text, possibly empty
 * @param score          the human grade in the gold's own units, {@code 0..scale}
 * @param scale          full credit in those units (1, 5, ...)
 * @param label          the human's category ({@code correct}, {@code Partially correct}, ...), or {@code null}
 * @param kind           the kind of answer ({@code negated}, {@code paraphrase}, ...), or {@code null}
 * @param misconceptions the human's notes on misconceptions the answer states; {@code null} when the dataset
 *                       has no such notes, empty when it has them and the answer states none
 * @param line           the 1-based line of the file it was read from (0 when built in code), for messages
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record GoldAnswer(
        String id,
        String question,
        String answer,
        double score,
        double scale,
        String label,
        String kind,
        List<String> misconceptions,
        int line) {

    public GoldAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be greater than 0, found " + scale);
        }
        if (!(score >= 0 && score <= scale)) {
            throw new IllegalArgumentException("score must be in 0.." + scale + ", found " + score);
        }
        misconceptions = misconceptions == null ? null : List.copyOf(misconceptions);
    }

    /** An answer without label, kind or notes, as tests and small programs build them. */
    public static GoldAnswer of(String id, String question, String answer, double score, double scale) {
        return new GoldAnswer(id, question, answer, score, scale, null, null, null, 0);
    }

    /** The human grade as a fraction of full credit, 0..1. */
    public double fraction() {
        return score / scale;
    }
}
