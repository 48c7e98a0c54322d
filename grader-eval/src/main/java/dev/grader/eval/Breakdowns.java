package dev.grader.eval;

import dev.grader.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Per-question, per-kind and per-label tables, and misconception agreement, over graded gold answers. */
final class Breakdowns {

    private final List<GoldAnswer> gold;
    private final List<Prediction> predicted;

    Breakdowns(List<GoldAnswer> gold, List<Prediction> predicted) {
        this.gold = gold;
        this.predicted = predicted;
    }

    List<QuestionBreakdown> perQuestion() {
        List<QuestionBreakdown> rows = new ArrayList<>();
        groups(GoldAnswer::question).forEach((question, members) -> {
            double[] goldFractions = members.stream().mapToDouble(i -> gold.get(i).fraction()).toArray();
            double[] scores = members.stream().mapToDouble(i -> predicted.get(i).score()).toArray();
            rows.add(new QuestionBreakdown(question, members.size(), Correlation.mean(goldFractions),
                    Correlation.mean(scores), Correlation.pearson(scores, goldFractions)));
        });
        return rows;
    }

    List<KindBreakdown> perKind() {
        List<KindBreakdown> rows = new ArrayList<>();
        groups(GoldAnswer::kind).forEach((kind, members) -> {
            double[] scores = members.stream().mapToDouble(i -> predicted.get(i).score()).toArray();
            long reported = members.stream().filter(i -> !predicted.get(i).misconceptions().isEmpty()).count();
            double[] goldFractions = members.stream().mapToDouble(i -> gold.get(i).fraction()).toArray();
            rows.add(new KindBreakdown(kind, members.size(), Correlation.mean(scores),
                    Arrays.stream(scores).max().orElseThrow(), Correlation.mean(goldFractions),
                    reported / (double) members.size()));
        });
        return rows;
    }

    List<LabelBreakdown> perLabel() {
        // "Correct" and "correct " are one label; the first spelling seen names it.
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<Integer>> byKey = groups(g -> {
            if (g.label() == null) {
                return null;
            }
            String key = g.label().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            spelling.putIfAbsent(key, g.label());
            return key;
        });
        List<LabelBreakdown> rows = new ArrayList<>();
        byKey.forEach((key, members) -> {
            Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
            int flagged = 0;
            for (int i : members) {
                verdicts.merge(predicted.get(i).verdict(), 1, Integer::sum);
                flagged += predicted.get(i).flagged() ? 1 : 0;
            }
            double[] scores = members.stream().mapToDouble(i -> predicted.get(i).score()).toArray();
            double[] goldFractions = members.stream().mapToDouble(i -> gold.get(i).fraction()).toArray();
            rows.add(new LabelBreakdown(spelling.get(key), members.size(), Correlation.mean(scores),
                    Correlation.mean(goldFractions), verdicts, flagged / (double) members.size()));
        });
        return rows;
    }

    /** {@code null} when no gold answer carries misconception notes. */
    MisconceptionAgreement misconceptions() {
        int stated = 0;
        int statedReported = 0;
        int clean = 0;
        int cleanReported = 0;
        for (int i = 0; i < gold.size(); i++) {
            List<String> notes = gold.get(i).misconceptions();
            if (notes == null) {
                continue;
            }
            boolean reported = !predicted.get(i).misconceptions().isEmpty();
            if (notes.isEmpty()) {
                clean++;
                cleanReported += reported ? 1 : 0;
            } else {
                stated++;
                statedReported += reported ? 1 : 0;
            }
        }
        return stated + clean == 0 ? null : MisconceptionAgreement.of(stated, statedReported, clean, cleanReported);
    }

    /** Row indices by key, keys in order of first appearance; rows whose key is {@code null} are left out. */
    private Map<String, List<Integer>> groups(Function<GoldAnswer, String> key) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            String k = key.apply(gold.get(i));
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        return groups;
    }
}
