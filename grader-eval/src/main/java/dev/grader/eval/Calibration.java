package dev.grader.eval;

import dev.grader.Api;

/**
 * Linear calibration of predicted grades, fitted and tested by group k-fold cross-validation over questions:
 * for each fold, fit {@code gold ≈ a + b · predicted} on the answers to the other folds' questions and apply
 * it to the held-out answers. Calibrated grades are clamped to {@code 0..scale}.
 *
 * <p>The errors after calibration say how far a grader is from humans once a constant bias and a stretch are
 * forgiven (a grader that is strict but consistent gets a low calibrated error), without ever grading an
 * answer with a line fitted on its own question.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Calibration {

    /** Folds of the cross-validation. */
    public static final int DEFAULT_FOLDS = 5;

    private Calibration() {
    }

    /**
     * Out-of-fold calibrated grades.
     *
     * @param predicted predicted grades in gold units (predicted score × scale)
     * @param gold      human grades in the same units
     * @param scale     full credit of each row, the upper clamp
     * @param questions the question of each row: the cross-validation groups
     * @param k         folds wanted; fewer when there are fewer questions
     * @return one calibrated grade per row, or {@code null} when there are fewer than two questions (nothing to
     *         hold out)
     */
    public static double[] crossValidated(double[] predicted, double[] gold, double[] scale, String[] questions,
                                          int k) {
        int n = predicted.length;
        if (gold.length != n || scale.length != n || questions.length != n) {
            throw new IllegalArgumentException("every per-row array must have " + n + " entries");
        }
        int folds = GroupKFold.folds(questions, k);
        if (folds < 2) {
            return null;
        }
        int[] foldOf = GroupKFold.assign(questions, folds);
        double[] calibrated = new double[n];
        for (int fold = 0; fold < folds; fold++) {
            LinearFit line = fitOutside(fold, foldOf, predicted, gold);
            for (int i = 0; i < n; i++) {
                if (foldOf[i] == fold) {
                    calibrated[i] = Math.max(0, Math.min(scale[i], line.apply(predicted[i])));
                }
            }
        }
        return calibrated;
    }

    private static LinearFit fitOutside(int fold, int[] foldOf, double[] predicted, double[] gold) {
        int size = 0;
        for (int f : foldOf) {
            if (f != fold) {
                size++;
            }
        }
        double[] x = new double[size];
        double[] y = new double[size];
        int at = 0;
        for (int i = 0; i < foldOf.length; i++) {
            if (foldOf[i] != fold) {
                x[at] = predicted[i];
                y[at] = gold[i];
                at++;
            }
        }
        return LinearFit.leastSquares(x, y);
    }
}
