package dev.grader.eval;

import dev.grader.Api;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accuracy and macro-averaged F1 of predicted classes against gold classes.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Classification {

    private Classification() {
    }

    /** Share of pairs where the prediction equals the gold class; NaN when there are no pairs. */
    public static <T> double accuracy(List<T> gold, List<T> predicted) {
        requireSameSize(gold, predicted);
        if (gold.isEmpty()) {
            return Double.NaN;
        }
        int hits = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (Objects.equals(gold.get(i), predicted.get(i))) {
                hits++;
            }
        }
        return hits / (double) gold.size();
    }

    /**
     * The unweighted mean of per-class F1 over the classes present in {@code gold}, so a rare class counts as
     * much as a common one. A class that is never predicted has F1 0 (its precision is taken as 0, the usual
     * {@code zero_division=0} convention). A prediction of a class absent from gold is a miss for the gold
     * class of that pair; callers map such predictions to the nearest gold class first
     * ({@link GoldLabels#nearest}).
     *
     * @return 0..1, or NaN when there are no pairs
     */
    public static <T> double macroF1(List<T> gold, List<T> predicted) {
        requireSameSize(gold, predicted);
        if (gold.isEmpty()) {
            return Double.NaN;
        }
        Set<T> classes = new LinkedHashSet<>(gold);
        double sum = 0;
        for (T c : classes) {
            int truePositives = 0;
            int predictedPositives = 0;
            int goldPositives = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean isGold = Objects.equals(gold.get(i), c);
                boolean isPredicted = Objects.equals(predicted.get(i), c);
                goldPositives += isGold ? 1 : 0;
                predictedPositives += isPredicted ? 1 : 0;
                truePositives += isGold && isPredicted ? 1 : 0;
            }
            // F1 = 2TP / (2TP + FP + FN) = 2TP / (predicted + gold); 0 when the class was never predicted right.
            sum += 2.0 * truePositives / (predictedPositives + goldPositives);
        }
        return sum / classes.size();
    }

    private static void requireSameSize(List<?> gold, List<?> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("paired labels must have the same size, found " + gold.size()
                    + " and " + predicted.size());
        }
    }
}
