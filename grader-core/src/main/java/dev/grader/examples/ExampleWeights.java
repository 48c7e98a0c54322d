package dev.grader.examples;

import dev.grader.Api;
import java.util.List;

/**
 * How much graded examples correct a reference-based score:
 * {@code (residual * residualWeight + (vote - reference) * voteWeight) * nearest^nearness}, where the nearest
 * {@code neighbours} examples vote with weights {@code similarity^power}.
 *
 * @param neighbours     how many nearest examples vote
 * @param power          the exponent of similarity in their weights: near examples count far more
 * @param nearness       the exponent of the nearest example's similarity in the correction: it fades when no
 *                       example is near
 * @param residualWeight the share of the examples' residual (how far the reference judge was off on them)
 * @param voteWeight     the share of the gap between their grade and the reference score
 * @param misconceptions when an answer is taken to state a misconception, or null when the examples do not say
 *                       which of them state one
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ExampleWeights(int neighbours, double power, double nearness, double residualWeight,
                             double voteWeight, MisconceptionModel misconceptions) {

    /** Weights that say nothing of misconceptions. */
    public ExampleWeights(int neighbours, double power, double nearness, double residualWeight, double voteWeight) {
        this(neighbours, power, nearness, residualWeight, voteWeight, null);
    }

    /** These weights, deciding misconceptions with this model (or null: as the reference judge does). */
    public ExampleWeights withMisconceptions(MisconceptionModel model) {
        return new ExampleWeights(neighbours, power, nearness, residualWeight, voteWeight, model);
    }

    /** The neighbourhood before fitting, and no correction. */
    public static final ExampleWeights DEFAULT = new ExampleWeights(5, 4, 2, 0, 0);

    private static final double STEP = 0.05;

    public ExampleWeights {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, found " + neighbours);
        }
        if (!(residualWeight >= 0 && voteWeight >= 0 && residualWeight + voteWeight <= 1 + 1e-9)) {
            throw new IllegalArgumentException("need weights >= 0 with residualWeight + voteWeight <= 1, found "
                    + residualWeight + " and " + voteWeight);
        }
    }

    /** The correction to a reference score. */
    public double correction(double residual, double voteGap, double nearest) {
        return (residual * residualWeight + voteGap * voteWeight) * Math.pow(Math.max(0, nearest), nearness);
    }

    /** The neighbourhoods tried by {@link #fit}: how many examples vote, and how steeply nearness weighs. */
    public static final int[] NEIGHBOURS = {3, 5, 8};
    public static final double[] POWERS = {1, 2, 4};
    private static final double[] NEARNESS = {0, 1, 2};

    /**
     * The votes of one neighbourhood on the examples left out one at a time: per example
     * {@code {residual, voteGap, nearest, grade - referenceScore}}.
     */
    public record LeftOut(int neighbours, double power, List<double[]> rows) {
    }

    /**
     * The neighbourhood and weights that predict best, by least squares, each example's grade from the others of
     * its question. Ties go to the smaller correction: without evidence that examples help, they change nothing.
     */
    public static ExampleWeights fit(List<LeftOut> neighbourhoods) {
        double best = Double.POSITIVE_INFINITY;
        ExampleWeights chosen = DEFAULT;
        for (LeftOut n : neighbourhoods) {
            for (double nearness : NEARNESS) {
                ExampleWeights w = bestShares(n.rows(), n.neighbours(), n.power(), nearness);
                double error = error(w, n.rows());
                if (error < best - 1e-9) {
                    best = error;
                    chosen = w;
                }
            }
        }
        return chosen;
    }

    /** The residual and vote weights, on a grid of {@link #STEP}, that fit the rows best; ties to the smaller. */
    private static ExampleWeights bestShares(List<double[]> rows, int neighbours, double power, double nearness) {
        double best = Double.POSITIVE_INFINITY;
        ExampleWeights chosen = new ExampleWeights(neighbours, power, nearness, 0, 0);
        int steps = (int) Math.round(1 / STEP);
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
                ExampleWeights w = new ExampleWeights(neighbours, power, nearness, round(i * STEP), round(j * STEP));
                double error = error(w, rows);
                if (error < best - 1e-9) {
                    best = error;
                    chosen = w;
                }
            }
        }
        return chosen;
    }

    /** Squared error of these weights' corrections on leave-one-out rows. */
    private static double error(ExampleWeights w, List<double[]> rows) {
        double error = 0;
        for (double[] row : rows) {
            double miss = row[3] - w.correction(row[0], row[1], row[2]);
            error += miss * miss;
        }
        return error;
    }

    /**
     * Weights for one question with its own leave-one-out rows ({@code {residual, voteGap, nearest, grade -
     * referenceScore}} at this neighbourhood): the residual and vote weights that fit those rows best, drawn toward
     * these (the rubric's) as {@code n / (n + prior)}, so a question with few examples keeps the rubric's weights.
     */
    public ExampleWeights forQuestion(List<double[]> rows, double prior) {
        if (rows.isEmpty()) {
            return this;
        }
        ExampleWeights fitted = bestShares(rows, neighbours, power, nearness);
        double residual = fitted.residualWeight;
        double vote = fitted.voteWeight;
        double own = rows.size() / (rows.size() + prior);
        return new ExampleWeights(neighbours, power, nearness,
                round4(own * residual + (1 - own) * residualWeight), round4(own * vote + (1 - own) * voteWeight),
                misconceptions);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // down, so that two weights summing to at most 1 still do
    private static double round4(double v) {
        return Math.floor(v * 10_000) / 10_000.0;
    }
}
