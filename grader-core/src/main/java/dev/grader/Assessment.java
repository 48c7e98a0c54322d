package dev.grader;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A judge's findings on one answer, before scoring.
 *
 * @param points         one entry per graded key point, in rubric order
 * @param misconceptions misconceptions the answer states (refuted ones are not listed)
 * @param probes         follow-up questions the judge wrote for missed or contradicted points (may be empty)
 * @param feedback       the judge's own feedback paragraph, or {@code null} to let the grader write one
 * @param trace          calls, tokens, cost and fallbacks behind this assessment
 * @param errors         false claims the answer makes that no key point or misconception of the rubric covers
 *                       (judges that can tell, such as a model, find them)
 * @param examples       what answers already graded for the question say about this one, or {@code null} when
 *                       no examples were used
 */
@Api(status = Api.Status.STABLE)
public record Assessment(
        List<Point> points,
        List<MisconceptionHit> misconceptions,
        List<GeneratedProbe> probes,
        String feedback,
        JudgeTrace trace,
        List<WrongClaim> errors,
        ExampleVote examples) {

    public Assessment {
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        probes = probes == null ? List.of() : List.copyOf(probes);
        trace = trace == null ? JudgeTrace.NONE : trace;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** An assessment that finds no wrong claim beyond the rubric's and uses no graded examples. */
    public Assessment(List<Point> points, List<MisconceptionHit> misconceptions, List<GeneratedProbe> probes,
                      String feedback, JudgeTrace trace) {
        this(points, misconceptions, probes, feedback, trace, List.of(), null);
    }

    /** An assessment that uses no graded examples. */
    public Assessment(List<Point> points, List<MisconceptionHit> misconceptions, List<GeneratedProbe> probes,
                      String feedback, JudgeTrace trace, List<WrongClaim> errors) {
        this(points, misconceptions, probes, feedback, trace, errors, null);
    }

    /** This assessment with what graded examples say. */
    public Assessment withExamples(ExampleVote vote) {
        return new Assessment(points, misconceptions, probes, feedback, trace, errors, vote);
    }

    /**
     * The verdict on one key point.
     *
     * @param keyPointId the key point
     * @param status     covered, partial, missed or contradicted
     * @param confidence how sure the judge is, 0..1
     * @param evidence   the supporting (or contradicting) span of the answer, {@code null} when missed
     * @param judge      which judge decided: {@code offline} or {@code llm}
     * @param reason     a short explanation, may be {@code null}
     * @param credit     for a {@code partial} point, how much of it the answer states (0..1); {@code null} lets
     *                   the scoring policy's flat partial credit apply. Ignored for other statuses.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String keyPointId, PointStatus status, double confidence, Evidence evidence, String judge,
                        String reason, Double credit) {
        public Point {
            Objects.requireNonNull(keyPointId, "keyPointId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(judge, "judge");
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in 0..1, found " + confidence);
            }
            if (credit != null && !(credit >= 0 && credit <= 1)) {
                throw new IllegalArgumentException("credit must be in 0..1, found " + credit);
            }
        }

        /** A point without a judge-specific partial credit. */
        public Point(String keyPointId, PointStatus status, double confidence, Evidence evidence, String judge,
                     String reason) {
            this(keyPointId, status, confidence, evidence, judge, reason, null);
        }
    }

    /**
     * A misconception the answer states.
     *
     * @param misconceptionId the misconception
     * @param confidence      0..1
     * @param evidence        the span stating it
     * @param judge           which judge decided
     */
    public record MisconceptionHit(String misconceptionId, double confidence, Evidence evidence, String judge) {

        /**
         * The confidence of a misconception the judge suspects but could not confirm: a {@link dev.grader.Grader}
         * does not score it but asks a person to look; an escalating policy asks another judge.
         */
        public static final double SUSPECTED = 0.4;

        /** Whether the judge only suspects the answer states it (confidence below 0.5). */
        public boolean suspected() {
            return confidence < 0.5;
        }

        public MisconceptionHit {
            Objects.requireNonNull(misconceptionId, "misconceptionId");
            Objects.requireNonNull(judge, "judge");
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in 0..1, found " + confidence);
            }
        }
    }

    /**
     * A false statement in the answer that the rubric does not list.
     *
     * @param claim      what the answer claims, in the judge's words
     * @param correction what is true instead
     * @param evidence   the span of the answer that makes the claim
     * @param judge      which judge found it
     */
    public record WrongClaim(String claim, String correction, Evidence evidence, String judge) {
        public WrongClaim {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(judge, "judge");
            correction = correction == null ? "" : correction;
        }
    }

    /**
     * What answers already graded for the same question say about this one.
     *
     * @param referenceScore the score the key points and misconceptions give, before examples
     * @param examplesScore  the similarity-weighted grade of the nearest examples, 0..1
     * @param adjustment     what the examples add to the score (negative lowers it): how far the reference-based
     *                       judge was off on the nearest examples, weighted by how near they are and by weights
     *                       fitted on the examples themselves
     * @param nearest        the nearest examples, nearest first
     * @param examplesSha256 which set of graded examples ({@link dev.grader.examples.GradedExamples#sha256()})
     */
    public record ExampleVote(double referenceScore, double examplesScore, double adjustment,
                              List<Neighbour> nearest, String examplesSha256) {
        public ExampleVote {
            nearest = nearest == null ? List.of() : List.copyOf(nearest);
        }
    }

    /**
     * A graded example near the answer.
     *
     * @param exampleId  the example's id ({@code line N} when its file gives none)
     * @param score      its grade as written
     * @param scale      the scale of that grade
     * @param similarity how near it is in meaning (cosine of sentence embeddings, or of word vectors), -1..1
     * @param answer     the example's answer
     */
    public record Neighbour(String exampleId, double score, double scale, double similarity, String answer) {
    }

    /**
     * A follow-up question a judge wrote for one key point.
     *
     * @param keyPointId the point it probes
     * @param question   the question
     */
    public record GeneratedProbe(String keyPointId, String question) {
    }
}
