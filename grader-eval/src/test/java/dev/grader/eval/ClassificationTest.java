package dev.grader.eval;

import static dev.grader.Verdict.CONTRADICTORY;
import static dev.grader.Verdict.CORRECT;
import static dev.grader.Verdict.INCORRECT;
import static dev.grader.Verdict.PARTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    private static final double EXACT = 1e-12;

    @Nested
    class Scores {

        private final List<Verdict> gold = List.of(CORRECT, CORRECT, INCORRECT, CONTRADICTORY, CONTRADICTORY);
        private final List<Verdict> predicted = List.of(CORRECT, INCORRECT, INCORRECT, CONTRADICTORY, CORRECT);

        @Test
        void accuracyIsTheShareOfExactMatches() {
            assertEquals(0.6, Classification.accuracy(gold, predicted), EXACT);
        }

        @Test
        void macroF1AveragesPerClassF1() {
            // correct: TP 1, predicted 2, gold 2 -> 0.5; incorrect: TP 1, predicted 2, gold 1 -> 2/3;
            // contradictory: TP 1, predicted 1, gold 2 -> 2/3
            assertEquals((0.5 + 2.0 / 3 + 2.0 / 3) / 3, Classification.macroF1(gold, predicted), EXACT);
        }

        @Test
        void aGoldClassNeverPredictedHasF1Zero() {
            // correct: 2/3 (TP 1, predicted 1, gold 2); partial: TP 0 -> 0
            assertEquals(1.0 / 3, Classification.macroF1(List.of(CORRECT, CORRECT, PARTIAL),
                    List.of(CORRECT, INCORRECT, INCORRECT)), EXACT);
        }

        @Test
        void bothAreUndefinedWithoutPairs() {
            assertTrue(Double.isNaN(Classification.accuracy(List.of(), List.of())));
            assertTrue(Double.isNaN(Classification.macroF1(List.of(), List.of())));
        }
    }

    @Nested
    class Labels {

        @Test
        void semEvalAndSafLabelsMapCaseInsensitively() {
            assertEquals(CORRECT, GoldLabels.toVerdict("Correct"));
            assertEquals(PARTIAL, GoldLabels.toVerdict("Partially correct"));
            assertEquals(PARTIAL, GoldLabels.toVerdict(" partially   CORRECT "));
            assertEquals(INCORRECT, GoldLabels.toVerdict("incorrect"));
            assertEquals(CONTRADICTORY, GoldLabels.toVerdict("CONTRADICTORY"));
        }

        @Test
        void unknownLabelsMapToNothing() {
            assertNull(GoldLabels.toVerdict("irrelevant"));
            assertNull(GoldLabels.toVerdict(null));
        }

        @Test
        void partialCountsAsIncorrectWhenGoldHasNoPartial() {
            Set<Verdict> semEval = EnumSet.of(CORRECT, INCORRECT, CONTRADICTORY);
            assertEquals(INCORRECT, GoldLabels.nearest(PARTIAL, semEval));
            assertEquals(CONTRADICTORY, GoldLabels.nearest(CONTRADICTORY, semEval));
        }

        @Test
        void contradictoryCountsAsIncorrectWhenGoldHasNoContradictory() {
            Set<Verdict> saf = EnumSet.of(CORRECT, PARTIAL, INCORRECT);
            assertEquals(INCORRECT, GoldLabels.nearest(CONTRADICTORY, saf));
            assertEquals(PARTIAL, GoldLabels.nearest(PARTIAL, saf));
        }

        @Test
        void classesGoldUsesMapToThemselves() {
            for (Verdict v : Verdict.values()) {
                assertEquals(v, GoldLabels.nearest(v, EnumSet.allOf(Verdict.class)));
            }
        }
    }
}
