package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorsTest {

    private static final double EXACT = 1e-12;
    private final double[] predicted = {1, 2, 3};
    private final double[] gold = {1, 1, 5};

    @Test
    void rmseIsTheRootOfTheMeanSquaredDifference() {
        // differences 0, 1, -2: mean square 5/3
        assertEquals(Math.sqrt(5.0 / 3), Errors.rmse(predicted, gold), EXACT);
    }

    @Test
    void maeIsTheMeanAbsoluteDifference() {
        assertEquals(1.0, Errors.mae(predicted, gold), EXACT);
    }

    @Test
    void bothAreZeroForPerfectPredictions() {
        assertEquals(0.0, Errors.rmse(gold, gold));
        assertEquals(0.0, Errors.mae(gold, gold));
    }

    @Test
    void bothAreUndefinedWithoutPairs() {
        assertTrue(Double.isNaN(Errors.rmse(new double[0], new double[0])));
        assertTrue(Double.isNaN(Errors.mae(new double[0], new double[0])));
    }
}
