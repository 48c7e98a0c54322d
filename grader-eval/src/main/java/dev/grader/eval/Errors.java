package dev.grader.eval;

import dev.grader.Api;

/**
 * Error of predicted grades against human grades, in the grades' own units.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Errors {

    private Errors() {
    }

    /** Root mean squared error; NaN when there are no pairs. */
    public static double rmse(double[] predicted, double[] gold) {
        Correlation.requireSameLength(predicted, gold);
        if (gold.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < gold.length; i++) {
            double d = predicted[i] - gold[i];
            sum += d * d;
        }
        return Math.sqrt(sum / gold.length);
    }

    /** Mean absolute error; NaN when there are no pairs. */
    public static double mae(double[] predicted, double[] gold) {
        Correlation.requireSameLength(predicted, gold);
        if (gold.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < gold.length; i++) {
            sum += Math.abs(predicted[i] - gold[i]);
        }
        return sum / gold.length;
    }
}
