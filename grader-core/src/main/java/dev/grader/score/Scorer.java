package dev.grader.score;

import dev.grader.Api;
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
@Api(status = Api.Status.EXPERIMENTAL)
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
        Map<String, Assessment.Point> byId = new HashMap<>();
        for (Assessment.Point p : assessment.points()) {
            byId.putIfAbsent(p.keyPointId(), p);
        }
        double earned = 0;
        boolean contradicted = false;
        for (KeyPoint k : graded) {
            Assessment.Point p = byId.get(k.id());
            earned += k.weight() * (p == null ? 0 : credit(p, policy));
            contradicted |= p != null && p.status() == PointStatus.CONTRADICTED;
        }
        double max = maxPoints(question);
        int hits = (int) assessment.misconceptions().stream().filter(h -> !h.suspected()).count();
        int errors = assessment.errors().size();
        double penalty = Math.min(policy.maxMisconceptionPenalty(),
                hits * policy.misconceptionPenalty() + errors * policy.errorPenalty()) * max
                + (manipulation ? policy.manipulationPenalty() * max : 0);
        double points = clamp(earned - penalty, 0, max);
        double score = max > 0 ? points / max : 0;
        if (assessment.examples() != null && max > 0) {
            // graded examples correct the reference-based score by how that judge fared on answers like this one
            score = clamp(score + assessment.examples().adjustment(), 0, 1);
            points = score * max;
        }
        return new Score(points, max, score, verdict(score, contradicted || hits > 0 || errors > 0, policy));
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

    /** Share of a point's weight earned: a judge's own partial credit when it gives one, else the policy's. */
    public static double credit(Assessment.Point point, ScoringPolicy policy) {
        return switch (point.status()) {
            case COVERED -> 1.0;
            case PARTIAL -> point.credit() != null ? point.credit() : policy.partialCredit();
            case MISSED -> 0.0;
            case CONTRADICTED -> -policy.contradictionPenalty();
        };
    }

    /**
     * An answer that states a misconception or contradicts a key point is never {@code correct}, however much
     * else it gets right: a confident wrong claim is what a reviewer must not miss.
     */
    static Verdict verdict(double score, boolean contradicts, ScoringPolicy policy) {
        if (contradicts) {
            return score >= policy.passThreshold() ? Verdict.PARTIAL : Verdict.CONTRADICTORY;
        }
        if (score >= policy.passThreshold()) {
            return Verdict.CORRECT;
        }
        return score >= policy.partialThreshold() ? Verdict.PARTIAL : Verdict.INCORRECT;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
