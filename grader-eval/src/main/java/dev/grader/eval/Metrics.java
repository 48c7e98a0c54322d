package dev.grader.eval;

import dev.grader.Api;

/**
 * Overall agreement between grader and humans. An undefined value is {@link Double#NaN} (written {@code null}
 * in JSON, {@code n/a} in text); {@link EvaluationResult#notes()} says why.
 *
 * @param n              graded answers
 * @param pearson        Pearson correlation of predicted score and gold fraction
 * @param spearman       Spearman rank correlation of the same, ties sharing their average rank
 * @param qwk            quadratic weighted kappa on the gold's grid: predicted score × scale snapped to the
 *                       nearest distinct gold grade
 * @param rmse           root mean squared error of predicted score × scale against the gold score (gold units)
 * @param mae            mean absolute error, gold units
 * @param rmseCalibrated RMSE after a linear calibration fitted by group 5-fold cross-validation over questions
 * @param maeCalibrated  MAE after the same calibration
 * @param labelled       answers whose gold label maps to a verdict; the base of accuracy and macro-F1
 * @param accuracy       share of labelled answers whose verdict (mapped to the nearest gold class) matches
 * @param macroF1        unweighted mean F1 over the gold's classes
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Metrics(
        int n,
        double pearson,
        double spearman,
        double qwk,
        double rmse,
        double mae,
        double rmseCalibrated,
        double maeCalibrated,
        int labelled,
        double accuracy,
        double macroF1) {
}
