package dev.grader.score;

import dev.grader.Assessment;
import dev.grader.PointStatus;
import dev.grader.Verdict;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an assessment into points: a pure function of the question, the assessment and the policy, so the
 * same inputs always give the same score.
 */
public final class Scorer {

    private Scorer() {
    }

    public static Score score(Question question, Assessment assessment, ScoringPolicy policy) {
        return score(question, assessment, policy, false);
    }

    /**
     * @param manipulation whether the answer tried to instruct the grader; costs
     *                     {@link ScoringPolicy#manipulationPenalty()} of the maximum
     */
    public static Score score(Question question, Assessment assessment, ScoringPolicy policy, boolean manipulation) {
        List<KeyPoint> graded = question.gradedKeyPoints();
        Map<String, PointStatus> statusById = new HashMap<>();
        for (Assessment.Point p : assessment.points()) {
            statusById.put(p.keyPointId(), p.status());
        }
        double earned = 0;
        boolean contradicted = false;
        for (KeyPoint k : graded) {
            PointStatus status = statusById.getOrDefault(k.id(), PointStatus.MISSED);
            earned += k.weight() * credit(status, policy);
            contradicted |= status == PointStatus.CONTRADICTED;
        }
        double max = maxPoints(question);
        int hits = assessment.misconceptions().size();
        double penalty = Math.min(policy.maxMisconceptionPenalty(), hits * policy.misconceptionPenalty()) * max
                + (manipulation ? policy.manipulationPenalty() * max : 0);
        double points = clamp(earned - penalty, 0, max);
        double score = max > 0 ? points / max : 0;
        return new Score(points, max, score, verdict(score, contradicted || hits > 0, policy));
    }

    /** Points of a full answer: all weights, or the largest {@code expectedPoints} of them. */
    public static double maxPoints(Question question) {
        List<KeyPoint> graded = question.gradedKeyPoints();
        Integer expected = question.expectedPoints();
        if (expected == null || expected >= graded.size()) {
            return graded.stream().mapToDouble(KeyPoint::weight).sum();
        }
        return graded.stream().map(KeyPoint::weight).sorted(Comparator.reverseOrder()).limit(expected)
                .mapToDouble(Double::doubleValue).sum();
    }

    static double credit(PointStatus status, ScoringPolicy policy) {
        return switch (status) {
            case COVERED -> 1.0;
            case PARTIAL -> policy.partialCredit();
            case MISSED -> 0.0;
            case CONTRADICTED -> -policy.contradictionPenalty();
        };
    }

    static Verdict verdict(double score, boolean contradicts, ScoringPolicy policy) {
        if (score >= policy.passThreshold()) {
            return Verdict.CORRECT;
        }
        if (contradicts) {
            return Verdict.CONTRADICTORY;
        }
        return score >= policy.partialThreshold() ? Verdict.PARTIAL : Verdict.INCORRECT;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
