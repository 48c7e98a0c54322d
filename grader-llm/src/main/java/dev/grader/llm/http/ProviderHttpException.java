package dev.grader.llm.http;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx response from a model server. LangChain4j maps it to {@code RateLimitException},
 * {@code InternalServerException}, ... by status code and keeps it as the root cause, so the retry logic can
 * still read the server's {@code Retry-After}.
 */
public final class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    public ProviderHttpException(int statusCode, String message, Duration retryAfter) {
        super(statusCode, message);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked the client to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
