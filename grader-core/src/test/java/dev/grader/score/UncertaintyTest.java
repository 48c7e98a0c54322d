package dev.grader.score;

import static dev.grader.PointStatus.CONTRADICTED;
import static dev.grader.PointStatus.COVERED;
import static dev.grader.PointStatus.MISSED;
import static dev.grader.PointStatus.PARTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Assessment;
import dev.grader.PointStatus;
import dev.grader.Verdict;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UncertaintyTest {

    private static Question question(double... weights) {
        List<KeyPoint> points = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            points.add(new KeyPoint("k" + i, "claim " + i, weights[i], List.of(), List.of()));
        }
        return new Question("Q", null, "Why?", "Because.", List.of(), null, points, List.of(), List.of(), List.of(),
                List.of());
    }

    private static Assessment assessment(PointStatus... statuses) {
        List<Assessment.Point> points = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            points.add(new Assessment.Point("k" + i, statuses[i], 0.9, null, "offline", null));
        }
        return new Assessment(points, List.of(), List.of(), null, null);
    }

    private static Score score(double value) {
        return new Score(value, 1, value, Verdict.PARTIAL);
    }

    @Test
    void partialShareCountsTheWeightOfPartlyMatchedPoints() {
        Question q = question(2, 1, 1);
        assertEquals(0.75, Uncertainty.partialShare(q, assessment(PARTIAL, MISSED, PARTIAL)), 1e-9);
        assertEquals(0, Uncertainty.partialShare(q, assessment(COVERED, MISSED, CONTRADICTED)), 1e-9);
    }

    @Test
    void allPartialAtHalfMarksIsAsUncertainAsItGets() {
        Question q = question(1, 1);
        assertEquals(1, Uncertainty.of(q, assessment(PARTIAL, PARTIAL), score(0.5)), 1e-9);
        assertTrue(Uncertainty.suggestsReview(q, assessment(PARTIAL, PARTIAL), score(0.5)));
    }

    @Test
    void aClearCutScoreIsCertainWhateverItRestsOn() {
        Question q = question(1, 1);
        assertEquals(0, Uncertainty.of(q, assessment(PARTIAL, PARTIAL), score(0)), 1e-9);
        assertEquals(0, Uncertainty.of(q, assessment(PARTIAL, PARTIAL), score(1)), 1e-9);
        assertEquals(0, Uncertainty.of(q, assessment(COVERED, MISSED), score(0.5)), 1e-9);
        assertFalse(Uncertainty.suggestsReview(q, assessment(COVERED, MISSED), score(0.5)));
    }

    @Test
    void justBelowTheThresholdIsNotFlagged() {
        // partial share 0.75, score 0.3: sqrt(0.75 * 0.6) = 0.67
        Question q = question(1, 1, 1, 1);
        Assessment a = assessment(PARTIAL, PARTIAL, PARTIAL, MISSED);
        assertEquals(Math.sqrt(0.75 * 0.6), Uncertainty.of(q, a, score(0.3)), 1e-9);
        assertFalse(Uncertainty.suggestsReview(q, a, score(0.3)));
    }

    @Test
    void statingSomePointsAndContradictingOthersIsMixed() {
        Question q = question(1, 1, 1);
        assertTrue(Uncertainty.mixed(assessment(COVERED, CONTRADICTED, MISSED)));
        assertTrue(Uncertainty.suggestsReview(q, assessment(COVERED, CONTRADICTED, MISSED), score(0.1)));
        assertFalse(Uncertainty.mixed(assessment(PARTIAL, CONTRADICTED, MISSED)));
        assertFalse(Uncertainty.mixed(assessment(COVERED, COVERED, MISSED)));
    }

    @Test
    void aQuestionWithoutWeightIsCertain() {
        Question q = question();
        assertEquals(0, Uncertainty.of(q, assessment(), score(0.5)), 1e-9);
    }

    @Property
    void uncertaintyStaysInUnitRange(@ForAll @Size(min = 1, max = 6) List<PointStatus> statuses,
                                     @ForAll @DoubleRange(min = 0, max = 1) double value) {
        double[] weights = statuses.stream().mapToDouble(s -> 1 + s.ordinal()).toArray();
        double u = Uncertainty.of(question(weights), assessment(statuses.toArray(PointStatus[]::new)), score(value));
        assertTrue(u >= 0 && u <= 1, () -> "uncertainty " + u);
    }

    @Test
    void suggestedKeyPointsAwaitingReviewDoNotCount() {
        KeyPoint graded = new KeyPoint("k0", "claim", 1, List.of(), List.of());
        KeyPoint suggested = new KeyPoint("k9", "suggested claim", 1, List.of(), List.of(), "suggested");
        Question q = new Question("Q", null, "Why?", "Because.", List.of(), null, List.of(graded, suggested),
                List.of(), List.of(), List.of(), List.of());
        assertEquals(1, Uncertainty.partialShare(q, assessment(PARTIAL)), 1e-9);
    }
}
