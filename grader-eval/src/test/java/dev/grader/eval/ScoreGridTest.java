package dev.grader.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreGridTest {

    private final ScoreGrid grid = ScoreGrid.of(new double[] {5, 0, 2.5, 1, 2.5, 0});

    @Test
    void holdsTheDistinctGoldGradesInAscendingOrder() {
        assertArrayEquals(new double[] {0, 1, 2.5, 5}, grid.values());
        assertEquals(4, grid.size());
    }

    @Test
    void aGridValueIsItsOwnCategory() {
        assertEquals(0, grid.snap(0));
        assertEquals(2, grid.snap(2.5));
        assertEquals(3, grid.snap(5));
    }

    @Test
    void otherValuesSnapToTheNearestGrade() {
        assertEquals(1, grid.snap(1.7));   // 0.7 from 1, 0.8 from 2.5
        assertEquals(2, grid.snap(3.6));   // 1.1 from 2.5, 1.4 from 5
    }

    @Test
    void halfwayGoesUp() {
        assertEquals(2, grid.snap(1.75));
        assertEquals(1, grid.snap(0.5));
    }

    @Test
    void valuesOutsideTheGridSnapToItsEnds() {
        assertEquals(0, grid.snap(-0.2));
        assertEquals(3, grid.snap(7));
    }

    @Test
    void refusesUnsortedValues() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreGrid(new double[] {1, 0}));
    }
}
