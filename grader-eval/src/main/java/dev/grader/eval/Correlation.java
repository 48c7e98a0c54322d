package dev.grader.eval;

import dev.grader.Api;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Pearson and Spearman correlation. Both are undefined ({@link Double#NaN}) for fewer than two pairs or when
 * either side is constant: there is no linear or rank relation to measure.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Correlation {

    private Correlation() {
    }

    /**
     * Pearson's product-moment correlation of paired values.
     *
     * @return -1..1, or NaN when {@code n < 2} or either side is constant
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double pearson(double[] x, double[] y) {
        requireSameLength(x, y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = mean(x);
        double meanY = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        // Rounding can push |r| a hair past 1 for perfectly linear data.
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * Spearman's rank correlation: Pearson of the ranks, tied values sharing their average rank.
     *
     * @return -1..1, or NaN when {@code n < 2} or either side is constant
     */
    public static double spearman(double[] x, double[] y) {
        requireSameLength(x, y);
        return pearson(averageRanks(x), averageRanks(y));
    }

    /**
     * 1-based ranks in ascending order; tied values get the mean of the ranks they span ({@code 10, 20, 20, 30}
     * → {@code 1, 2.5, 2.5, 4}).
     */
    public static double[] averageRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired values must have the same length, found " + x.length
                    + " and " + y.length);
        }
    }
}
