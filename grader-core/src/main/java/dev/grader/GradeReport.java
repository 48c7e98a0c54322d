package dev.grader;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.score.ScoringPolicy;
import java.util.List;
import java.util.Objects;

/**
 * The graded answer: score, verdict, per-key-point findings with quoted evidence, misconceptions, follow-up
 * probes and feedback. Same rubric, answer and judge settings give a byte-identical JSON report.
 *
 * <p>Renderers for text and Markdown live in {@code dev.grader.report}.
 *
 * @param question       the question id
 * @param prompt         the question as asked
 * @param score          0..1, {@code points / maxPoints}
 * @param points         points earned after penalties
 * @param maxPoints      points of a full answer
 * @param verdict        correct, partial, incorrect or contradictory
 * @param keyPoints      one result per graded key point, in rubric order
 * @param misconceptions misconceptions the answer states
 * @param errors         false claims the answer makes that the rubric does not list (left out of JSON when none)
 * @param examples       what answers already graded for the question say about this one (left out of JSON when
 *                       no examples were used)
 * @param followUps      what to ask next: the rubric's probes for weak points first, then generated ones
 * @param feedback       a short paragraph addressed to the candidate
 * @param needsReview    whether a human should look: text addressed to the grader, a truncated answer, a judge
 *                       fallback or disagreement, low confidence near the pass mark, an answer far longer than
 *                       the model answer or made of one- and two-word fragments, a mid-range score resting on
 *                       partial matches, key points both stated and contradicted ({@code Uncertainty}), a
 *                       suspected misconception, a list of terms, or a judge's evidence that does not hold
 * @param reviewReasons  why review is suggested
 * @param answer         facts about the graded answer (length, truncation, hash)
 * @param usage          calls, tokens, cost and fallbacks behind the verdicts
 * @param audit          rubric and engine fingerprints and judge settings
 */
@Api(status = Api.Status.STABLE)
public record GradeReport(
        String question,
        String prompt,
        double score,
        double points,
        double maxPoints,
        Verdict verdict,
        List<KeyPointResult> keyPoints,
        List<MisconceptionResult> misconceptions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WrongClaimResult> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) Assessment.ExampleVote examples,
        List<FollowUpProbe> followUps,
        String feedback,
        boolean needsReview,
        List<String> reviewReasons,
        AnswerInfo answer,
        JudgeTrace usage,
        Audit audit) {

    public GradeReport {
        Objects.requireNonNull(question, "question");
        keyPoints = List.copyOf(keyPoints);
        misconceptions = List.copyOf(misconceptions);
        errors = errors == null ? List.of() : List.copyOf(errors);
        followUps = List.copyOf(followUps);
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
    }

    /** A report of an answer with no false claim beyond the rubric's. */
    public GradeReport(String question, String prompt, double score, double points, double maxPoints,
                       Verdict verdict, List<KeyPointResult> keyPoints, List<MisconceptionResult> misconceptions,
                       List<FollowUpProbe> followUps, String feedback, boolean needsReview,
                       List<String> reviewReasons, AnswerInfo answer, JudgeTrace usage, Audit audit) {
        this(question, prompt, score, points, maxPoints, verdict, keyPoints, misconceptions, List.of(), null,
                followUps, feedback, needsReview, reviewReasons, answer, usage, audit);
    }

    /**
     * The finding on one key point.
     *
     * @param id         key point id
     * @param text       key point text
     * @param weight     its weight
     * @param status     covered, partial, missed or contradicted
     * @param confidence 0..1
     * @param judge      {@code offline} or {@code llm}
     * @param evidence   the quoted span, {@code null} when missed
     * @param reason     the judge's explanation, may be {@code null}
     * @param credit     share of the weight earned: 1 covered, 0 missed, the partial credit for a partial point,
     *                   minus the contradiction penalty for a contradicted one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyPointResult(String id, String text, double weight, PointStatus status, double confidence,
                                 String judge, Evidence evidence, String reason, Double credit) {

        /** A result without its credit (tests, renderers of older reports). */
        public KeyPointResult(String id, String text, double weight, PointStatus status, double confidence,
                              String judge, Evidence evidence, String reason) {
            this(id, text, weight, status, confidence, judge, evidence, reason, null);
        }
    }

    /**
     * A misconception the answer states.
     *
     * @param id         misconception id, or the key point id for a contradiction
     * @param text       the wrong claim
     * @param correction why it is wrong
     * @param source     {@code rubric} for a known misconception, {@code contradiction} for a key point the
     *                   answer states the opposite of
     * @param confidence 0..1
     * @param judge      which judge found it
     * @param evidence   the span stating it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MisconceptionResult(String id, String text, String correction, String source, double confidence,
                                      String judge, Evidence evidence) {
    }

    /**
     * A false claim the answer makes that no key point or misconception of the rubric covers.
     *
     * @param claim      what the answer claims
     * @param correction what is true instead
     * @param judge      which judge found it
     * @param evidence   the span of the answer that makes it
     */
    public record WrongClaimResult(String claim, String correction, String judge, Evidence evidence) {
    }

    /**
     * A question to ask next.
     *
     * @param id        the rubric follow-up id, or {@code null} for a generated probe
     * @param question  the question
     * @param answer    its model answer when the rubric has one
     * @param keyPoints the key points it probes
     * @param reason    why it is asked: {@code misconception} (the answer stated one; {@code answer} is its
     *                  correction), {@code contradicted}, {@code missed} or {@code partial}
     * @param origin    {@code rubric} or {@code generated}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FollowUpProbe(String id, String question, String answer, List<String> keyPoints, String reason,
                                String origin) {
        public FollowUpProbe {
            keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        }
    }

    /**
     * Facts about the answer that was graded.
     *
     * @param chars     length in chars of the answer as received
     * @param truncated whether only a prefix was graded (answers over the size limit)
     * @param sha256    hex SHA-256 of the answer as received (UTF-8)
     */
    public record AnswerInfo(int chars, boolean truncated, String sha256) {
    }

    /**
     * Where the verdicts came from.
     *
     * @param rubricId        the rubric's id
     * @param rubricSha256    SHA-256 of the rubric's canonical JSON
     * @param questionSha256  SHA-256 of the question's canonical JSON (changes when its rubric entry changes)
     * @param engineVersion   grader's version
     * @param judge           the judge and its settings
     * @param scoring         the scoring policy applied
     */
    public record Audit(String rubricId, String rubricSha256, String questionSha256, String engineVersion,
                        JudgeInfo judge, ScoringPolicy scoring) {
    }
}
