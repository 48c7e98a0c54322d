package dev.grader.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.GradeReport;
import java.util.List;
import java.util.Objects;

/**
 * One candidate's graded submission: what {@code candidates/NAME.json} holds and every report is rendered from.
 * The fingerprint comes first so that a rerun can read it without parsing the rest.
 *
 * @param fingerprint what the result depends on (see {@link Fingerprint}); equal means up to date
 * @param format      {@link #FORMAT}
 * @param candidate   the name shown in reports: the candidate id, or the pseudonym under anonymization
 * @param file        the base name of the candidate's files in {@code candidates/}
 * @param id          the candidate id; null under anonymization (where the submission came from is in
 *                    {@code summary.json}, or in the anonymization map: a path may name the candidate)
 * @param rubric      the rubric id
 * @param totals      the candidate's total over every question of the rubric
 * @param usage       judge usage summed over the candidate's answers
 * @param notes       how the submission was read (text before the first heading, unknown questions, ...)
 * @param questions   one entry per rubric question, in rubric order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CandidateResult(
        String fingerprint,
        String format,
        String candidate,
        String file,
        String id,
        String rubric,
        Totals totals,
        Usage usage,
        List<String> notes,
        List<QuestionResult> questions) {

    static final String FORMAT = "grader-batch-candidate/1";

    CandidateResult {
        Objects.requireNonNull(fingerprint, "fingerprint");
        notes = notes == null ? List.of() : List.copyOf(notes);
        questions = List.copyOf(questions);
    }

    /** Status of a question that the submission answers. */
    static final String GRADED = "graded";
    /** Status of a question without an answer: it counts 0 in the total and is marked, not graded. */
    static final String UNANSWERED = "unanswered";
    /**
     * Status of an answer whose grading failed (grader's fault, not the candidate's): it counts neither in the
     * total nor in the maximum, and the run says so.
     */
    static final String FAILED = "failed";

    /**
     * The result on one question.
     *
     * @param question the question id
     * @param prompt   the question as asked
     * @param status   {@link #GRADED}, {@link #UNANSWERED} or {@link #FAILED}
     * @param answer   the answer as graded, null when unanswered
     * @param report   the grade, null when unanswered or failed
     * @param reason   why grading failed, else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuestionResult(String question, String prompt, String status, String answer, GradeReport report,
                          String reason) {

        QuestionResult(String question, String prompt, String status, String answer, GradeReport report) {
            this(question, prompt, status, answer, report, null);
        }

        boolean failed() {
            return FAILED.equals(status);
        }

        boolean answered() {
            return report != null;
        }

        /** The question's score, 0 when unanswered. */
        double score() {
            return report == null ? 0 : report.score();
        }
    }

    /**
     * A candidate's total. Every question weighs the same: its score (0..1) adds to {@code score}.
     *
     * @param score       the sum of question scores, unanswered ones counting 0
     * @param max         the number of questions assigned, less those whose grading failed
     * @param percent     {@code 100 * score / max}, one decimal
     * @param answered    questions answered
     * @param unanswered  questions without an answer
     * @param needsReview answers a human should look at
     */
    record Totals(double score, int max, double percent, int answered, int unanswered, int needsReview) {

        static Totals of(List<QuestionResult> questions) {
            double sum = 0;
            int answered = 0;
            int review = 0;
            int failed = 0;
            for (QuestionResult q : questions) {
                sum += q.score();
                if (q.failed()) {
                    failed++;
                }
                if (q.answered()) {
                    answered++;
                    if (q.report().needsReview()) {
                        review++;
                    }
                }
            }
            int max = questions.size() - failed;
            double score = Numbers.round(sum, 4);
            return new Totals(score, max, max == 0 ? 0 : Numbers.round(100 * score / max, 1), answered,
                    max - answered, review);
        }
    }
}
