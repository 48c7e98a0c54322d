package dev.grader.eval;

import dev.grader.Api;
import dev.grader.Verdict;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the grader treats the answers humans gave one label ({@code contradictory}, {@code Partially correct}, ...).
 *
 * @param label         the gold label as written in the file (first spelling seen)
 * @param n             graded answers with that label
 * @param meanPredicted mean predicted score
 * @param meanGold      mean gold fraction
 * @param verdicts      how many got each verdict, every verdict listed, in verdict order
 * @param flaggedShare  share flagged as wrong-headed: verdict {@code contradictory} or at least one misconception
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record LabelBreakdown(String label, int n, double meanPredicted, double meanGold, Map<Verdict, Integer> verdicts,
                             double flaggedShare) {

    public LabelBreakdown {
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            all.put(v, verdicts.getOrDefault(v, 0));
        }
        verdicts = Collections.unmodifiableMap(all);
    }
}
