package dev.grader;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * What an assessment cost and how it was reached: model calls, cache hits, tokens, fallbacks.
 *
 * @param llmCalls         requests sent to a model (retries included)
 * @param cacheHits        model replies served from the cache
 * @param callsSaved       calls a policy avoided (escalate: answers the offline judge settled alone)
 * @param promptTokens     input tokens reported by the provider
 * @param completionTokens output tokens reported by the provider
 * @param costUsd          estimated cost from the configured price table
 * @param fallback         why the offline judge decided instead of the configured model, or {@code null}
 * @param rejectedQuotes   points downgraded because their quote was not in the answer
 * @param unknownIds       ids in a model reply that the rubric does not have
 * @param duplicateIds     entries of a model reply that repeat an id given earlier in it (the first one counts);
 *                         left out of JSON when 0
 * @param disagreements    points on which consensus samples disagreed
 * @param notes            other remarks worth a reviewer's attention
 * @param review           what a person must check before trusting this assessment, in words (a model's quote
 *                         that is not in the answer or does not state its point, ...); left out of JSON when empty
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeTrace(
        int llmCalls,
        int cacheHits,
        int callsSaved,
        long promptTokens,
        long completionTokens,
        double costUsd,
        String fallback,
        int rejectedQuotes,
        int unknownIds,
        // absent from reports written before it existed, and from JSON when 0
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) int duplicateIds,
        int disagreements,
        List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> review) {

    /** Nothing happened beyond offline matching. */
    public static final JudgeTrace NONE = new JudgeTrace(0, 0, 0, 0, 0, 0, null, 0, 0, 0, List.of());

    @JsonCreator // the canonical constructor, not the convenience ones below
    public JudgeTrace {
        notes = notes == null ? List.of() : List.copyOf(notes);
        review = review == null ? List.of() : List.copyOf(review);
    }

    /** A trace that asks for no review. */
    public JudgeTrace(int llmCalls, int cacheHits, int callsSaved, long promptTokens, long completionTokens,
                      double costUsd, String fallback, int rejectedQuotes, int unknownIds, int duplicateIds,
                      int disagreements, List<String> notes) {
        this(llmCalls, cacheHits, callsSaved, promptTokens, completionTokens, costUsd, fallback, rejectedQuotes,
                unknownIds, duplicateIds, disagreements, notes, List.of());
    }

    /** A trace without duplicate ids. */
    public JudgeTrace(int llmCalls, int cacheHits, int callsSaved, long promptTokens, long completionTokens,
                      double costUsd, String fallback, int rejectedQuotes, int unknownIds, int disagreements,
                      List<String> notes) {
        this(llmCalls, cacheHits, callsSaved, promptTokens, completionTokens, costUsd, fallback, rejectedQuotes,
                unknownIds, 0, disagreements, notes);
    }

    /** Sums counters; keeps the first fallback reason; concatenates notes. */
    public JudgeTrace plus(JudgeTrace other) {
        List<String> allNotes = new java.util.ArrayList<>(notes);
        allNotes.addAll(other.notes);
        List<String> allReview = new java.util.ArrayList<>(review);
        allReview.addAll(other.review);
        return new JudgeTrace(llmCalls + other.llmCalls, cacheHits + other.cacheHits, callsSaved + other.callsSaved,
                promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                costUsd + other.costUsd, fallback != null ? fallback : other.fallback,
                rejectedQuotes + other.rejectedQuotes, unknownIds + other.unknownIds,
                duplicateIds + other.duplicateIds, disagreements + other.disagreements, allNotes, allReview);
    }

    /** The note a judge adds when it has no price for its model, so the reported cost (0) is not a real one. */
    public static String noPriceNote(String model) {
        return NO_PRICE + model + NO_PRICE_END;
    }

    /** The model whose cost is unknown (see {@link #noPriceNote}), if a note says so. */
    public java.util.Optional<String> unpricedModel() {
        return notes.stream().filter(n -> n.startsWith(NO_PRICE) && n.endsWith(NO_PRICE_END))
                .map(n -> n.substring(NO_PRICE.length(), n.length() - NO_PRICE_END.length())).findFirst();
    }

    private static final String NO_PRICE = "no price for model '";
    private static final String NO_PRICE_END = "': its cost is counted as 0";

    public JudgeTrace withFallback(String reason) {
        return new JudgeTrace(llmCalls, cacheHits, callsSaved, promptTokens, completionTokens, costUsd, reason,
                rejectedQuotes, unknownIds, duplicateIds, disagreements, notes, review);
    }
}
