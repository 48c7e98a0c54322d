package dev.grader.examples;

import dev.grader.Api;
import java.util.List;

/**
 * Whether a misconception the reference judge reported is borne out, from what that judge found and from the
 * examples nearest the answer that a person marked as stating one or not: a logistic model over {@link Signals},
 * fitted on the examples in which that judge reported one (each judged from the others of its question). Below {@link #threshold()} a
 * reported misconception becomes a suspicion that a person is asked to check; the threshold keeps
 * {@link #KEEP} of the misconceptions the judge rightly reported on the examples.
 *
 * <p>The words of a misconception are usually the words of the truth it distorts, so matching alone also reports
 * misconceptions that an answer names only to refute them. Answers a person has already judged tell these apart
 * where they resemble the new one.
 *
 * @param weights   the logistic weights of {@link Signals#features()}, intercept first
 * @param threshold the probability below which a reported misconception is only suspected
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record MisconceptionModel(List<Double> weights, double threshold) {

    public MisconceptionModel {
        weights = List.copyOf(weights);
        if (weights.size() != FEATURES) {
            throw new IllegalArgumentException("need " + FEATURES + " weights, found " + weights.size());
        }
    }

    /** The share of rightly reported misconceptions on the examples that the threshold keeps. */
    public static final double KEEP = 0.9;
    /** Fewer marked examples of either side than this, and the examples say nothing of misconceptions. */
    public static final int MIN_EXAMPLES = 10;
    /** Similarity margins are small next to the other signals; scaled, one ridge penalty suits every weight. */
    private static final double MARGIN_SCALE = 5;
    private static final double RIDGE = 1.0;
    private static final int ITERATIONS = 50;

    /** How many weights a model has: the intercept and one per signal. */
    public static final int FEATURES = 11;

    /**
     * What is known of one answer in which the reference judge reported a rubric misconception.
     *
     * @param contradicted   the judge also found a key point contradicted
     * @param suspected      it also suspected a rubric misconception without reporting it
     * @param share          the similarity-weighted share of the nearest marked examples that state one (0.5 when
     *                       none is marked)
     * @param gap            similarity of the nearest marked example stating one minus that of the nearest stating
     *                       none (0 when either is missing)
     * @param sentenceGap    over the answer's sentences, the largest margin by which the nearest sentence of an
     *                       example stating one is nearer than the nearest sentence of an example stating none: a
     *                       sentence said only in wrong answers (0 without sentence vectors)
     * @param mythCloseness  the largest similarity of a sentence of the answer to a rubric misconception, whole or
     *                       one of its parts (0 without sentence vectors)
     * @param mythContrast   for that sentence, its similarity to the misconception minus its largest similarity to
     *                       a key point or correction: the wrong version nearer than the truth
     * @param confidence     the reference judge's largest confidence in a misconception it reported (0: none)
     * @param alsoTrue       a misconception it reported is quoted where it also found a key point covered: the same
     *                       words read as a truth
     * @param referenceScore its score of the answer, 0..1
     */
    public record Signals(boolean contradicted, boolean suspected, double share, double gap,
                          double sentenceGap, double mythCloseness, double mythContrast, double confidence,
                          boolean alsoTrue, double referenceScore) {

        /** The model's inputs: 1 for the intercept, then the signals (similarity margins scaled to unit range). */
        public double[] features() {
            return new double[] {1, contradicted ? 1 : 0, suspected ? 1 : 0, share,
                gap * MARGIN_SCALE, sentenceGap * MARGIN_SCALE, mythCloseness, mythContrast * MARGIN_SCALE,
                confidence, alsoTrue ? 1 : 0, referenceScore};
        }
    }

    /** An example's signals, each judged from the other examples, and whether a person said it states one. */
    public record Row(Signals signals, boolean states) {
    }

    /** The probability that an answer with these signals states a misconception. */
    public double probability(Signals s) {
        double[] x = s.features();
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights.get(i) * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether a misconception reported in an answer with these signals stands. */
    public boolean confirms(Signals s) {
        return probability(s) >= threshold;
    }

    /**
     * The model fitted on these rows by ridge-penalised logistic regression (Newton's method), or null with fewer
     * than {@link #MIN_EXAMPLES} rows on either side.
     */
    public static MisconceptionModel fit(List<Row> rows) {
        long positives = rows.stream().filter(Row::states).count();
        if (positives < MIN_EXAMPLES || rows.size() - positives < MIN_EXAMPLES) {
            return null;
        }
        int d = FEATURES;
        double[] w = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 1; i < d; i++) {
                gradient[i] = RIDGE * w[i]; // the intercept is not penalised
                hessian[i][i] = RIDGE;
            }
            for (Row r : rows) {
                double[] x = r.signals().features();
                double z = 0;
                for (int i = 0; i < d; i++) {
                    z += w[i] * x[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double y = r.states() ? 1 : 0;
                for (int i = 0; i < d; i++) {
                    gradient[i] += (p - y) * x[i];
                    for (int j = 0; j < d; j++) {
                        hessian[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-9) {
                break;
            }
        }
        List<Double> rounded = java.util.Arrays.stream(w).map(MisconceptionModel::round).boxed().toList();
        MisconceptionModel m = new MisconceptionModel(rounded, 0.5);
        return new MisconceptionModel(rounded, threshold(m, rows));
    }

    /**
     * The highest threshold that keeps {@link #KEEP} of the rows a person marked as stating a misconception; 0
     * (keep all) without such rows.
     */
    private static double threshold(MisconceptionModel m, List<Row> rows) {
        List<Double> caught = rows.stream().filter(Row::states)
                .map(r -> m.probability(r.signals())).sorted().toList();
        if (caught.isEmpty()) {
            return 0;
        }
        return caught.get((int) Math.floor((1 - KEEP) * caught.size()));
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting; a is small and positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }
}
