package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    private static final double EXACT = 1e-12;

    @Nested
    class Pearson {

        @Test
        void matchesTheHandComputedValue() {
            // means 3 and 4; sxy = 6, sxx = 10, syy = 6: r = 6 / sqrt(60)
            double r = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
            assertEquals(6 / Math.sqrt(60), r, EXACT);
            assertEquals(0.7745966692414834, r, EXACT);
        }

        @Test
        void isMinusOneForAPerfectlyFallingLine() {
            assertEquals(-1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {9, 6, 3}), EXACT);
        }

        @Test
        void isUndefinedWhenEitherSideIsConstant() {
            assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
            assertTrue(Double.isNaN(Correlation.pearson(new double[] {0, 0, 0}, new double[] {1, 2, 3})));
        }

        @Test
        void isUndefinedForFewerThanTwoPairs() {
            assertTrue(Double.isNaN(Correlation.pearson(new double[] {1}, new double[] {2})));
            assertTrue(Double.isNaN(Correlation.pearson(new double[0], new double[0])));
        }

        @Test
        void refusesArraysOfDifferentLengths() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Correlation.pearson(new double[] {1, 2}, new double[] {1}));
            assertEquals("paired values must have the same length, found 2 and 1", e.getMessage());
        }
    }

    @Nested
    class Ranks {

        @Test
        void tiedValuesShareTheirAverageRank() {
            assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlation.averageRanks(new double[] {10, 20, 20, 30}));
        }

        @Test
        void ranksFollowTheValuesNotThePositions() {
            assertArrayEquals(new double[] {3, 1, 2}, Correlation.averageRanks(new double[] {0.9, 0.1, 0.5}));
        }

        @Test
        void allEqualValuesAllGetTheMiddleRank() {
            assertArrayEquals(new double[] {2, 2, 2}, Correlation.averageRanks(new double[] {7, 7, 7}));
        }
    }

    @Nested
    class Spearman {

        @Test
        void isOneForAnyIncreasingRelation() {
            assertEquals(1.0, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 1000}), EXACT);
        }

        @Test
        void handlesTiesWithAverageRanks() {
            // ranks x = 1..5; ranks y of {10, 20, 20, 30, 5} = {2, 3.5, 3.5, 5, 1}
            // deviations from 3: x {-2,-1,0,1,2}, y {-1,.5,.5,2,-2}; sxy = -0.5, sxx = 10, syy = 9.5
            double rho = Correlation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {10, 20, 20, 30, 5});
            assertEquals(-0.5 / Math.sqrt(95), rho, EXACT);
        }

        @Test
        void isUndefinedWhenOneSideIsAllTies() {
            assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, 2, 3}, new double[] {1, 1, 1})));
        }

        @Test
        void isUndefinedForASinglePair() {
            assertTrue(Double.isNaN(Correlation.spearman(new double[] {1}, new double[] {1})));
        }
    }
}
