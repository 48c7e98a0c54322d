package dev.grader.eval;

import dev.grader.Api;
import java.util.Arrays;

/**
 * The distinct grades a human gave, in ascending order: the categories of a weighted kappa. A predicted score
 * on the gold's scale snaps to the nearest grade; halfway between two grades it goes to the higher one (as
 * rounding half up does).
 *
 * @param values the distinct grades, ascending
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ScoreGrid(double[] values) {

    public ScoreGrid {
        values = values.clone();
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException("grid values must be distinct and ascending, found "
                        + Arrays.toString(values));
            }
        }
    }

    /** The grid of the distinct values among {@code gold}. */
    public static ScoreGrid of(double[] gold) {
        return new ScoreGrid(Arrays.stream(gold).distinct().sorted().toArray());
    }

    public int size() {
        return values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The category of a value on the grid, or of the nearest grid value. */
    public int snap(double value) {
        if (values.length == 0) {
            throw new IllegalStateException("an empty grid has no categories");
        }
        int at = Arrays.binarySearch(values, value);
        if (at >= 0) {
            return at;
        }
        int above = -at - 1;
        if (above == 0) {
            return 0;
        }
        if (above == values.length) {
            return values.length - 1;
        }
        int below = above - 1;
        return value - values[below] < values[above] - value ? below : above;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreGrid grid && Arrays.equals(values, grid.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ScoreGrid" + Arrays.toString(values);
    }
}
