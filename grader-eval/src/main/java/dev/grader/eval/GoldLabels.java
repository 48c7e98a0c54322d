package dev.grader.eval;

import dev.grader.Api;
import dev.grader.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps human labels onto grader verdicts, and grader verdicts onto the classes a dataset actually uses.
 *
 * <ul>
 *   <li>Gold labels, case-insensitively: SemEval {@code correct / incorrect / contradictory}, SAF
 *       {@code Correct / Partially correct / Incorrect}, and the verdict names themselves.</li>
 *   <li>A predicted verdict the gold never uses goes to the nearest class it does use: {@code partial} →
 *       {@code incorrect} for SemEval (its non-correct answers all score 0), {@code contradictory} →
 *       {@code incorrect} for SAF.</li>
 * </ul>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GoldLabels {

    private static final Map<String, Verdict> LABELS = Map.of(
            "correct", Verdict.CORRECT,
            "partially correct", Verdict.PARTIAL,
            "partially_correct", Verdict.PARTIAL,
            "partial", Verdict.PARTIAL,
            "incorrect", Verdict.INCORRECT,
            "contradictory", Verdict.CONTRADICTORY);

    /** For each verdict, the classes to fall back to, nearest first. */
    private static final Map<Verdict, List<Verdict>> NEAREST = Map.of(
            Verdict.CORRECT, List.of(Verdict.CORRECT, Verdict.PARTIAL, Verdict.INCORRECT, Verdict.CONTRADICTORY),
            Verdict.PARTIAL, List.of(Verdict.PARTIAL, Verdict.INCORRECT, Verdict.CORRECT, Verdict.CONTRADICTORY),
            Verdict.INCORRECT, List.of(Verdict.INCORRECT, Verdict.CONTRADICTORY, Verdict.PARTIAL, Verdict.CORRECT),
            Verdict.CONTRADICTORY, List.of(Verdict.CONTRADICTORY, Verdict.INCORRECT, Verdict.PARTIAL,
                    Verdict.CORRECT));

    private GoldLabels() {
    }

    /** The verdict a human label stands for, or {@code null} when the label is none of the known ones. */
    public static Verdict toVerdict(String label) {
        if (label == null) {
            return null;
        }
        return LABELS.get(label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    /**
     * The class among {@code goldClasses} a predicted verdict counts as.
     *
     * @throws IllegalArgumentException if {@code goldClasses} is empty
     */
    public static Verdict nearest(Verdict predicted, Set<Verdict> goldClasses) {
        for (Verdict candidate : NEAREST.get(predicted)) {
            if (goldClasses.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("goldClasses must not be empty");
    }
}
