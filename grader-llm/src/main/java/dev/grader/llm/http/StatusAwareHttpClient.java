package dev.grader.llm.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LangChain4j's {@link HttpClient} on the JDK client for plain request/response calls, throwing
 * {@link ProviderHttpException} (status and {@code Retry-After}) on failures, which LangChain4j's own JDK client
 * drops. The read timeout bounds the whole exchange, body included ({@link ReplyTimeoutException}), and a reply
 * is read up to {@value #MAX_REPLY_BYTES} bytes; failures say what happened in words
 * ({@link ReplyFailureException}). HTTP/1.1 only: local OpenAI-compatible servers need not understand an {@code h2c} upgrade. Streaming,
 * which the judge never uses, goes to the delegate.
 */
public final class StatusAwareHttpClient implements HttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "expect",
            "host", "upgrade");

    /** The largest reply read: a grading reply is a few kB, so anything near this is not one. */
    static final int MAX_REPLY_BYTES = 8 << 20;

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final HttpClient streaming;

    StatusAwareHttpClient(Duration connectTimeout, Duration readTimeout, HttpClient streaming) {
        java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        this.jdk = b.build();
        this.readTimeout = readTimeout;
        this.streaming = streaming;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        String body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher = body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body);
        b.method(request.method().name(), publisher);
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        HttpResponse<byte[]> response = exchange(b.build());
        Map<String, List<String>> headers = response.headers().map();
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null),
                    Instant.now());
            throw new ProviderHttpException(status, text(response.body()), retryAfter);
        }
        return SuccessfulHttpResponse.builder().statusCode(status).headers(headers).body(text(response.body()))
                .build();
    }

    /**
     * Sends the request and reads the whole reply within the timeout. The JDK's request timeout stops at the
     * headers, so a server that stalls mid-body would block for ever: the deadline here covers the body too, and
     * when it passes the exchange is cancelled (its connection closed), not left behind.
     */
    private HttpResponse<byte[]> exchange(java.net.http.HttpRequest request) {
        BoundedBody body = new BoundedBody(MAX_REPLY_BYTES);
        CompletableFuture<HttpResponse<byte[]>> future = jdk.sendAsync(request, body);
        try {
            return readTimeout == null ? future.get() : future.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel(body, future);
            throw new UncheckedIOException(new ReplyTimeoutException(readTimeout));
        } catch (InterruptedException e) {
            cancel(body, future);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model server", e);
        } catch (ExecutionException e) {
            throw new UncheckedIOException(failure(e.getCause(), body.headersReceived()));
        }
    }

    private static void cancel(BoundedBody body, CompletableFuture<?> future) {
        body.abort();
        future.cancel(true);
    }

    /** The exchange's failure as an IOException whose message, when it is ours, is the reason in words. */
    private IOException failure(Throwable cause, boolean headersReceived) {
        if (cause instanceof ReplyFailureException failure) {
            return failure;
        }
        if (cause instanceof HttpTimeoutException) {
            return new ReplyTimeoutException(readTimeout);
        }
        if (cause instanceof java.net.ConnectException connect) {
            return connect;
        }
        if (cause instanceof IOException io) {
            return new ReplyFailureException(headersReceived ? "the connection closed mid-reply"
                    : "the model server closed the connection without replying", io);
        }
        return new IOException(cause);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }
}
