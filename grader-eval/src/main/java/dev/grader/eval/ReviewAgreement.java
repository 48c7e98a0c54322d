package dev.grader.eval;

import dev.grader.Api;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@code needsReview} points people at the grades worth checking: the error on flagged answers against
 * the error on the rest, and the agreement left once the flagged ones are set aside for a person.
 *
 * @param flagged          graded answers whose report says {@code needsReview}
 * @param flaggedShare     {@code flagged / n}
 * @param maeFlagged       mean absolute error of flagged answers, as a fraction of full credit; NaN when none
 * @param maeUnflagged     the same for the other answers; NaN when every answer is flagged
 * @param pearsonUnflagged Pearson correlation with gold over the answers not flagged; NaN when undefined
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ReviewAgreement(int flagged, double flaggedShare, double maeFlagged, double maeUnflagged,
                              double pearsonUnflagged) {

    /** {@code null} when nothing was graded. */
    static ReviewAgreement of(List<GoldAnswer> gold, List<Prediction> predicted) {
        if (gold.isEmpty()) {
            return null;
        }
        List<Integer> flagged = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            (predicted.get(i).needsReview() ? flagged : others).add(i);
        }
        double[] score = others.stream().mapToDouble(i -> predicted.get(i).score()).toArray();
        double[] goldFraction = others.stream().mapToDouble(i -> gold.get(i).fraction()).toArray();
        return new ReviewAgreement(flagged.size(), flagged.size() / (double) gold.size(),
                meanError(flagged, gold, predicted), meanError(others, gold, predicted),
                Correlation.pearson(score, goldFraction));
    }

    private static double meanError(List<Integer> rows, List<GoldAnswer> gold, List<Prediction> predicted) {
        return rows.stream().mapToDouble(i -> Math.abs(predicted.get(i).score() - gold.get(i).fraction()))
                .average().orElse(Double.NaN);
    }
}
