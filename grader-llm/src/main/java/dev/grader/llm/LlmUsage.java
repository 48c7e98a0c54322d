package dev.grader.llm;

import dev.grader.Api;
import dev.grader.report.Dollars;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What a run really spent, as opposed to what its reports record: reports give the calls and tokens behind each
 * verdict (the same on a cache hit, so a regrade is byte-identical), this meter counts the requests actually
 * sent and the cache hits. Share one instance between the judges of a run and print {@link #summary()} at the
 * end.
 *
 * <p>Thread-safe.
 */
@Api(status = Api.Status.STABLE)
public final class LlmUsage {

    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final DoubleAdder costUsd = new DoubleAdder();
    private final java.util.Set<String> unpriced = new java.util.concurrent.ConcurrentSkipListSet<>();

    /** A meter at zero. */
    public LlmUsage() {
    }

    void answer() {
        answers.incrementAndGet();
    }

    void requests(int n, long prompt, long completion, double cost) {
        requests.addAndGet(n);
        promptTokens.addAndGet(prompt);
        completionTokens.addAndGet(completion);
        costUsd.add(cost);
    }

    /** A request went to a model without a price: the cost shown leaves it out. */
    void unpriced(String model) {
        unpriced.add(model);
    }

    /** Models that were sent requests but have no price, in name order. */
    public java.util.List<String> unpricedModels() {
        return java.util.List.copyOf(unpriced);
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

    /**
     * One line: {@code LLM: 40 answers, 12 requests, 28 from cache, 9,120 + 1,450 tokens, ~$0.0023, 0 fallbacks};
     * the cost says which models it leaves out for want of a price.
     */
    public String summary() {
        String cost = "~" + Dollars.format(costUsd());
        if (!unpriced.isEmpty()) {
            String models = unpriced.stream().map(m -> "'" + m + "'").collect(java.util.stream.Collectors.joining(", "));
            cost = costUsd() > 0 ? cost + " (no price for " + models + ")"
                    : "cost unknown (no price for " + models + ")";
        }
        return String.format(java.util.Locale.ROOT, "LLM: %,d answer(s), %,d request(s), %,d from cache, "
                        + "%,d input + %,d output tokens, %s, %,d fallback(s) to the offline judge",
                answers(), requests(), cacheHits(), promptTokens(), completionTokens(), cost, fallbacks());
    }
}
