package dev.grader.eval;

import dev.grader.Api;
import java.util.List;

/**
 * The outcome of an evaluation: overall agreement and the breakdowns that acceptance targets are checked on.
 * Depends only on the rubric, the judge and the gold file: the same inputs give an equal result, whatever the
 * number of threads.
 *
 * @param rubric         the rubric's id
 * @param rows           gold answers read
 * @param graded         gold answers graded (rows minus skipped)
 * @param scale          full credit of the gold grades when every row shares one scale; NaN when they differ
 * @param metrics        overall agreement
 * @param misconceptions agreement on misconceptions; {@code null} when gold has no misconception notes
 * @param review         how well {@code needsReview} singles out the grades worth checking; {@code null} when
 *                       nothing was graded
 * @param questions      per question, in order of first appearance
 * @param kinds          per gold {@code kind}, in order of first appearance; empty when gold has no kinds
 * @param labels         per gold {@code label}, in order of first appearance; empty when gold has no labels
 * @param skipped        answers not graded, by reason
 * @param notes          why undefined metrics are undefined, and other caveats, one sentence each
 * @param withoutExamples the same metrics on the scores before graded examples corrected them, or {@code null}
 *                        when no answer was graded with examples
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record EvaluationResult(
        String rubric,
        int rows,
        int graded,
        double scale,
        Metrics metrics,
        MisconceptionAgreement misconceptions,
        ReviewAgreement review,
        List<QuestionBreakdown> questions,
        List<KindBreakdown> kinds,
        List<LabelBreakdown> labels,
        List<Skipped> skipped,
        List<String> notes,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Metrics withoutExamples) {

    public EvaluationResult {
        questions = List.copyOf(questions);
        kinds = List.copyOf(kinds);
        labels = List.copyOf(labels);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** A result of grading without examples. */
    public EvaluationResult(String rubric, int rows, int graded, double scale, Metrics metrics,
                            MisconceptionAgreement misconceptions, ReviewAgreement review,
                            List<QuestionBreakdown> questions, List<KindBreakdown> kinds, List<LabelBreakdown> labels,
                            List<Skipped> skipped, List<String> notes) {
        this(rubric, rows, graded, scale, metrics, misconceptions, review, questions, kinds, labels, skipped, notes,
                null);
    }
}
