package dev.grader.eval;

import dev.grader.Api;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Assigns rows to cross-validation folds by group, so that all answers to one question land in the same fold
 * and a calibration is never tested on a question it was fitted on.
 *
 * <p>Deterministic: the distinct groups are sorted and dealt round-robin ({@code fold = rank mod k}), so the
 * assignment depends only on the set of group names, never on row order, hashing or a random seed. With fewer
 * groups than {@code k}, each group is its own fold (leave one group out).
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GroupKFold {

    private GroupKFold() {
    }

    /**
     * The fold of each row, {@code 0..folds(groups, k) - 1}.
     *
     * @param groups the group of each row
     * @param k      the number of folds wanted, at least 2
     */
    public static int[] assign(String[] groups, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, found " + k);
        }
        Map<String, Integer> foldOf = new HashMap<>();
        int rank = 0;
        for (String group : new TreeSet<>(Arrays.asList(groups))) {
            foldOf.put(group, rank++ % k);
        }
        int[] folds = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            folds[i] = foldOf.get(groups[i]);
        }
        return folds;
    }

    /** How many folds {@link #assign} uses: {@code k}, or the number of distinct groups when smaller. */
    public static int folds(String[] groups, int k) {
        return Math.min(k, (int) Arrays.stream(groups).distinct().count());
    }
}
