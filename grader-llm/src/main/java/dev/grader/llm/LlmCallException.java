package dev.grader.llm;

/**
 * A request that did not yield a reply after retries: the judge falls back to the offline judge with
 * {@link #getMessage()} as the reason. Messages never contain keys or server bodies.
 */
final class LlmCallException extends RuntimeException {

    private final int requests;

    LlmCallException(String reason, int requests, Throwable cause) {
        super(reason, cause);
        this.requests = requests;
    }

    /** Requests sent before giving up (they cost, so they are reported). */
    int requests() {
        return requests;
    }
}
