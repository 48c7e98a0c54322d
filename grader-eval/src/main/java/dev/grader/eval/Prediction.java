package dev.grader.eval;

import dev.grader.Api;
import dev.grader.GradeReport;
import dev.grader.PointStatus;
import dev.grader.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the grader said about one gold answer: one line of the predictions file,
 * {@code {"id", "question", "score", "verdict", "misconceptions": [ids], "keyPoints": {id: status}, "needsReview"}}.
 *
 * @param id             the gold answer's id
 * @param question       the question id
 * @param score          the grader's score, 0..1
 * @param verdict        the grader's verdict
 * @param misconceptions ids of the misconceptions the report lists (rubric misconceptions, and key points the
 *                       answer states the opposite of), in report order
 * @param keyPoints      status of each graded key point, in rubric order
 * @param needsReview    whether the report suggests that a person check the grade
 * @param referenceScore the score before graded examples corrected it, or {@code null} when none were used
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Prediction(
        String id,
        String question,
        double score,
        Verdict verdict,
        List<String> misconceptions,
        Map<String, PointStatus> keyPoints,
        boolean needsReview,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Double referenceScore) {

    public Prediction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(verdict, "verdict");
        misconceptions = List.copyOf(misconceptions);
        // Map.copyOf would lose the rubric order that makes the file readable.
        keyPoints = Collections.unmodifiableMap(new LinkedHashMap<>(keyPoints));
    }

    /** A prediction that does not suggest review (predictions from elsewhere, tests). */
    public Prediction(String id, String question, double score, Verdict verdict, List<String> misconceptions,
                      Map<String, PointStatus> keyPoints) {
        this(id, question, score, verdict, misconceptions, keyPoints, false, null);
    }

    /** A prediction graded without examples. */
    public Prediction(String id, String question, double score, Verdict verdict, List<String> misconceptions,
                      Map<String, PointStatus> keyPoints, boolean needsReview) {
        this(id, question, score, verdict, misconceptions, keyPoints, needsReview, null);
    }

    /** The score without graded examples: the reference-based one when examples were used, else the score. */
    public double scoreWithoutExamples() {
        return referenceScore != null ? referenceScore : score;
    }

    /** The prediction for a gold answer, from the grader's report on it. */
    public static Prediction of(GoldAnswer gold, GradeReport report) {
        Map<String, PointStatus> points = new LinkedHashMap<>();
        for (GradeReport.KeyPointResult point : report.keyPoints()) {
            points.put(point.id(), point.status());
        }
        List<String> misconceptions = report.misconceptions().stream().map(GradeReport.MisconceptionResult::id)
                .toList();
        return new Prediction(gold.id(), report.question(), report.score(), report.verdict(), misconceptions,
                points, report.needsReview(), report.examples() == null ? null : report.examples().referenceScore());
    }

    /** Whether the grader flagged the answer as wrong-headed: a contradictory verdict or a misconception. */
    public boolean flagged() {
        return verdict == Verdict.CONTRADICTORY || !misconceptions.isEmpty();
    }
}
