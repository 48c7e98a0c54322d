package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final double EXACT = 1e-12;

    @Nested
    class LeastSquares {

        @Test
        void fitsAnExactLine() {
            LinearFit line = LinearFit.leastSquares(new double[] {0, 1, 2}, new double[] {1, 3, 5});
            assertEquals(1.0, line.intercept(), EXACT);
            assertEquals(2.0, line.slope(), EXACT);
            assertEquals(7.0, line.apply(3), EXACT);
        }

        @Test
        void fitsTheLineOfLeastSquaredError() {
            // x mean 1.5, y mean 2.25; dx {-1.5,-.5,.5,1.5}, dy {-1.25,-.25,-.25,1.75}: sxy = 4.5, sxx = 5
            // slope 0.9, intercept 2.25 - 0.9 * 1.5 = 0.9
            LinearFit line = LinearFit.leastSquares(new double[] {0, 1, 2, 3}, new double[] {1, 2, 2, 4});
            assertEquals(0.9, line.slope(), EXACT);
            assertEquals(0.9, line.intercept(), EXACT);
        }

        @Test
        void constantInputGivesTheMeanAsAFlatLine() {
            LinearFit line = LinearFit.leastSquares(new double[] {2, 2, 2}, new double[] {1, 2, 6});
            assertEquals(new LinearFit(3, 0), line);
        }

        @Test
        void needsAPoint() {
            assertThrows(IllegalArgumentException.class, () -> LinearFit.leastSquares(new double[0], new double[0]));
        }
    }

    @Nested
    class Folds {

        @Test
        void dealsSortedGroupsRoundRobin() {
            // sorted a, b, c, d -> folds 0, 1, 0, 1
            assertArrayEquals(new int[] {1, 0, 0, 0, 1}, GroupKFold.assign(new String[] {"b", "a", "c", "a", "d"}, 2));
        }

        @Test
        void dependOnlyOnTheGroupNamesNotOnRowOrder() {
            int[] forward = GroupKFold.assign(new String[] {"q1", "q2", "q3"}, 5);
            int[] backward = GroupKFold.assign(new String[] {"q3", "q2", "q1"}, 5);
            assertArrayEquals(new int[] {0, 1, 2}, forward);
            assertArrayEquals(new int[] {2, 1, 0}, backward);
        }

        @Test
        void useOneFoldPerGroupWhenThereAreFewerGroupsThanK() {
            assertEquals(3, GroupKFold.folds(new String[] {"a", "b", "c", "a"}, 5));
            assertEquals(5, GroupKFold.folds(new String[] {"a", "b", "c", "d", "e", "f"}, 5));
        }
    }

    @Nested
    class CrossValidated {

        private final String[] questions = {"A", "A", "B", "B"};
        private final double[] predicted = {0, 1, 0, 2};
        private final double[] gold = {1, 3, 2, 4};

        @Test
        void appliesToEachQuestionTheLineFittedOnTheOthers() {
            // A held out: fit on B (0->2, 2->4) = 2 + x -> {2, 3}; B held out: fit on A (0->1, 1->3) = 1 + 2x -> {1, 5}
            double[] calibrated = Calibration.crossValidated(predicted, gold, new double[] {5, 5, 5, 5}, questions, 5);
            assertArrayEquals(new double[] {2, 3, 1, 5}, calibrated, EXACT);
            assertEquals(Math.sqrt(3.0 / 4), Errors.rmse(calibrated, gold), EXACT);
            assertEquals(0.75, Errors.mae(calibrated, gold), EXACT);
        }

        @Test
        void clampsToTheScale() {
            double[] calibrated = Calibration.crossValidated(predicted, gold, new double[] {4, 4, 4, 4}, questions, 5);
            assertArrayEquals(new double[] {2, 3, 1, 4}, calibrated, EXACT);
        }

        @Test
        void isUndefinedForASingleQuestion() {
            assertNull(Calibration.crossValidated(new double[] {0, 1}, new double[] {0, 1}, new double[] {1, 1},
                    new String[] {"A", "A"}, 5));
        }
    }
}
