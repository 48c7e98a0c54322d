package dev.grader.eval;

import dev.grader.Api;

/**
 * A straight line {@code y = intercept + slope · x}, fitted by ordinary least squares.
 *
 * @param intercept the value at {@code x = 0}
 * @param slope     the change in {@code y} per unit of {@code x}
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record LinearFit(double intercept, double slope) {

    /**
     * The least-squares line through the points. When every {@code x} is the same the slope is unidentifiable;
     * the fit is then the horizontal line through the mean of {@code y} (the best constant predictor).
     *
     * @throws IllegalArgumentException if there are no points or the arrays differ in length
     */
    public static LinearFit leastSquares(double[] x, double[] y) {
        Correlation.requireSameLength(x, y);
        if (x.length == 0) {
            throw new IllegalArgumentException("a line needs at least one point");
        }
        double meanX = Correlation.mean(x);
        double meanY = Correlation.mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            sxy += dx * (y[i] - meanY);
            sxx += dx * dx;
        }
        if (sxx == 0) {
            return new LinearFit(meanY, 0);
        }
        double slope = sxy / sxx;
        return new LinearFit(meanY - slope * meanX, slope);
    }

    public double apply(double x) {
        return intercept + slope * x;
    }
}
