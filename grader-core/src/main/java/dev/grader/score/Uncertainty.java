package dev.grader.score;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.PointStatus;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a score can be trusted without a person looking, read from the judge's own verdicts. Pure.
 *
 * <p>Two shapes of answer are where grading goes wrong most often. One earns its score from key points that
 * were only partly matched and lands mid-range: a partial match is a judgement about meaning, and a mid-range
 * score is where a few of those judgements decide the grade. The other both states some key points and
 * contradicts others, so the score nets out claims a person would weigh differently. {@code grader eval}
 * reports how much larger the error on answers flagged this way is than on the rest.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Uncertainty {

    /** {@link #of} at or above this suggests review: about a quarter of answers in the development sets. */
    public static final double REVIEW_THRESHOLD = 0.8;

    private Uncertainty() {
    }

    /**
     * 0 for a clear-cut score, 1 for one resting wholly on partial matches at exactly half marks: the geometric
     * mean of {@link #partialShare} and the score's closeness to 0.5.
     */
    public static double of(Question question, Assessment assessment, Score score) {
        double band = 1 - Math.abs(2 * score.score() - 1);
        return Math.sqrt(partialShare(question, assessment) * Math.max(0, band));
    }

    /** Share of the question's graded key-point weight that the judge found only partly stated. */
    public static double partialShare(Question question, Assessment assessment) {
        Map<String, Double> weights = new HashMap<>();
        double total = 0;
        for (KeyPoint k : question.gradedKeyPoints()) {
            weights.put(k.id(), k.weight());
            total += k.weight();
        }
        if (total <= 0) {
            return 0;
        }
        double partial = 0;
        for (Assessment.Point p : assessment.points()) {
            if (p.status() == PointStatus.PARTIAL) {
                partial += weights.getOrDefault(p.keyPointId(), 0.0);
            }
        }
        return Math.min(1, partial / total);
    }

    /**
     * Whether the answer states at least one key point and also contradicts another or states a misconception:
     * how much the wrong claim should cost against the right ones is a judgement the score only approximates.
     */
    public static boolean mixed(Assessment assessment) {
        boolean covered = false;
        boolean contradicted = !assessment.misconceptions().isEmpty();
        for (Assessment.Point p : assessment.points()) {
            covered |= p.status() == PointStatus.COVERED;
            contradicted |= p.status() == PointStatus.CONTRADICTED;
        }
        return covered && contradicted;
    }

    /** Whether a person should confirm the score: {@link #of} at or above the threshold, or a mixed answer. */
    public static boolean suggestsReview(Question question, Assessment assessment, Score score) {
        return mixed(assessment) || of(question, assessment, score) >= REVIEW_THRESHOLD;
    }
}
