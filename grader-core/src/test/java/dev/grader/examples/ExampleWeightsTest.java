package dev.grader.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExampleWeightsTest {

    /** Rows whose grade gap is exactly {@code r} times the residual plus {@code v} times the vote gap. */
    private static List<double[]> rows(int n, double r, double v) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double residual = Math.sin(i * 1.7) * 0.5;
            double vote = Math.cos(i * 0.9) * 0.5;
            rows.add(new double[] {residual, vote, 1, r * residual + v * vote});
        }
        return rows;
    }

    @Test
    void theRubricFitFindsTheWeightsThatExplainTheExamples() {
        ExampleWeights fitted = ExampleWeights.fit(List.of(new ExampleWeights.LeftOut(5, 4, rows(60, 0.6, 0.2))));
        assertEquals(0.6, fitted.residualWeight(), 1e-9);
        assertEquals(0.2, fitted.voteWeight(), 1e-9);
    }

    @Test
    void examplesThatPredictNothingEarnNoSay() {
        List<double[]> noise = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            noise.add(new double[] {0.3 * Math.sin(i), 0.3 * Math.cos(i * 2.1), 1, 0});
        }
        ExampleWeights fitted = ExampleWeights.fit(List.of(new ExampleWeights.LeftOut(5, 4, noise)));
        assertEquals(0, fitted.residualWeight());
        assertEquals(0, fitted.voteWeight());
    }

    @Test
    void aQuestionsOwnWeightsAreDrawnTowardTheRubricsByItsNumberOfExamples() {
        ExampleWeights rubric = new ExampleWeights(5, 4, 0, 0.2, 0.2);
        // as many rows as the prior: halfway between its own fit (1, 0) and the rubric's
        ExampleWeights half = rubric.forQuestion(rows(40, 1, 0), 40);
        assertEquals(0.6, half.residualWeight(), 1e-3);
        assertEquals(0.1, half.voteWeight(), 1e-3);
        assertEquals(rubric.neighbours(), half.neighbours());
        ExampleWeights few = rubric.forQuestion(rows(4, 1, 0), 40);
        assertTrue(Math.abs(few.residualWeight() - 0.2) < 0.1, "few examples keep near the rubric's: " + few);
        assertSame(rubric, rubric.forQuestion(List.of(), 40));
    }

    @Property(tries = 200)
    void aQuestionsWeightsAreAlwaysValid(@ForAll @IntRange(min = 1, max = 80) int n,
                                         @ForAll @DoubleRange(min = -1, max = 2) double r,
                                         @ForAll @DoubleRange(min = -1, max = 2) double v,
                                         @ForAll @DoubleRange(min = 0, max = 1) double rubricResidual) {
        ExampleWeights rubric = new ExampleWeights(3, 2, 1, rubricResidual, 1 - rubricResidual);
        ExampleWeights own = rubric.forQuestion(rows(n, r, v), 40); // the record checks its invariants
        assertTrue(own.residualWeight() + own.voteWeight() <= 1 + 1e-9);
    }
}
