package dev.grader.examples;

import dev.grader.Api;
import dev.grader.judge.SentenceEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which answers of one question a person should grade first, so that the graded examples cover the cohort: the
 * most typical answer, then each time the answer farthest from all chosen so far (farthest-point sampling over
 * sentence embeddings, the seeding of k-means++ without its randomness), and a quarter of the picks for the
 * answers the judge is least sure of.
 *
 * <p>Deterministic: ties go to the earlier answer.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ExamplePicker {

    private ExamplePicker() {
    }

    /**
     * @param answers     the answers of one question (blank ones are never picked)
     * @param unsure      per answer, how unsure the judge is (0 sure .. 1), or null
     * @param n           how many to pick
     * @param encoder     sentence encoder, or null to compare words
     * @return the indices of the picked answers, in pick order
     */
    public static List<Integer> pick(List<String> answers, double[] unsure, int n, SentenceEncoder encoder) {
        Objects.requireNonNull(answers, "answers");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, found " + n);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (!answers.get(i).isBlank()) {
                candidates.add(i);
            }
        }
        if (candidates.size() <= n) {
            return candidates;
        }
        List<GradedExample> asExamples = new ArrayList<>();
        for (int i : candidates) {
            asExamples.add(new GradedExample("answer " + i, "q", answers.get(i), 0, 1, null));
        }
        ExampleIndex index = new ExampleIndex(asExamples, encoder);
        int byUncertainty = unsure == null ? 0 : n / 4;
        List<Integer> chosen = new ArrayList<>(); // positions in candidates
        double[] nearestChosen = new double[candidates.size()];
        java.util.Arrays.fill(nearestChosen, Double.NEGATIVE_INFINITY);
        // the most typical: highest mean similarity to the others
        int typical = 0;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            double sum = 0;
            for (int j = 0; j < candidates.size(); j++) {
                if (i != j) {
                    sum += index.similarity(index.vectorOf(i), j);
                }
            }
            if (sum > bestMean) {
                bestMean = sum;
                typical = i;
            }
        }
        add(index, chosen, nearestChosen, typical);
        while (chosen.size() < n - byUncertainty) {
            int far = -1;
            double farthest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                if (!chosen.contains(i) && nearestChosen[i] < farthest) {
                    farthest = nearestChosen[i];
                    far = i;
                }
            }
            add(index, chosen, nearestChosen, far);
        }
        while (chosen.size() < n) {
            int least = -1;
            for (int i = 0; i < candidates.size(); i++) {
                if (!chosen.contains(i) && (least < 0 || unsure[candidates.get(i)] > unsure[candidates.get(least)])) {
                    least = i;
                }
            }
            chosen.add(least);
        }
        return chosen.stream().map(candidates::get).toList();
    }

    private static void add(ExampleIndex index, List<Integer> chosen, double[] nearestChosen, int pick) {
        chosen.add(pick);
        Object v = index.vectorOf(pick);
        for (int i = 0; i < nearestChosen.length; i++) {
            nearestChosen[i] = Math.max(nearestChosen[i], index.similarity(v, i));
        }
    }
}
