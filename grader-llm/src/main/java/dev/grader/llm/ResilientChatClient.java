package dev.grader.llm;

import dev.grader.llm.http.ProviderHttpException;
import dev.grader.llm.http.ReplyFailureException;
import dev.grader.llm.http.ReplyTimeoutException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Sends requests the way a polite client should: at most {@code concurrency} at a time, each taken from the
 * run's {@link CallBudget}, retried on 429 and 5xx with {@link Backoff} (honouring {@code Retry-After}). A
 * timeout is not retried: the answer would most likely time out again, so it falls back at once.
 */
final class ResilientChatClient {

    /** Longest wait a {@code Retry-After} may impose; beyond it the request gives up and the judge falls back. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private final ChatClient client;
    private final Semaphore permits;
    private final CallBudget budget;
    private final int maxRetries;
    private final Backoff backoff;

    ResilientChatClient(ChatClient client, int concurrency, CallBudget budget, int maxRetries, Backoff backoff) {
        this.client = client;
        this.permits = new Semaphore(concurrency, true);
        this.budget = budget;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    /** A reply and the requests it took. */
    record Exchange(ChatReply reply, int requests) {
    }

    /**
     * @throws LlmCallException when the budget is spent, retries are exhausted, or the error is not retriable
     */
    Exchange send(ChatPrompt prompt) {
        int requests = 0;
        for (int attempt = 0; ; attempt++) {
            if (!budget.tryAcquire()) {
                throw new LlmCallException("call budget of " + budget.limit() + " requests exhausted", requests, null);
            }
            requests++;
            RuntimeException failure;
            try {
                permits.acquire();
                try {
                    return new Exchange(client.chat(prompt), requests);
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmCallException("interrupted", requests, e);
            } catch (RuntimeException e) {
                failure = e;
            }
            int status = statusCode(failure);
            if (isTimeout(failure)) {
                throw new LlmCallException(timeoutReason(failure), requests, failure);
            }
            boolean retriable = status == 429 || status >= 500 || failure instanceof RateLimitException
                    || failure instanceof InternalServerException;
            if (!retriable) {
                throw new LlmCallException(describe(failure, status), requests, failure);
            }
            if (attempt >= maxRetries) {
                throw new LlmCallException(describe(failure, status) + " after " + requests + " attempt(s)", requests,
                        failure);
            }
            Duration retryAfter = retryAfter(failure);
            if (retryAfter != null && retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
                throw new LlmCallException(describe(failure, status) + "; server asked to retry after "
                        + retryAfter.toSeconds() + " s", requests, failure);
            }
            sleep(backoff.delay(attempt, retryAfter), requests);
        }
    }

    private static void sleep(Duration d, int requests) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCallException("interrupted", requests, e);
        }
    }

    /** The HTTP status behind LangChain4j's exception, found in its cause chain; 0 when there is none. */
    static int statusCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpException http) {
                return http.statusCode();
            }
        }
        return 0;
    }

    private static Duration retryAfter(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ProviderHttpException p) {
                return p.retryAfter().orElse(null);
            }
        }
        return null;
    }

    static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof java.util.concurrent.TimeoutException
                    || c instanceof java.net.SocketTimeoutException
                    || c instanceof dev.langchain4j.exception.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String timeoutReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReplyTimeoutException) {
                return c.getMessage();
            }
        }
        return "model request timed out";
    }

    /**
     * A reason for the report in words: the status, or what went wrong with the connection or the reply; never a
     * server body (it may echo input) nor a Java class name.
     */
    static String describe(Throwable t, int status) {
        if (status > 0) {
            return "model server answered HTTP " + status + (status == 401 || status == 403
                    ? " (check the API key)" : status == 404 ? " (check the model name and base URL)" : "");
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReplyFailureException) {
                return c.getMessage();
            }
            if (c instanceof java.net.ConnectException) {
                return "cannot connect to the model server";
            }
            if (c instanceof java.net.UnknownHostException) {
                return "cannot find the model server: unknown host";
            }
            if (c instanceof javax.net.ssl.SSLException) {
                return "the secure (TLS) connection to the model server failed";
            }
            if (c instanceof java.io.EOFException) {
                return "the connection closed mid-reply";
            }
            // the HTTP body parsed, but not into a chat completion: bad JSON, wrong types, numbers out of range,
            // values beyond the parser's limits, or fields missing (then the client trips over a null)
            if (c instanceof com.fasterxml.jackson.core.JsonProcessingException || c instanceof NullPointerException
                    || c instanceof IndexOutOfBoundsException || c instanceof ClassCastException) {
                return LangChainChatClient.NOT_THE_FORMAT;
            }
            if (c instanceof java.io.IOException) {
                return "the connection to the model server failed";
            }
        }
        return "the model request failed for an unexpected reason";
    }
}
