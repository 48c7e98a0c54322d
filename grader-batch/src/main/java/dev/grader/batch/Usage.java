package dev.grader.batch;

import dev.grader.JudgeTrace;

/**
 * Judge usage summed over answers: what a batch cost. Sums {@link JudgeTrace} counters; notes are left out (they
 * stay in each answer's report) and fallbacks are counted.
 *
 * @param answers          answers graded
 * @param llmCalls         requests sent to a model
 * @param cacheHits        model replies served from a cache
 * @param callsSaved       calls a policy avoided
 * @param promptTokens     input tokens
 * @param completionTokens output tokens
 * @param costUsd          estimated cost
 * @param fallbacks        answers the offline judge decided because the configured model could not
 */
record Usage(int answers, int llmCalls, int cacheHits, int callsSaved, long promptTokens, long completionTokens,
             double costUsd, int fallbacks) {

    static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0, 0);

    static Usage of(JudgeTrace t) {
        JudgeTrace trace = t == null ? JudgeTrace.NONE : t;
        return new Usage(1, trace.llmCalls(), trace.cacheHits(), trace.callsSaved(), trace.promptTokens(),
                trace.completionTokens(), trace.costUsd(), trace.fallback() == null ? 0 : 1);
    }

    Usage plus(Usage o) {
        return new Usage(answers + o.answers, llmCalls + o.llmCalls, cacheHits + o.cacheHits,
                callsSaved + o.callsSaved, promptTokens + o.promptTokens, completionTokens + o.completionTokens,
                Numbers.round(costUsd + o.costUsd, 6), fallbacks + o.fallbacks);
    }
}
