package dev.grader.eval;

import dev.grader.Api;
import dev.grader.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures how well predictions agree with human grades: a pure function from gold answers and predictions to
 * an {@link EvaluationResult}. {@link Evaluation} grades and then calls it; predictions made elsewhere (a saved
 * predictions file, another grader) can be measured the same way.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Agreement {

    /** Below this many answers a cross-validated line is fitted on too few points to mean much. */
    static final int FEW_FOR_CALIBRATION = 50;

    private Agreement() {
    }

    /**
     * Metrics and breakdowns of graded answers.
     *
     * @param rubricId  the rubric the predictions were graded against
     * @param gold      the graded gold answers
     * @param predicted the prediction for each, in the same order (matched by id)
     * @param skipped   gold answers left out, by reason
     * @throws IllegalArgumentException if the lists differ in size or a prediction's id is not its gold's id
     */
    public static EvaluationResult summarize(String rubricId, List<GoldAnswer> gold, List<Prediction> predicted,
                                             List<Skipped> skipped) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("one prediction per gold answer expected, found " + predicted.size()
                    + " for " + gold.size());
        }
        for (int i = 0; i < gold.size(); i++) {
            if (!gold.get(i).id().equals(predicted.get(i).id())) {
                throw new IllegalArgumentException("prediction " + i + " is for '" + predicted.get(i).id()
                        + "', expected '" + gold.get(i).id() + "'");
            }
        }
        List<String> notes = new ArrayList<>();
        double scale = commonScale(gold, notes);
        Metrics metrics = metrics(gold, predicted, notes);
        Breakdowns breakdowns = new Breakdowns(gold, predicted);
        int skippedRows = skipped.stream().mapToInt(Skipped::rows).sum();
        Metrics withoutExamples = null;
        if (predicted.stream().anyMatch(p -> p.referenceScore() != null)) {
            List<Prediction> reference = predicted.stream().map(p -> new Prediction(p.id(), p.question(),
                    p.scoreWithoutExamples(), p.verdict(), p.misconceptions(), p.keyPoints(), p.needsReview()))
                    .toList();
            Metrics m = metrics(gold, reference, new ArrayList<>());
            // verdicts are not graded again without the examples: no accuracy of their own
            withoutExamples = new Metrics(m.n(), m.pearson(), m.spearman(), m.qwk(), m.rmse(), m.mae(),
                    m.rmseCalibrated(), m.maeCalibrated(), 0, Double.NaN, Double.NaN);
        }
        return new EvaluationResult(rubricId, gold.size() + skippedRows, gold.size(), scale, metrics,
                breakdowns.misconceptions(), ReviewAgreement.of(gold, predicted), breakdowns.perQuestion(),
                breakdowns.perKind(), breakdowns.perLabel(), skipped, notes, withoutExamples);
    }

    static Metrics metrics(List<GoldAnswer> gold, List<Prediction> predicted, List<String> notes) {
        int n = gold.size();
        double[] goldFraction = new double[n];
        double[] score = new double[n];
        double[] goldUnits = new double[n];
        double[] predictedUnits = new double[n];
        double[] scale = new double[n];
        String[] questions = new String[n];
        for (int i = 0; i < n; i++) {
            GoldAnswer g = gold.get(i);
            goldFraction[i] = g.fraction();
            score[i] = predicted.get(i).score();
            goldUnits[i] = g.score();
            predictedUnits[i] = score[i] * g.scale();
            scale[i] = g.scale();
            questions[i] = g.question();
        }
        double pearson = Correlation.pearson(score, goldFraction);
        double spearman = Correlation.spearman(score, goldFraction);
        explainCorrelation(n, score, goldFraction, notes);

        double qwk = Double.NaN;
        if (n > 0) {
            ScoreGrid grid = ScoreGrid.of(goldUnits);
            int[] goldGrade = Arrays.stream(goldUnits).mapToInt(grid::snap).toArray();
            int[] predictedGrade = Arrays.stream(predictedUnits).mapToInt(grid::snap).toArray();
            qwk = Kappa.quadraticWeighted(goldGrade, predictedGrade, grid.size());
            if (grid.size() < 2) {
                notes.add("qwk: n/a (every gold grade is the same, so there are no grades to disagree on)");
            }
        }

        double[] calibrated = n == 0 ? null
                : Calibration.crossValidated(predictedUnits, goldUnits, scale, questions, Calibration.DEFAULT_FOLDS);
        if (n > 0 && calibrated == null) {
            notes.add("rmseCalibrated, maeCalibrated: n/a (cross-validation over questions needs answers to at "
                    + "least 2 questions)");
        } else if (calibrated != null && n < FEW_FOR_CALIBRATION) {
            notes.add("rmseCalibrated, maeCalibrated: rough (each held-out line is fitted on a few of only " + n
                    + " answers)");
        }

        Labels labels = labels(gold, predicted, notes);
        return new Metrics(n, pearson, spearman, qwk, Errors.rmse(predictedUnits, goldUnits),
                Errors.mae(predictedUnits, goldUnits),
                calibrated == null ? Double.NaN : Errors.rmse(calibrated, goldUnits),
                calibrated == null ? Double.NaN : Errors.mae(calibrated, goldUnits),
                labels.gold.size(), Classification.accuracy(labels.gold, labels.predicted),
                Classification.macroF1(labels.gold, labels.predicted));
    }

    /** Gold classes and predicted verdicts (mapped to the nearest gold class) of answers with a known label. */
    private record Labels(List<Verdict> gold, List<Verdict> predicted) {
    }

    private static Labels labels(List<GoldAnswer> gold, List<Prediction> predicted, List<String> notes) {
        List<Verdict> goldClasses = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        int unknownRows = 0;
        boolean anyLabel = false;
        for (int i = 0; i < gold.size(); i++) {
            String label = gold.get(i).label();
            anyLabel |= label != null;
            Verdict v = GoldLabels.toVerdict(label);
            if (v != null) {
                goldClasses.add(v);
                verdicts.add(predicted.get(i).verdict());
            } else if (label != null) {
                unknownRows++;
                unknown.add(label);
            }
        }
        if (!anyLabel) {
            notes.add("accuracy, macroF1: n/a (gold has no labels)");
        } else if (unknownRows > 0) {
            notes.add(unknownRows + " answer(s) with labels other than correct, partial, incorrect or contradictory "
                    + "are left out of accuracy and macroF1: " + String.join(", ", unknown));
        }
        if (goldClasses.isEmpty()) {
            return new Labels(List.of(), List.of());
        }
        Set<Verdict> classes = EnumSet.copyOf(goldClasses);
        TreeMap<String, Integer> remapped = new TreeMap<>();
        List<Verdict> mapped = new ArrayList<>();
        for (Verdict v : verdicts) {
            Verdict m = GoldLabels.nearest(v, classes);
            if (m != v) {
                remapped.merge(v.label() + " -> " + m.label(), 1, Integer::sum);
            }
            mapped.add(m);
        }
        if (!remapped.isEmpty()) {
            List<String> parts = new ArrayList<>();
            remapped.forEach((mapping, count) -> parts.add(mapping + " (" + count + ")"));
            notes.add("verdicts the gold labels do not use count as the nearest gold class: " + String.join(", ", parts));
        }
        return new Labels(goldClasses, mapped);
    }

    private static void explainCorrelation(int n, double[] score, double[] goldFraction, List<String> notes) {
        String why;
        if (n < 2) {
            why = "fewer than 2 graded answers";
        } else if (constant(goldFraction)) {
            why = "every gold grade is the same";
        } else if (constant(score)) {
            why = "every predicted score is the same";
        } else {
            return;
        }
        notes.add("pearson, spearman: n/a (" + why + ")");
    }

    private static boolean constant(double[] values) {
        return Arrays.stream(values).distinct().count() < 2;
    }

    private static double commonScale(List<GoldAnswer> gold, List<String> notes) {
        double[] scales = gold.stream().mapToDouble(GoldAnswer::scale).distinct().toArray();
        if (scales.length == 1) {
            return scales[0];
        }
        if (scales.length > 1) {
            notes.add(String.format(Locale.ROOT, "gold answers use %d different scales; rmse and mae are in each "
                    + "answer's own units", scales.length));
        }
        return Double.NaN;
    }
}
