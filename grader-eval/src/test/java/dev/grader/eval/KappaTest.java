package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KappaTest {

    private static final double EXACT = 1e-12;

    @Test
    void matchesTheHandComputedValue() {
        // Weights (i-j)^2/4. Observed: one pair off by one grade -> 0.25.
        // Expected: sum of gold[i] * pred[j] * w / n with gold totals {1,1,2}, pred totals {1,2,1}, n = 4 -> 1.25.
        double kappa = Kappa.quadraticWeighted(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 2}, 3);
        assertEquals(1 - 0.25 / 1.25, kappa, EXACT);
        assertEquals(0.8, kappa, EXACT);
    }

    @Test
    void isOneForPerfectAgreement() {
        assertEquals(1.0, Kappa.quadraticWeighted(new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, 4), EXACT);
    }

    @Test
    void isZeroWhenThePredictionIsAlwaysTheSameGrade() {
        assertEquals(0.0, Kappa.quadraticWeighted(new int[] {0, 1, 2}, new int[] {1, 1, 1}, 3), EXACT);
    }

    @Test
    void penalisesDistantDisagreementMoreThanNearDisagreement() {
        int[] gold = {0, 1, 2, 3, 4};
        double near = Kappa.quadraticWeighted(gold, new int[] {1, 1, 2, 3, 4}, 5);
        double far = Kappa.quadraticWeighted(gold, new int[] {4, 1, 2, 3, 4}, 5);
        assertTrue(near > far, near + " > " + far);
    }

    @Test
    void isUndefinedWithFewerThanTwoCategoriesOrNoPairs() {
        assertTrue(Double.isNaN(Kappa.quadraticWeighted(new int[] {0, 0}, new int[] {0, 0}, 1)));
        assertTrue(Double.isNaN(Kappa.quadraticWeighted(new int[0], new int[0], 3)));
    }

    @Test
    void isUndefinedWhenBothRatersUseOneAndTheSameCategory() {
        assertTrue(Double.isNaN(Kappa.quadraticWeighted(new int[] {2, 2}, new int[] {2, 2}, 3)));
    }

    @Test
    void refusesCategoriesOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kappa.quadraticWeighted(new int[] {0, 3}, new int[] {0, 1}, 3));
        assertEquals("category must be in 0..2, found 3", e.getMessage());
    }
}
