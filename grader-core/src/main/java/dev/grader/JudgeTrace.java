package dev.grader;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * What an assessment cost and how it was reached: model calls, cache hits, tokens, fallbacks.
 *
 * <p>Status: stable.
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
 */
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
        List<String> notes) {

    /** Nothing happened beyond offline matching. */
    public static final JudgeTrace NONE = new JudgeTrace(0, 0, 0, 0, 0, 0, null, 0, 0, 0, List.of());

    @JsonCreator // the canonical constructor, not the convenience one below
    public JudgeTrace {
        notes = notes == null ? List.of() : List.copyOf(notes);
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
        return new JudgeTrace(llmCalls + other.llmCalls, cacheHits + other.cacheHits, callsSaved + other.callsSaved,
                promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                costUsd + other.costUsd, fallback != null ? fallback : other.fallback,
                rejectedQuotes + other.rejectedQuotes, unknownIds + other.unknownIds,
                duplicateIds + other.duplicateIds, disagreements + other.disagreements, allNotes);
    }

    public JudgeTrace withFallback(String reason) {
        return new JudgeTrace(llmCalls, cacheHits, callsSaved, promptTokens, completionTokens, costUsd, reason,
                rejectedQuotes, unknownIds, duplicateIds, disagreements, notes);
    }
}
