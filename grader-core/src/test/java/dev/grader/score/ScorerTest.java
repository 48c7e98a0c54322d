package dev.grader.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grader.Assessment;
import dev.grader.PointStatus;
import dev.grader.Verdict;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final ScoringPolicy POLICY = ScoringPolicy.DEFAULT;

    private static Question question(Integer expected, double... weights) {
        List<KeyPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            points.add(new KeyPoint("k" + i, "claim " + i, weights[i], List.of(), List.of()));
        }
        return new Question("Q", null, "Why?", "Because.", List.of(), expected, points,
                List.of(new Misconception("m0", "wrong", "right", List.of())), List.of(), List.of(), List.of());
    }

    private static Assessment assessment(List<Assessment.MisconceptionHit> hits, PointStatus... statuses) {
        List<Assessment.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            points.add(new Assessment.Point("k" + i, statuses[i], 1, null, "offline", null));
        }
        return new Assessment(points, hits, List.of(), null, null);
    }

    @Test
    void aJudgesOwnPartialCreditReplacesThePolicyDefault() {
        Question q = question(null, 1, 1);
        var points = List.of(new Assessment.Point("k0", PointStatus.PARTIAL, 1, null, "offline", null, 0.8),
                new Assessment.Point("k1", PointStatus.PARTIAL, 1, null, "offline", null));
        Score s = Scorer.score(q, new Assessment(points, List.of(), List.of(), null, null), POLICY);
        assertEquals(0.8 + 0.5, s.points(), 1e-9);
    }

    @Test
    void coveredAndPartialPointsEarnTheirWeight() {
        Score s = Scorer.score(question(null, 2, 1, 1), assessment(List.of(), PointStatus.COVERED,
                PointStatus.PARTIAL, PointStatus.MISSED), POLICY);
        assertEquals(2.5, s.points(), 1e-9);
        assertEquals(4, s.maxPoints(), 1e-9);
        assertEquals(0.625, s.score(), 1e-9);
        assertEquals(Verdict.PARTIAL, s.verdict());
    }

    @Test
    void aContradictionCostsAndMakesTheVerdictContradictory() {
        Score s = Scorer.score(question(null, 1, 1), assessment(List.of(), PointStatus.COVERED,
                PointStatus.CONTRADICTED), POLICY);
        assertEquals(1 - 0.25, s.points(), 1e-9);
        assertEquals(Verdict.CONTRADICTORY, s.verdict());
    }

    @Test
    void misconceptionsCostAShareOfTheMaximumAndTheFloorIsZero() {
        var hit = new Assessment.MisconceptionHit("m0", 1, null, "offline");
        Score s = Scorer.score(question(null, 1, 1), assessment(List.of(hit), PointStatus.COVERED,
                PointStatus.COVERED), POLICY);
        assertEquals(2 - 0.1 * 2, s.points(), 1e-9);
        Score none = Scorer.score(question(null, 1, 1), assessment(List.of(hit), PointStatus.MISSED,
                PointStatus.CONTRADICTED), POLICY);
        assertEquals(0, none.points(), 1e-9);
        assertEquals(Verdict.CONTRADICTORY, none.verdict());
    }

    @Test
    void atLeastNQuestionsNeedOnlyTheLargestNWeights() {
        Question q = question(2, 1, 1, 1, 1);
        Score s = Scorer.score(q, assessment(List.of(), PointStatus.COVERED, PointStatus.MISSED,
                PointStatus.COVERED, PointStatus.COVERED), POLICY);
        assertEquals(2, s.maxPoints(), 1e-9);
        assertEquals(1.0, s.score(), 1e-9);
        assertEquals(Verdict.CORRECT, s.verdict());
    }

    @Test
    void manipulationCostsItsPenalty() {
        Score s = Scorer.score(question(null, 1, 1), assessment(List.of(), PointStatus.COVERED, PointStatus.COVERED),
                POLICY, true);
        assertEquals(0.5, s.score(), 1e-9);
    }

    @Test
    void policiesAreValidatedWhenBuilt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ScoringPolicy(1.5, 0.5, 0.1, 0.4, 0.7, 0.3, 0.5));
        assertEquals("partialCredit must be between 0 and 1, found 1.5", e.getMessage());
        var order = assertThrows(IllegalArgumentException.class,
                () -> new ScoringPolicy(0.5, 0.5, 0.1, 0.4, 0.3, 0.7, 0.5));
        assertEquals("partialThreshold (0.7) must not exceed passThreshold (0.3)", order.getMessage());
    }
}
