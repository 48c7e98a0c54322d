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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's {@link HttpClient} on the JDK client for plain request/response calls, throwing
 * {@link ProviderHttpException} (status and {@code Retry-After}) on failures, which LangChain4j's own JDK client
 * drops. HTTP/1.1 only: local OpenAI-compatible servers need not understand an {@code h2c} upgrade. Streaming,
 * which the judge never uses, goes to the delegate.
 *
 * <p>Status: internal.
 */
public final class StatusAwareHttpClient implements HttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "expect",
            "host", "upgrade");

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
        HttpResponse<String> response;
        try {
            response = jdk.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model server", e);
        }
        Map<String, List<String>> headers = response.headers().map();
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null),
                    Instant.now());
            throw new ProviderHttpException(status, response.body(), retryAfter);
        }
        return SuccessfulHttpResponse.builder().statusCode(status).headers(headers).body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }
}
