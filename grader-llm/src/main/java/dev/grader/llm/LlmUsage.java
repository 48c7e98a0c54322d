package dev.grader.llm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What a run really spent, as opposed to what its reports record: reports give the calls and tokens behind each
 * verdict (the same on a cache hit, so a regrade is byte-identical), this meter counts the requests actually
 * sent and the cache hits. Share one instance between the judges of a run and print {@link #summary()} at the
 * end.
 *
 * <p>Thread-safe. Status: stable.
 */
public final class LlmUsage {

    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final DoubleAdder costUsd = new DoubleAdder();

    void answer() {
        answers.incrementAndGet();
    }

    void requests(int n, long prompt, long completion, double cost) {
        requests.addAndGet(n);
        promptTokens.addAndGet(prompt);
        completionTokens.addAndGet(completion);
        costUsd.add(cost);
    }

    void cacheHit() {
        cacheHits.incrementAndGet();
    }

    void fallback() {
        fallbacks.incrementAndGet();
    }

    /** Answers the LLM judges were asked about. */
    public long answers() {
        return answers.get();
    }

    /** Requests sent to a model, retries and repairs included. */
    public long requests() {
        return requests.get();
    }

    /** Answers served from the cache without a request. */
    public long cacheHits() {
        return cacheHits.get();
    }

    public long promptTokens() {
        return promptTokens.get();
    }

    public long completionTokens() {
        return completionTokens.get();
    }

    /** Estimated cost of the requests sent, from the price table. */
    public double costUsd() {
        return costUsd.sum();
    }

    /** Answers the offline judge decided because the model could not. */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** One line: {@code LLM: 40 answers, 12 requests, 28 from cache, 9,120 + 1,450 tokens, ~$0.0023, 0 fallbacks}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "LLM: %,d answer(s), %,d request(s), %,d from cache, "
                        + "%,d input + %,d output tokens, ~$%.4f, %,d fallback(s) to the offline judge",
                answers(), requests(), cacheHits(), promptTokens(), completionTokens(), costUsd(), fallbacks());
    }
}
