package dev.grader.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One candidate of the cohort as the summaries list it: small enough to hold for every candidate (a few numbers
 * per question), unlike the full results, which stay on disk.
 *
 * @param file      the base name of the candidate's files
 * @param candidate the name reports show (the pseudonym under anonymization)
 * @param id        the candidate id; null under anonymization
 * @param source    the submission as given; null under anonymization
 * @param status    {@code graded}, {@code unreadable}, {@code failed} or {@code pending}
 * @param reason    why it is not graded, or null
 * @param scores    each question's score in rubric order, null for an unanswered question; empty when not graded
 * @param totals    the total, or null when not graded
 * @param rank      1 for the best; equal percentages share a rank; 0 when not graded
 */
record CohortRow(String file, String candidate, String id, String source, String status, String reason,
                 List<Double> scores, CandidateResult.Totals totals, int rank) {

    static final String GRADED = "graded";
    static final String UNREADABLE = "unreadable";
    static final String FAILED = "failed";
    static final String PENDING = "pending";

    CohortRow {
        // List.copyOf refuses the nulls that mark unanswered questions.
        scores = Collections.unmodifiableList(new ArrayList<>(scores));
    }

    boolean graded() {
        return totals != null;
    }

    CohortRow withRank(int rank) {
        return new CohortRow(file, candidate, id, source, status, reason, scores, totals, rank);
    }
}
