package dev.grader.examples;

import dev.grader.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An answer a person has already graded: the evidence grading by example learns from.
 *
 * @param id         the example's id as written, or {@code line N} when the file gives none
 * @param questionId the rubric question it answers
 * @param answer     the answer as written
 * @param score      the grade, 0..{@code scale}
 * @param scale      the scale of the grade ({@code 5} for "4 of 5")
 * @param kind       the kind of answer when the file says (full, partial, misconception, ...), or null
 * @param misconceptions the misconceptions a person noted in the answer (their words or rubric ids; empty: none),
 *                   or null when the file does not say
 */
@Api(status = Api.Status.EXPERIMENTAL)
// Serializable: platforms ship examples to their workers (grader-spark broadcasts them).
public record GradedExample(String id, String questionId, String answer, double score, double scale, String kind,
                            List<String> misconceptions) implements java.io.Serializable {

    /** Kinds of answer that state something false (the {@code eval} gold kinds, and SemEval's label). */
    private static final Set<String> WRONG_KINDS = Set.of("misconception", "wrong", "negated", "mixed", "confused",
            "contradictory");
    /** Kinds of answer that state nothing false, however incomplete. */
    private static final Set<String> CLEAN_KINDS = Set.of("full", "paraphrase", "partial", "terse", "typos",
            "verbose", "hedging", "keyword-stuffing", "off-topic", "restatement", "empty", "correct",
            "partially_correct_incomplete", "irrelevant", "non_domain");

    /** An example whose file says nothing of misconceptions. */
    public GradedExample(String id, String questionId, String answer, double score, double scale, String kind) {
        this(id, questionId, answer, score, scale, kind, null);
    }

    public GradedExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(answer, "answer");
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be a positive number, found " + scale);
        }
        if (!(score >= 0 && score <= scale)) {
            throw new IllegalArgumentException("score must be in 0.." + scale + ", found " + score);
        }
        misconceptions = misconceptions == null ? null : List.copyOf(misconceptions);
    }

    /**
     * Whether a person found the answer states something false: from its noted misconceptions when the file
     * gives them, else from its kind when that is one grader knows; empty when the file does not say.
     */
    public Optional<Boolean> statesMisconception() {
        if (misconceptions != null) {
            return Optional.of(!misconceptions.isEmpty());
        }
        if (kind == null) {
            return Optional.empty();
        }
        String k = kind.strip().toLowerCase(java.util.Locale.ROOT);
        return WRONG_KINDS.contains(k) ? Optional.of(true) : CLEAN_KINDS.contains(k) ? Optional.of(false)
                : Optional.empty();
    }

    /** The grade as a share of full credit, 0..1. */
    public double fraction() {
        return score / scale;
    }
}
