package dev.grader.cli;

import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;

/** One-line counts of a rubric, for confirmations: "33 questions, 121 key points, ...". */
final class RubricSummary {

    private RubricSummary() {
    }

    static String of(Rubric rubric) {
        int keyPoints = 0;
        int misconceptions = 0;
        int followUps = 0;
        for (Question q : rubric.questions()) {
            keyPoints += q.keyPoints().size();
            misconceptions += q.misconceptions().size();
            followUps += q.followUps().size();
        }
        return count(rubric.questions().size(), "question") + ", " + count(keyPoints, "key point") + ", "
                + count(misconceptions, "misconception") + ", " + count(followUps, "follow-up");
    }

    /** {@code 1 error}, {@code 3 errors}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
