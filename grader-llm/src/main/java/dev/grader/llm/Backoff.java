package dev.grader.llm;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between retries: exponential ({@code base * 2^attempt}, capped) with jitter (a random 50..100 % of
 * it), so that clients that failed together do not retry together; a server's {@code Retry-After} wins.
 * Thread-safe when its random generator is (the judge uses a {@link java.util.Random}).
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /**
     * @param attempt    0 for the wait before the first retry
     * @param retryAfter what the server asked for, or {@code null}
     */
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long exponential = base.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(exponential, cap.toMillis());
        long jittered = capped / 2 + (capped > 1 ? random.nextLong(capped / 2 + 1) : 0);
        return Duration.ofMillis(jittered);
    }
}
