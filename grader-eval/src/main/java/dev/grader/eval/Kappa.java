package dev.grader.eval;

import dev.grader.Api;

/**
 * Quadratic weighted kappa (Cohen's kappa with weights {@code (i - j)² / (k - 1)²}): agreement on ordered
 * categories beyond chance, where being two grades off costs four times as much as being one grade off.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Kappa {

    private Kappa() {
    }

    /**
     * Quadratic weighted kappa of two raters over categories {@code 0..categories-1}.
     *
     * @return at most 1 (perfect agreement), 0 for chance agreement; NaN when there are fewer than two
     *         categories, no pairs, or both raters put everything in the same single category (no disagreement
     *         is possible, so agreement beyond chance is undefined)
     * @throws IllegalArgumentException if the arrays differ in length or a category is out of range
     */
    public static double quadraticWeighted(int[] gold, int[] predicted, int categories) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("paired ratings must have the same length, found " + gold.length
                    + " and " + predicted.length);
        }
        int n = gold.length;
        if (categories < 2 || n == 0) {
            return Double.NaN;
        }
        double[][] observed = new double[categories][categories];
        double[] goldTotals = new double[categories];
        double[] predictedTotals = new double[categories];
        for (int i = 0; i < n; i++) {
            int g = check(gold[i], categories);
            int p = check(predicted[i], categories);
            observed[g][p]++;
            goldTotals[g]++;
            predictedTotals[p]++;
        }
        double weightedObserved = 0;
        double weightedExpected = 0;
        double maxDistance = (categories - 1) * (double) (categories - 1);
        for (int i = 0; i < categories; i++) {
            for (int j = 0; j < categories; j++) {
                double weight = (i - j) * (double) (i - j) / maxDistance;
                weightedObserved += weight * observed[i][j];
                weightedExpected += weight * goldTotals[i] * predictedTotals[j] / n;
            }
        }
        if (weightedExpected == 0) {
            return Double.NaN;
        }
        return 1 - weightedObserved / weightedExpected;
    }

    private static int check(int category, int categories) {
        if (category < 0 || category >= categories) {
            throw new IllegalArgumentException("category must be in 0.." + (categories - 1) + ", found " + category);
        }
        return category;
    }
}
