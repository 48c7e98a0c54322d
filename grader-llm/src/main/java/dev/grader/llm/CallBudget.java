package dev.grader.llm;

import dev.grader.Api;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A limit on requests sent to models in one run ({@code --max-calls}), shared by every LLM judge of the run.
 * Every request counts, retries and repair attempts included; cache hits do not. When it is spent, judges fall
 * back to the offline judge and say so in the report.
 *
 * <p>Thread-safe.
 */
@Api(status = Api.Status.STABLE)
public final class CallBudget {

    private final int limit;
    private final AtomicInteger used = new AtomicInteger();

    private CallBudget(int limit) {
        this.limit = limit;
    }

    /** No limit. */
    public static CallBudget unlimited() {
        return new CallBudget(Integer.MAX_VALUE);
    }

    /**
     * @param maxCalls requests allowed, at least 0
     */
    public static CallBudget of(int maxCalls) {
        if (maxCalls < 0) {
            throw new IllegalArgumentException("maxCalls must be at least 0, found " + maxCalls);
        }
        return new CallBudget(maxCalls);
    }

    /** Takes one request from the budget; false when none is left. */
    public boolean tryAcquire() {
        while (true) {
            int n = used.get();
            if (n >= limit) {
                return false;
            }
            if (used.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public int limit() {
        return limit;
    }

    public int used() {
        return used.get();
    }

    public boolean unlimitedBudget() {
        return limit == Integer.MAX_VALUE;
    }
}
